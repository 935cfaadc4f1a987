// What the gadget's browser tests share, on the stand-in page and the real wiki alike.

/** The tab's link: in a portlet item (li#ca-coursestaff), or in Minerva 1.39's tab bar (a#ca-coursestaff). */
export const TAB = '#ca-coursestaff > a, a#ca-coursestaff';
export const DIALOG = '[role="dialog"]';

// Clipboard stand-ins installed before the page's scripts: one records, one refuses, one is absent.
export const RECORDING_CLIPBOARD = `Object.defineProperty(navigator, 'clipboard', { configurable: true, value: {
  writeText: function (text) { window.__copied = text; return Promise.resolve(); } } });`;
export const REFUSING_CLIPBOARD = `Object.defineProperty(navigator, 'clipboard', { configurable: true, value: {
  writeText: function () { return Promise.reject(new DOMException('denied', 'NotAllowedError')); } } });`;
export const NO_CLIPBOARD = `Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });`;
