import { readFileSync } from 'node:fs';
import { splitRanges } from '../src/parallel/split.js';

/**
 * A CSV file of exactly `size` bytes built from a sample's rows, where every cut of 3 and of 7 shards (and of 2)
 * falls inside a quoted value of column `column` that holds line breaks and text that looks like records: the
 * file a shard would misread if it started at the first line break after its cut.
 */
export function csvWithQuotedCuts(sample: string, column: number, size: number, counts: readonly number[] = [2, 3, 7]): string {
  const text = readFileSync(sample, 'utf8');
  const [header, ...rows] = text.split('\n').filter((l) => l !== '' && !l.includes('"'));
  const cuts = [...new Set(counts.flatMap((n) => splitRanges(size, 0, n).slice(1).map((r) => r.from)))].sort((a, b) => a - b);
  const enc = (s: string) => Buffer.byteLength(s, 'utf8');
  let out = `${header}\n`;
  let i = 0;
  for (const cut of cuts) {
    while (enc(out) + 600 < cut) out += `${rows[i++ % rows.length]}\n`;
    // A quoted value from before the cut to well past it, with lines that read as records when taken out of it.
    const row = (rows[i++ % rows.length] as string).split(',');
    const need = cut - enc(out) + 400;
    let value = '"Số 1\n';
    while (enc(value) < need) value += `${rows[(i * 7 + enc(value)) % rows.length]}\n`;
    row[column] = `${value}cuối"`;
    out += `${row.join(',')}\n`;
    if (enc(out) <= cut) throw new Error('the quoted value does not cover the cut');
  }
  while (enc(out) + 900 < size) out += `${rows[i++ % rows.length]}\n`;
  // The last row is padded in its first field to the exact size (an over-long identifier: a finding, not a problem).
  const last = (rows[i % rows.length] as string).split(',');
  last[0] = `${last[0]}${'9'.repeat(size - enc(out) - enc(`${last.join(',')}\n`))}`;
  out += `${last.join(',')}\n`;
  if (enc(out) !== size) throw new Error(`built ${enc(out)} bytes, wanted ${size}`);
  return out;
}
