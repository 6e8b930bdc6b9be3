import { forEachObject } from '../core/for-each-object.js';

/**
 * The array buffers inside a (plain, structured-clonable) value that can be moved rather than copied to another
 * thread: those owned whole by one typed array. Views into a shared pool (Node's small `Buffer`s) are left to be
 * copied, since transferring their buffer would detach the pool under everything else using it.
 * @example worker.postMessage(state, transferables(state)) // a uniqueness log's buffers move, zero-copy
 */
export function transferables(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  forEachObject(value, (v) => {
    if (!ArrayBuffer.isView(v)) return;
    const b = v.buffer;
    if (b instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === b.byteLength) out.add(b);
  });
  return [...out];
}
