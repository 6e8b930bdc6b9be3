/**
 * The hash seed of the uniqueness tables (./_key-table.ts): random per thread, so crafted input cannot aim collisions
 * at a table, and shared with the worker threads a thread starts, so their tables merge without re-hashing.
 */
let threadSeed: number | undefined;

/**
 * This thread's hash seed: drawn at random on first use, unless adopted from the thread that started this one.
 * @example new Worker(url, { workerData: { keySeed: keySeed() } })
 */
export function keySeed(): number {
  threadSeed ??= globalThis.crypto.getRandomValues(new Int32Array(1))[0] as number;
  return threadSeed;
}

/**
 * Makes `seed` this thread's hash seed (a worker thread adopting its parent's, before it builds any table), so
 * that the tables it sends back merge without re-hashing. Tables built before keep their own seed.
 * @example adoptKeySeed(workerData.keySeed)
 */
export function adoptKeySeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < -(2 ** 31) || seed >= 2 ** 31) throw new Error('ddss: a key seed is an int32');
  threadSeed = seed;
}
