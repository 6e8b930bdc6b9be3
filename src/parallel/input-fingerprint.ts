import { createHash, createHmac } from 'node:crypto';
import { open } from 'node:fs/promises';

const EDGE = 64 * 1024;

/**
 * A cheap identity of a file for shards on different machines: sha256 of its size and its first and last 64 KiB.
 * Copies of one file agree; another export of the register (other size, other first or last rows) does not.
 * @example await inputFingerprint('parcels.csv', 123456) // 'sha256:9f2c…'
 */
export async function inputFingerprint(path: string, size: number): Promise<string> {
  const file = await open(path, 'r');
  try {
    const hash = createHash('sha256').update(`${size}\n`);
    const head = new Uint8Array(Math.min(EDGE, size));
    await file.read(head, 0, head.length, 0);
    hash.update(head);
    const tail = new Uint8Array(Math.min(EDGE, size));
    await file.read(tail, 0, tail.length, size - tail.length);
    hash.update(tail);
    return `sha256:${hash.digest('hex')}`;
  } finally {
    await file.close();
  }
}

/**
 * A value that tells whether two runs hashed personal values with the same key, without revealing the key: the
 * first 16 hex digits of an HMAC of a fixed text under it ('' for no key).
 * @example piiKeyCheck('s3cret') === piiKeyCheck('s3cret') // true
 */
export function piiKeyCheck(key: string | undefined): string {
  if (key === undefined || key === '') return '';
  return createHmac('sha256', key).update('ddss shard state: pii key check').digest('hex').slice(0, 16);
}
