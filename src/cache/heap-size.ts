// What a cached value costs on the V8 heap, estimated from its shape: the one size measure of both
// in-process caches (the data cache and the answer cache), so that their byte bounds are bounds on
// the heap the process needs, not on the length of some JSON text.
//
// The constants are V8's layouts on 64-bit Node.js builds (8-byte pointers: Node does not enable
// pointer compression), checked against heapUsed after a forced GC by `npm run bench` (heap cost
// section, bench/heap-cost.ts), which also shows that the estimate does not undercount.

const WORD = 8;
/** A sequential string: map, hash and length, then 1 byte a character (Latin-1) or 2 (anything above U+00FF). */
const STRING_HEADER = 16;
/** A plain object: map, properties and elements pointers; each own property then takes one slot. */
const OBJECT_HEADER = 3 * WORD;
/** An array: map, properties, elements, length; then its elements store (a header and one slot per element). */
const ARRAY_HEADER = 4 * WORD + 2 * WORD;
/** A number that is not a small integer (e.g. a timestamp) is boxed in a HeapNumber. */
const HEAP_NUMBER = 2 * WORD;
/**
 * One LRU entry beyond its key and value: the key map's slots (key, value, chain, a share of the
 * buckets, and the table's spare capacity) and lru-cache's per-index bookkeeping.
 */
const LRU_ENTRY = 12 * WORD;

/** A Buffer's objects (the view and its ArrayBuffer); its bytes lie outside the heap but count too: the process holds them. */
const BUFFER_HEADER = 20 * WORD;

/** Characters above U+00FF make V8 store the whole string at two bytes a character. */
const TWO_BYTE = /[^\u0000-\u00ff]/;

const roundUp = (bytes: number): number => Math.ceil(bytes / WORD) * WORD;

function stringBytes(s: string): number {
  return roundUp(STRING_HEADER + s.length * (TWO_BYTE.test(s) ? 2 : 1));
}

/** V8 keeps integers in 32 bits inline (Smi); anything else is a HeapNumber. */
function numberBytes(n: number): number {
  return Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 ? 0 : HEAP_NUMBER;
}

/** Heap bytes of a JSON-like value (strings, numbers, booleans, null, arrays, plain objects), or of a Buffer. */
export function heapBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return stringBytes(value);
    case 'number':
      return numberBytes(value);
    case 'object': {
      if (value === null) return 0;
      if (value instanceof Uint8Array) return BUFFER_HEADER + roundUp(value.byteLength);
      if (Array.isArray(value)) {
        // Arrays built by push have up to half their length again in spare capacity.
        let bytes = ARRAY_HEADER + Math.ceil(value.length * 1.5) * WORD;
        for (const item of value) bytes += heapBytes(item);
        return bytes;
      }
      let bytes = OBJECT_HEADER;
      for (const key in value) {
        // Property names are interned and shared by every object of a shape: only the slot counts.
        bytes += WORD + heapBytes((value as Record<string, unknown>)[key]);
      }
      return bytes;
    }
    default:
      // Booleans and undefined are shared constants; nothing else is cached.
      return 0;
  }
}

/** What one entry of an in-process LRU cache costs: its key, its value, and the LRU's bookkeeping. */
export function entryHeapBytes(key: string, value: unknown): number {
  return stringBytes(key) + heapBytes(value) + LRU_ENTRY;
}
