import { open } from 'node:fs/promises';
import { sniffEncoding } from '../sources/decode/sniff-encoding.js';

const HEAD = 4096;

/**
 * Whether a file declared in a single-byte-delimited encoding (UTF-8, Windows-1258) really is one, so byte ranges
 * cut at line breaks fall between characters. A UTF-16 file (its byte order mark, which the decoder follows, or
 * its zero bytes) is not: its line breaks are two bytes and a range cut at one would decode as garbage, so such a
 * file is read by one thread, which follows the mark or reports `encoding_mismatch`.
 * @example if (!(await splitsAsDeclared('parcels.csv'))) workers = 1;
 */
export async function splitsAsDeclared(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = new Uint8Array(HEAD);
    const { bytesRead } = await file.read(head, 0, HEAD, 0);
    const likely = sniffEncoding(head.subarray(0, bytesRead), bytesRead < HEAD)?.likely;
    return likely !== 'utf16le' && likely !== 'utf16be';
  } finally {
    await file.close();
  }
}
