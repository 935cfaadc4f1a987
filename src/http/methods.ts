// The API reads: GET (with HEAD, answered like it without a body) and the CORS preflight's OPTIONS are
// what any path here answers; /api/badges alone also takes POST (a batch of names as a form, which needs
// no CORS preflight: api-contract.md v1.2, "Badges").

export const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';

const ALLOWED = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The one path that takes POST. */
export const POST_PATH = '/api/badges';

/** The methods `path` (without its query) answers, for Allow and the preflight. */
export function allowedMethods(path: string): string {
  return path === POST_PATH ? `${ALLOWED_METHODS}, POST` : ALLOWED_METHODS;
}

export function isAllowedMethod(method: string, path: string): boolean {
  return ALLOWED.has(method) || (method === 'POST' && path === POST_PATH);
}
