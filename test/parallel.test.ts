import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsv, toJson, validate } from '../src/index.js';
import type { Violation } from '../src/index.js';
import { parallelParcels } from './fixtures/parallel/definition.js';
import { landParcels } from '../rules/datasets/index.js';
import { NOW } from './_run.js';

const dir = mkdtempSync(join(tmpdir(), 'ddss-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const cell = fc.constantFrom('P1', 'P2', 'a', 'b', 'c', 'd', '', '7', '101', 'x', ' Nguyễn Văn An', 'Lê\u0301', '"q,uo""ted"',
  '"multi\nline"', '"crlf\r\ninside"', 'stray"quote', '01/02/2024', '31/02/2024', '"Đặng, Thị"', 'ừ😀');
const eol = fc.constantFrom('\n', '\r\n', '\n', '\r');
const record = fc.array(cell, { minLength: 0, maxLength: 7 }).map((cells) => cells.join(','));
/** Records larger than a small record cap, closed (the read goes on after them). */
const huge = fc.constantFrom(`P9,"${'w\n'.repeat(150)}",1`, `P8,a,${'L'.repeat(300)}`, `P7,"${'v'.repeat(300)}"`);
/** A quote left open: followed by records without quotes, it runs to the end of the file. */
const open = fc.constantFrom('ID_Q,"unclosed,x,1', `P6,"${'u\r\n'.repeat(100)}`);
const plain = fc.array(fc.constantFrom('P1', 'a', 'b', '', '7', 'x', ' Nguyễn Văn An', '01/02/2024', 'ừ😀'), { maxLength: 7 })
  .map((cells) => cells.join(','));
const csv = fc.tuple(
  fc.array(fc.tuple(record, eol), { minLength: 20, maxLength: 150 }),
  fc.boolean(),
  fc.array(fc.tuple(fc.nat(), huge), { maxLength: 2 }),
  fc.oneof(fc.constant(undefined), fc.tuple(open, fc.array(fc.tuple(plain, eol), { maxLength: 60 }))),
).map(([rows, bom, inserted, tail]) => {
  const lines = rows.map(([r, e]) => r + e);
  for (const [at, s] of inserted) lines.splice(at % (lines.length + 1), 0, `${s}\n`);
  if (tail !== undefined) lines.push(`${tail[0]}\n`, ...tail[1].map(([r, e]) => r + e));
  return `${bom ? '\ufeff' : ''}id,group,n,name,from\n${lines.join('')}`;
});
/** The record cap: small enough for the huge records above to exceed it, or the default. */
const cap = fc.constantFrom(256, 1024 * 1024);

async function both(text: string, workers: number, maxRecordBytes?: number) {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, text);
  const a: Violation[] = [];
  const b: Violation[] = [];
  const opts = { now: NOW, maxSamplesPerRule: 3 };
  const csvOpts = maxRecordBytes === undefined ? {} : { maxRecordBytes };
  const one = await validate(parallelParcels, readCsv(path, csvOpts), { ...opts, onViolation: (v) => a.push(v) });
  const many = await validate(parallelParcels, readCsv(path, csvOpts),
    { ...opts, workers, minBytesPerWorker: 1, onViolation: (v) => b.push(v) });
  return { one, many, a, b };
}

describe('parallel validation (invariant 3 across worker threads)', () => {
  it('gives the single-threaded report and violation stream byte for byte, whatever the cut points', async () => {
    await fc.assert(fc.asyncProperty(csv, fc.integer({ min: 2, max: 4 }), cap, async (text, workers, maxRecordBytes) => {
      const { one, many, a, b } = await both(text, workers, maxRecordBytes);
      expect(toJson(many)).toBe(toJson(one));
      expect(b).toEqual(a);
    }), { numRuns: 10, endOnFailure: true }); // each run starts threads: few runs, many records and cut points each; no shrinking
  }, 300_000);

  // An open quote ends the read: with a record cap it is partial (the records after it cannot be found), and every
  // range after it must not be evaluated, wherever the quote falls among the ranges.
  it.each([0.1, 0.35, 0.6])('an unclosed quote at %s of the file ends the read exactly as in one thread', async (at) => {
    const rows = Array.from({ length: 3000 }, (_, i) => `P${i},${'abc'[i % 3]},${i % 100},An,01/01/2024`);
    rows.splice(Math.floor(rows.length * at), 0, 'ID_Q,"unclosed,x,1');
    const { one, many, a, b } = await both(`id,group,n,name,from\n${rows.join('\n')}\n`, 2, 4096);
    expect(one).toMatchObject({ partial: true, status: 'error' });
    expect(one.source?.error).toMatch(/line \d+ is larger than 4096 bytes/);
    expect(toJson(many)).toBe(toJson(one));
    expect(b).toEqual(a);
  }, 120_000);

  // A quote opened mid-file that closes at a later record's quoted value reads the records in between into one value;
  // its missing_cell findings say how many lines it ran over, in the same words whichever range it falls in.
  it.each([0.1, 0.5, 0.9])('a stray quote at %s of the file, closed by a quoted value of the next record, is said as in one thread', async (at) => {
    const rows = Array.from({ length: 3000 }, (_, i) => `P${i},${'abc'[i % 3]},${i % 100},"An, ${i}",01/01/2024`);
    const k = Math.floor(rows.length * at);
    rows.splice(k, 0, 'P_Q,"stray,1');
    const { one, many, a, b } = await both(`id,group,n,name,from\n${rows.join('\n')}\n`, 2);
    expect(toJson(many)).toBe(toJson(one));
    expect(b).toEqual(a);
    const stray = a.filter((v) => v.code === 'missing_cell');
    // P_Q's second cell is `stray,1⏎P<k>,…,An` and its third ` <k>"`: four cells of five, record P<k> inside it.
    expect(stray.map((v) => [v.key, v.line])).toEqual([['P_Q', k + 2]]);
    expect(stray[0]?.message).toContain('runs over 1 more line: if a quote is not closed where it should be, the record on that line was read into this one');
    const unbalanced = a.filter((v) => v.code === 'unbalanced_quote');
    expect(unbalanced.map((v) => [v.key, v.line, v.field])).toEqual([['P_Q', k + 2, 'group']]);
    // Its own words say what the quote did, once: not the cell-count findings' sentence again.
    expect(unbalanced[0]?.message).toMatch(/: a quoted value holds line breaks \(further lines the record runs over: 1\) and text follows its closing quote: .*\(kept as written\)$/);
    expect(one.rows).toBe(3000);
  }, 120_000);

  it('re-runs a range whose guessed start fell inside a quoted value', async () => {
    // Long quoted values full of line breaks: nominal cuts land inside them.
    const rows = Array.from({ length: 40 }, (_, i) => `P${i},a,${i},"line\\n${'x\n'.repeat(30)}end",01/01/2024`);
    const { one, many } = await both(`id,group,n,name,from\n${rows.join('\n')}\n`, 4);
    expect(toJson(many)).toBe(toJson(one));
    expect(many.rows).toBe(40);
  }, 60_000);

  // Byte ranges cut at line breaks would fall inside UTF-16 characters: a file whose bytes say UTF-16 (its byte
  // order mark, or its zero bytes) is read as one thread reads it, though declared (by default) UTF-8.
  it.each([
    // The decoder follows the mark: the file is read as UTF-16.
    ['with a byte order mark', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]), 2000],
    // Read as UTF-8, the file is garbage and says so (encoding_mismatch), in the same words on both paths.
    ['without one', (s: string) => Buffer.from(s, 'utf16le'), 2001],
  ])('reads a UTF-16 file %s as one thread does', async (_, encode, rows) => {
    const lines = Array.from({ length: 2000 }, (_, i) => `P${i},${'abc'[i % 3]},${i % 100},Nguyễn Văn An,01/01/2024`);
    const path = join(dir, `f${files++}.csv`);
    writeFileSync(path, encode(`id,group,n,name,from\n${lines.join('\n')}\n`));
    const one = await validate(parallelParcels, readCsv(path), { now: NOW });
    const many = await validate(parallelParcels, readCsv(path), { now: NOW, workers: 2, minBytesPerWorker: 1 });
    expect(toJson(many)).toBe(toJson(one));
    expect(many.rows).toBe(rows);
  }, 60_000);

  it('validates the bundled land sample with the built-in definition on 2 workers exactly as on one', async () => {
    const opts = { now: NOW };
    const one = await validate(landParcels, readCsv('examples/land/parcels.csv'), opts);
    const two = await validate(landParcels, readCsv('examples/land/parcels.csv'), { ...opts, workers: 2, minBytesPerWorker: 1 });
    expect(toJson(two)).toBe(toJson(one));
    expect(one.rows).toBe(2000);
  }, 60_000);

  it('rejects with the worker\'s reason when a range fails', async () => {
    // A module that does not export the named dataset: every worker fails to load it.
    const renamed = { ...parallelParcels, name: 'not-exported' };
    const path = join(dir, 'fails.csv');
    writeFileSync(path, `id,group,n,name,from\n${'P1,a,1,An,01/01/2024\n'.repeat(200)}`);
    await expect(validate(renamed, readCsv(path), { workers: 3, minBytesPerWorker: 1 }))
      .rejects.toThrow(/does not export a dataset named "not-exported"/);
  }, 60_000);

  it('needs the definition module for workers', async () => {
    const { module: _m, ...rest } = parallelParcels;
    const path = join(dir, 'small.csv');
    writeFileSync(path, 'id,group,n,name,from\nP1,a,1,An,01/01/2024\n');
    // The advice names a module of its own: a script that also validates would run again in every worker.
    await expect(validate(rest, readCsv(path), { workers: 2, minBytesPerWorker: 1 }))
      .rejects.toThrow(/module: import\.meta\.url, … \}\) in a module of its own that only defines and exports it/);
  });
});
