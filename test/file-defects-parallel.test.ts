import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toJson } from '../src/index.js';
import type { Report } from '../src/index.js';
import { landParcels } from '../rules/datasets/index.js';
import { shards, threads } from './_parallel-runs.js';

// Two defects of real exports, in a file large enough to be cut into worker ranges and shards: a tail of zero bytes
// left by a crash (long enough that cuts fall inside it), and the header line repeated inside the data.
const dir = mkdtempSync(join(tmpdir(), 'ddss-defects-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const land = readFileSync('examples/land/parcels.csv');
const text = land.toString('utf8');
const headerLine = text.slice(0, text.indexOf('\n') + 1);
const lines = text.slice(headerLine.length).split(/(?<=\n)/);
const lastLine = lines[lines.length - 1] as string;

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const zeros = (n: number): Buffer => Buffer.alloc(n);
/** The header again every 700 data lines, once after the byte order mark of a second export. */
const joined = [headerLine, ...lines.flatMap((l, i) => (i > 0 && i % 700 === 0 ? [i === 1400 ? `\ufeff${headerLine}` : headerLine, l] : [l]))].join('');
// An invalid byte late in the file (in the last range): its offset must be the file's, not the range's.
const late = Buffer.concat([land.subarray(0, land.length - lastLine.length), Buffer.from([0x50, 0xff, 0x0a]), Buffer.from(lastLine)]);

const files = {
  'zero tail after the last line': file('tail.csv', Buffer.concat([land, zeros(300_000)])),
  'zero tail from inside the last line': file('tail-mid.csv', Buffer.concat([land.subarray(0, land.length - 40), zeros(150_000)])),
  'repeated header lines': file('joined.csv', joined),
  'an invalid byte in the last range': file('late.csv', late),
};

const run = (path: string, workers: number) => threads(landParcels, path, workers);
const sharded = (path: string, n: number) => shards(landParcels, path, n);

const rule = (r: Report, id: string) => r.rules.find((x) => x.id === id);

describe('file defects read alike by one thread, worker threads and shards', () => {
  it.each(Object.entries(files))('%s: 2 and 3 workers, and 3 shards, give the one-thread report byte for byte', async (_, path) => {
    const one = await run(path, 1);
    for (const workers of [2, 3]) {
      const many = await run(path, workers);
      expect(toJson(many.report)).toBe(toJson(one.report));
      expect(many.found).toEqual(one.found);
    }
    expect(toJson(await sharded(path, 3))).toBe(toJson(one.report));
  }, 120_000);

  it.each([
    ['zero tail after the last line', land.length, 300_000, land],
    ['zero tail from inside the last line', land.length - 40, 150_000, land.subarray(0, land.length - 40)],
  ] as const)('%s: one finding, and every other rule counts as in the file without the zeros', async (name, offset, bytes, cut) => {
    const { report } = await run(files[name], 2);
    const without = (await run(file(`cut-${offset}.csv`, cut), 1)).report;
    expect(rule(report, 'source.zero_filled_tail')).toMatchObject({ checked: 1, failed: 1, status: 'failed', criterion: 'sufficient' });
    // Samples carry no params: the message says them (the params themselves are asserted in csv-fixtures).
    expect(rule(report, 'source.zero_filled_tail')?.samples[0]?.message).toContain(` ${bytes} zero bytes from byte ${offset}:`);
    expect(report.status).toBe('failed');
    expect(report.partial).toBe(false); // the file was read to its end: its data is what is missing
    expect(report.rules.filter((r) => r.id !== 'source.zero_filled_tail')).toEqual(without.rules);
    expect(rule(report, 'source.control_character')).toBeUndefined();
    expect(report.rows).toBe(without.rows);
    expect(report.source?.records).toBe(without.source?.records);
  }, 120_000);

  it('repeated header lines are rejected records, the rows around them counted as in the file without them', async () => {
    const { report } = await run(files['repeated header lines'], 2);
    const plain = (await run('examples/land/parcels.csv', 1)).report;
    const repeats = rule(report, 'source.repeated_header');
    expect(repeats).toMatchObject({ failed: 2, violations: 2, criterion: 'clean', severity: 'error', status: 'failed' });
    expect(repeats?.samples.map((s) => s.line)).toEqual([702, 1403]);
    expect(report.rows).toBe(plain.rows);
    expect(report.source?.records).toBe((plain.source?.records ?? 0) + 2);
    for (const r of plain.rules.filter((x) => !x.id.startsWith('source.'))) {
      expect([r.id, rule(report, r.id)?.checked, rule(report, r.id)?.failed]).toEqual([r.id, r.checked, r.failed]);
    }
  }, 120_000);
});
