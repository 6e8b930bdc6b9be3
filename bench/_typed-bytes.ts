import { transferables } from '../src/parallel/transferables.js';

/**
 * Bytes of the array buffers a value owns (those a worker thread would transfer with it: every typed array of the
 * uniqueness and reference tables). Why not `process.memoryUsage().arrayBuffers`: it leaves out resizable
 * ArrayBuffers, on which those tables grow in place (rules/clean/_growable.ts), so it reports a fraction of them.
 * @example typedBytes(liveState(validator))
 */
export function typedBytes(value: unknown): number {
  return transferables(value).reduce((n, b) => n + b.byteLength, 0);
}
