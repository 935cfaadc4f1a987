// The examples inside the OpenAPI document. Written in as named examples: on each parameter (its
// value in that request) and on the response the request gets (`externalValue`: the request's URL,
// whose answer is the literal example). Read back out by the index, the demo and the tests.

import { EXAMPLES } from './examples.js';

interface Parameter {
  name: string;
  in: string;
  example?: unknown;
  examples?: Record<string, { summary: string; value: string }>;
}

interface MediaType {
  schema?: any;
  examples?: Record<string, { summary: string; externalValue?: string }>;
}

export interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: unknown; examples?: Record<string, { summary: string; value: Record<string, string> }> }> };
  responses?: Record<string, { description?: string; content?: Record<string, MediaType> }>;
}

/** The part of an OpenAPI 3 document this code reads and writes. */
export interface Doc {
  paths: Record<string, Record<string, Operation>>;
}

/** One documented example, as found in the document. */
export interface DocumentedExample {
  operationId: string;
  method: string;
  /** The path template, e.g. /api/users/{username}. */
  path: string;
  name: string;
  summary: string;
  url: string;
  status: number;
  mediaType: string;
  /** The declared schema of the response body. */
  schema: unknown;
  /** A POST's form body, encoded. */
  form?: string;
  /** Its content type. */
  formType?: string;
}

/** The values of a URL's path parameters and query parameters, as written (not decoded). */
function parameterValues(template: string, url: string): Map<string, string> {
  const [path = '', query = ''] = url.split('?', 2);
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '(.+)';
  });
  const match = new RegExp(`^${pattern}$`).exec(path);
  if (match === null) throw new Error(`openapi: example ${url} does not match ${template}`);
  const values = new Map(names.map((n, i) => [n, match[i + 1] ?? '']));
  for (const pair of query === '' ? [] : query.split('&')) {
    const [name = '', value = ''] = pair.split('=', 2);
    values.set(name, value);
  }
  return values;
}

export function attachExamples(doc: Doc): void {
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const op of Object.values(item)) {
      const examples = EXAMPLES[op.operationId ?? ''];
      if (examples === undefined) throw new Error(`openapi: no examples for ${op.operationId ?? path}`);
      // Copied on write: the generator shares response and parameter objects between operations.
      for (const [name, { summary, url, status, form }] of Object.entries(examples)) {
        const response = op.responses?.[status];
        const [mediaName, media] = Object.entries(response?.content ?? {})[0] ?? [];
        if (response === undefined || mediaName === undefined || media === undefined) {
          throw new Error(`openapi: ${op.operationId} declares no ${status} body for example ${name}`);
        }
        const named = { ...media.examples, [name]: { summary, externalValue: url } };
        const content = { ...response.content, [mediaName]: { ...media, examples: named } };
        op.responses = { ...op.responses, [status]: { ...response, content } };
        if (form !== undefined) {
          const [type, body] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
          if (type === undefined || body === undefined) throw new Error(`openapi: ${op.operationId} takes no body for example ${name}`);
          op.requestBody = { ...op.requestBody, content: { [type]: { ...body, examples: { ...body.examples, [name]: { summary, value: form } } } } };
        }
        const values = parameterValues(path, url);
        op.parameters = (op.parameters ?? []).map((param) => {
          const value = values.get(param.name);
          // `example` and `examples` exclude each other.
          const { example: _single, ...rest } = param;
          return value === undefined ? param : { ...rest, examples: { ...param.examples, [name]: { summary, value } } };
        });
      }
    }
  }
}

/** The form body of an operation's example `name`, if it has one. */
function formOf(op: Operation, name: string): { form: string; formType: string } | Record<string, never> {
  for (const [formType, body] of Object.entries(op.requestBody?.content ?? {})) {
    const fields = body.examples?.[name]?.value;
    if (fields !== undefined) return { form: new URLSearchParams(fields).toString(), formType };
  }
  return {};
}

export function documentedExamples(doc: Doc): DocumentedExample[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, op]) =>
      Object.entries(op.responses ?? {}).flatMap(([status, response]) =>
        Object.entries(response.content ?? {}).flatMap(([mediaType, media]) =>
          Object.entries(media.examples ?? {}).flatMap(([name, ex]) =>
            ex.externalValue === undefined
              ? []
              : [{ operationId: op.operationId ?? '', method: method.toUpperCase(), path, name, summary: ex.summary, url: ex.externalValue, status: Number(status), mediaType, schema: media.schema, ...formOf(op, name) }],
          ),
        ),
      ),
    ),
  );
}

/** Each documented operation with its query parameters and its first example that answers 200 (a POST's with its form, encoded). */
export function documentedEndpoints(doc: Doc): { route: string; summary: string; query: string[]; example: string; form?: string }[] {
  const examples = documentedExamples(doc);
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => {
      const example = examples.find((e) => e.operationId === op.operationId && e.status === 200);
      return {
        route: `${method.toUpperCase()} ${path}`,
        summary: op.summary ?? '',
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        example: example?.url ?? path,
        ...(example?.form !== undefined && { form: example.form }),
      };
    }),
  );
}
