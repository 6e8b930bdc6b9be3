import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../src/validate.js';
import { defineDataset, field } from '../src/index.js';
import { readCsv } from '../src/sources/csv/read-csv.js';
import { readJson } from '../src/sources/json/read-json.js';
import { toJson } from '../src/outputs/json.js';
import { validateShard } from '../src/parallel/validate-shard.js';
import { mergeShards, planShards } from '../src/parallel/merge-shards.js';
import { decodeShardState, encodeShardState } from '../src/parallel/state-file.js';
import { splitRanges } from '../src/parallel/split.js';
import { landParcels } from '../rules/datasets/index.js';
import type { Violation } from '../src/core/types.js';
import type { ShardState } from '../src/parallel/shard-state.js';
import { cli } from './fixtures/cli/harness.js';
import { shardViolations } from './_parallel-runs.js';

const dir = mkdtempSync(join(tmpdir(), 'ddss-json-shards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const now = '2026-11-22T00:00:00.000Z';
const file = (name: string, text: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** The land sample's records, as objects of text (as the CSV gives them). */
const records: Record<string, unknown>[] = [];
for await (const r of readCsv('examples/land/parcels.csv')) records.push(r as Record<string, unknown>);
const line = (i: number): string => JSON.stringify(records[i % records.length]);
const enc = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * NDJSON of exactly `size` bytes where every cut of 2, 3 and 7 shards falls inside a special line: one that is not
 * JSON, one with escaped line breaks and text that looks like records, one that is not an object, a blank run.
 */
function ndjsonWithCuts(size: number): string {
  const cuts = [...new Set([2, 3, 7].flatMap((n) => splitRanges(size, 0, n).slice(1).map((r) => r.from)))].sort((a, b) => a - b);
  const specials = [
    (pad: string) => `{"parcel_id": "P-BROKEN", "area_m2": oops, "note": "${pad}"}`,
    (pad: string) => JSON.stringify({ ...records[3], owner_address: `Số 1\n{"parcel_id":"FAKE"}\n${pad}` }),
    (pad: string) => `["not", "an", "object", "${pad}"]`,
    (pad: string) => `${' '.repeat(pad.length)}\n\n${line(5)}`,
  ];
  let out = '';
  let i = 0;
  cuts.forEach((cut, c) => {
    while (enc(out) + 1500 < cut) out += `${line(i++)}\n`;
    const pad = 'x'.repeat(cut - enc(out) + 200);
    out += `${(specials[c % specials.length] as (p: string) => string)(pad)}\n`;
    if (enc(out) <= cut) throw new Error('the special line does not cover the cut');
  });
  while (enc(out) + 2500 < size) out += `${line(i++)}\n`;
  const last = line(i);
  out += `${last}${' '.repeat(size - enc(out) - enc(last) - 1)}\n`;
  if (enc(out) !== size) throw new Error(`built ${enc(out)} bytes, wanted ${size}`);
  return out;
}

// Elements that look like the array's own punctuation, a non-object element, a duplicate key.
const tricky = records.map((r, i) => (i % 97 === 5 ? { ...r, owner_address: '"}, {"parcel_id": "FAKE"}, [\n' } : r));
const arrayText = (space?: number): string => JSON.stringify([...tricky.slice(0, 700), 5, ...tricky.slice(700)], null, space)
  .replace('"parcel_id":"P000000009"', '"parcel_id":"P000000009","parcel_id":"P000000009"');
/** Bytes that are not UTF-8 inside values at about 30 % and 60 % of the file (same size: one ASCII byte each). */
function withBadBytes(text: string): Buffer {
  const buf = Buffer.from(text, 'utf8');
  for (const at of [0.3, 0.6]) buf[buf.indexOf('"land_use_code":"', Math.floor(buf.length * at)) + 17] = 0xff;
  return buf;
}
const nd = file('land.ndjson', withBadBytes(ndjsonWithCuts(420_000)));
const pretty = file('land-pretty.json', arrayText(2));
const compact = file('land-compact.json', withBadBytes(arrayText()));
const compactText = arrayText();
const brokenAt = compactText.indexOf('},{', Math.floor(compactText.length * 0.55)) + 1;
const broken = file('land-broken.json', `${compactText.slice(0, brokenAt)};${compactText.slice(brokenAt + 1)}`);
const truncated = file('land-truncated.json', compactText.slice(0, Math.floor(compactText.length * 0.8)));
/** A byte order mark opening the file, and U+FEFF opening the line where shard 2 of 3 begins (not a mark there). */
function withMarks(bytes: Buffer): Buffer {
  const size = bytes.length + 3;
  const cut = (splitRanges(size, 0, 3)[1] as { from: number }).from;
  const at = bytes.indexOf(0x0a, cut - 4) + 1; // the line start at or after the cut, once the mark is in front
  const end = bytes.length - 1; // drop three of the last line's padding spaces: the cuts stay where they were
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes.subarray(0, at), Buffer.from([0xef, 0xbb, 0xbf]),
    bytes.subarray(at, end - 3), bytes.subarray(end)]);
}
const bom = file('land-bom.ndjson', withMarks(readFileSync(nd)));
const blank = file('blank.ndjson', '\n \n\t\n');
// Files cut short by a crash: zero bytes to the end, long enough for shard cuts to fall inside them.
const ndText = readFileSync(nd);
const ndZeros = file('land-zeros.ndjson', Buffer.concat([ndText, Buffer.alloc(150_000)]));
const ndZerosMid = file('land-zeros-mid.ndjson', Buffer.concat([ndText.subarray(0, ndText.length - 300), Buffer.alloc(150_000)]));
const arrayZeros = file('land-zeros.json', Buffer.concat([Buffer.from(compactText), Buffer.alloc(150_000)]));
const truncatedZeros = file('land-truncated-zeros.json', Buffer.concat([Buffer.from(compactText.slice(0, Math.floor(compactText.length * 0.8))), Buffer.alloc(150_000)]));
const onlyZeros = file('zeros.ndjson', Buffer.alloc(4096));
// No line break after the last line, a long one that cuts fall inside: a later shard read its last byte as a line.
const noLastBreak = file('land-no-last-break.ndjson', Buffer.concat([ndText, Buffer.from(JSON.stringify({ ...records[1], owner_address: 'x'.repeat(150_000) }))]));
// A gzip export: its bytes are decoded by no shard; every shard fails saying what it is (source.binary_input).
const gzipped = file('land.ndjson.gz', gzipSync(readFileSync('examples/land/parcels.csv')));
// UTF-16 LE with its BOM (Windows PowerShell 5's `> export.json`): no shard decodes it as UTF-8 (source.encoding_mismatch).
const utf16 = file('land-utf16.ndjson', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(nd, 'utf8'), 'utf16le')]));

async function shardsOf(path: string, format: 'json' | 'ndjson', n: number): Promise<{ states: ShardState[]; found: Violation[][] }> {
  const states: ShardState[] = [];
  const found: Violation[][] = [];
  for (let k = 1; k <= n; k++) {
    const mine: Violation[] = [];
    const s = await validateShard(landParcels, readJson(path, { format }), { shard: `${k}/${n}`, now, onViolation: (v) => mine.push(v) });
    states.push(decodeShardState(encodeShardState(s)));
    found.push(mine);
  }
  return { states, found };
}

describe('validateShard of JSON and NDJSON files + mergeShards', () => {
  it.each([
    ['NDJSON, special lines at every cut', nd, 'ndjson', [1, 3, 7]],
    ['NDJSON with a byte order mark, and U+FEFF opening the line of a cut', bom, 'ndjson', [3]],
    ['NDJSON of blank lines only (an empty input)', blank, 'ndjson', [1, 3]],
    ['a pretty-printed JSON array', pretty, 'json', [1, 3, 7]],
    ['a JSON array on one line', compact, 'json', [3, 7]],
    ['a JSON array broken in the middle (partial)', broken, 'json', [3, 7]],
    ['a truncated JSON array (partial)', truncated, 'json', [7]],
    ['NDJSON ending in zero bytes (zero_filled_tail)', ndZeros, 'ndjson', [1, 3, 7]],
    ['NDJSON ending in zero bytes from inside its last line', ndZerosMid, 'ndjson', [3, 7]],
    ['a JSON array ending in zero bytes', arrayZeros, 'json', [3, 7]],
    ['a truncated JSON array ending in zero bytes (partial)', truncatedZeros, 'json', [3, 7]],
    ['NDJSON of zero bytes only (partial)', onlyZeros, 'ndjson', [1, 3]],
    ['NDJSON whose long last line has no line break after it', noLastBreak, 'ndjson', [3, 7]],
    ['a gzip file read as NDJSON (binary_input)', gzipped, 'ndjson', [1, 3]],
    ['a gzip file read as a JSON array (binary_input)', gzipped, 'json', [1, 3]],
    ['UTF-16 read as NDJSON (encoding_mismatch)', utf16, 'ndjson', [1, 3]],
    ['UTF-16 read as a JSON array (encoding_mismatch)', utf16, 'json', [1, 3]],
  ] as const)('%s: merged, the report and violations of one run', async (_, path, format, counts) => {
    const single: Violation[] = [];
    const one = await validate(landParcels, readJson(path, { format }), { now, onViolation: (v) => single.push(v) });
    for (const n of counts) {
      const { states, found } = await shardsOf(path, format, n);
      const given = [...states].reverse();
      const plan = planShards(landParcels, given);
      const merged = shardViolations(plan, found);
      const report = mergeShards(landParcels, given, { onViolation: (v) => merged.push(v) });
      expect(toJson(report)).toBe(toJson(one));
      expect(JSON.stringify(merged)).toBe(JSON.stringify(single));
    }
    if (path === gzipped) expect([one.rows, one.status, one.source?.error]).toEqual([0, 'error', expect.stringMatching(/^the input is gzip data, not text/)]);
    else if (path === utf16) expect([one.rows, one.status, one.source?.error]).toEqual([0, 'error', expect.stringMatching(/^the input is UTF-16 LE text, and JSON is read as UTF-8/)]);
    else if (path === onlyZeros) expect([one.rows, one.status, one.source?.error]).toEqual([0, 'error', expect.stringMatching(/^the input holds no text, only 4096 zero bytes/)]);
    else if (path !== blank) expect(one.rows).toBeGreaterThan(500);
    if ([ndZeros, ndZerosMid, arrayZeros, truncatedZeros, onlyZeros].includes(path)) {
      expect(one.rules.find((r) => r.id === 'source.zero_filled_tail')).toMatchObject({ checked: 1, failed: 1 });
      expect(one.rules.find((r) => r.id === 'source.invalid_json' || r.id === 'source.control_character')?.samples.some((x) => x.message.includes('\\u0000')) ?? false).toBe(false);
    }
  }, 120_000);

  it('the NDJSON sample has what it is meant to: findings of the special lines, and a cut inside each', async () => {
    const one = await validate(landParcels, readJson(nd, { format: 'ndjson' }), { now });
    const codes = one.rules.filter((r) => r.failed > 0).map((r) => r.id);
    expect(codes).toEqual(expect.arrayContaining(['source.invalid_json', 'source.non_object_element', 'source.invalid_encoding']));
    const broke = await validate(landParcels, readJson(broken, { format: 'json' }), { now });
    expect(broke.partial).toBe(true);
  });

  it('a JSON source of undeclared format, or a stream, is refused', async () => {
    const plain = file('land.txt', readFileSync(nd));
    await expect(validateShard(landParcels, readJson(plain), { shard: '1/2', now })).rejects.toThrow(/declare whether it is json or ndjson/);
    await expect(validateShard(landParcels, readJson([Buffer.from('{}\n')], { format: 'ndjson' }), { shard: '1/2', now })).rejects.toThrow(/not a stream/);
  });
});

describe('ddss validate FILE.ndjson|.json --shard K/N and ddss merge', () => {
  it.each([[nd, 3], [pretty, 7]] as const)('%s: byte-identical report and violations file', async (path, n) => {
    const NOW = ['--now', '2026-11-22'];
    const one = await cli(['validate', path, '--dataset', 'land-parcels', ...NOW, '--workers', '1', '--format', 'json', '--violations', join(dir, 'one.csv'), '--force']);
    const parts: string[] = [];
    for (let k = 1; k <= n; k++) {
      parts.push(join(dir, `cli-${k}.ddss-state`));
      const r = await cli(['validate', path, '--dataset', 'land-parcels', ...NOW, '--shard', `${k}/${n}`, '--state-out', parts[k - 1] as string,
        '--violations', join(dir, `cli-${k}.ndjson`), '--force']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const merged = await cli(['merge', ...parts, '--format', 'json', '--violations', join(dir, 'merged.csv'), '--force']);
    expect(merged.stderr).toBe(one.stderr);
    expect(merged.code).toBe(one.code);
    expect(merged.stdout).toBe(one.stdout);
    expect(readFileSync(join(dir, 'merged.csv'), 'utf8')).toBe(readFileSync(join(dir, 'one.csv'), 'utf8'));
  }, 120_000);
});

// Shards dropped the JSON reader's columns (the keys seen so far): merged NDJSON shards knew only the first shard's
// keys (a property first seen later was a missing column), merged JSON array shards none at all.
describe('the keys of JSON records, as columns, through shards', () => {
  const def = defineDataset({ name: 'notes', key: 'id', fields: { id: field.text().required(), name: field.text(), note: field.text() } });
  const rows = Array.from({ length: 3000 }, (_, i) => ({ id: `r${i}`, name: `n${i}`, ...(i >= 2000 ? { note: 'x' } : {}) }));
  const late = file('late-key.ndjson', `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const none = file('no-note.json', JSON.stringify(rows.map(({ id, name }) => ({ id, name })), null, 1));

  it.each([['NDJSON, a key first seen in the last third', late, 'ndjson'], ['a JSON array, a declared key in no record', none, 'json']] as const)(
    '%s: merged, the report of one run', async (_, path, format) => {
      const one = toJson(await validate(def, readJson(path, { format }), { now }));
      for (const n of [2, 3]) {
        const states: ShardState[] = [];
        for (let k = 1; k <= n; k++) states.push(decodeShardState(encodeShardState(await validateShard(def, readJson(path, { format }), { shard: `${k}/${n}`, now }))));
        expect(toJson(mergeShards(def, states))).toBe(one);
      }
      const report = JSON.parse(one) as { rules: Array<{ id: string; failed: number }> };
      expect(report.rules.some((r) => r.id === 'source.missing_column')).toBe(format === 'json');
    });
});

// `validate(def, readJson(path), { workers: 2 })` took the JSON source's `file` (there for shards) for a CSV file's and
// failed: "Cannot read properties of undefined (reading 'name')" — `ddss validate big.ndjson` with the default workers.
describe('a JSON source with workers', () => {
  it('is read by one thread, giving the report of one', async () => {
    const one = toJson(await validate(landParcels, readJson(nd, { format: 'ndjson' }), { now }));
    const two = toJson(await validate(landParcels, readJson(nd, { format: 'ndjson' }), { now, workers: 2, minBytesPerWorker: 1 }));
    expect(two).toBe(one);
  });
});
