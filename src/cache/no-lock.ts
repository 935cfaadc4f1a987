import type { Lock } from './types.js';

/** "Go ahead" from a store that cannot coordinate processes (in-process only, or Redis down). */
export const UNCOORDINATED: { readonly state: 'acquired'; readonly lock: Lock } = Object.freeze({
  state: 'acquired',
  lock: Object.freeze({ release: () => Promise.resolve() }),
});
