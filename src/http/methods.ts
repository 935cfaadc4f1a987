// The API is read-only: GET (with HEAD, answered like it without a body) and the CORS preflight's
// OPTIONS are all any path here answers.

export const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';

const ALLOWED = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isAllowedMethod(method: string): boolean {
  return ALLOWED.has(method);
}
