// Small text checks shared by the name and slug rules.

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/; // C0, DEL, C1
// A surrogate without its partner: not Unicode text, cannot be UTF-8 encoded (encodeURIComponent throws).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
const QUOTE_MAX = 60; // code points of client input quoted back in an error message

export function hasControl(text: string): boolean {
  return CONTROL.test(text);
}

export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** `text` with each lone surrogate replaced by U+FFFD, so that it can be UTF-8 encoded. */
export function wellFormed(text: string): string {
  return isWellFormed(text) ? text : text.replace(LONE_SURROGATES, '\uFFFD');
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** `text` as a JSON string literal (control characters escaped), cut short so a huge input is not echoed. */
export function quote(text: string): string {
  if (text.length <= QUOTE_MAX) return JSON.stringify(text);
  // The first QUOTE_MAX code points lie within the first 2 * QUOTE_MAX code units.
  const head = Array.from(text.slice(0, 2 * QUOTE_MAX)).slice(0, QUOTE_MAX).join('');
  return head.length === text.length ? JSON.stringify(text) : `${JSON.stringify(head)}…`;
}
