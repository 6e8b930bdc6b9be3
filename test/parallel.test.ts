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
const csv = fc.tuple(fc.array(fc.tuple(record, eol), { minLength: 20, maxLength: 150 }), fc.boolean()).map(([rows, bom]) =>
  `${bom ? '\ufeff' : ''}id,group,n,name,from\n${rows.map(([r, e]) => r + e).join('')}`);

async function both(text: string, workers: number) {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, text);
  const a: Violation[] = [];
  const b: Violation[] = [];
  const opts = { now: NOW, maxSamplesPerRule: 3 };
  const one = await validate(parallelParcels, readCsv(path), { ...opts, onViolation: (v) => a.push(v) });
  const many = await validate(parallelParcels, readCsv(path), { ...opts, workers, minBytesPerWorker: 1, onViolation: (v) => b.push(v) });
  return { one, many, a, b };
}

describe('parallel validation (invariant 3 across worker threads)', () => {
  it('gives the single-threaded report and violation stream byte for byte, whatever the cut points', async () => {
    await fc.assert(fc.asyncProperty(csv, fc.integer({ min: 2, max: 4 }), async (text, workers) => {
      const { one, many, a, b } = await both(text, workers);
      expect(toJson(many)).toBe(toJson(one));
      expect(b).toEqual(a);
    }), { numRuns: 8 }); // each run starts worker threads: few runs, each with many records and cut points
  }, 180_000);

  it('re-runs a range whose guessed start fell inside a quoted value', async () => {
    // Long quoted values full of line breaks: nominal cuts land inside them.
    const rows = Array.from({ length: 40 }, (_, i) => `P${i},a,${i},"line\\n${'x\n'.repeat(30)}end",01/01/2024`);
    const { one, many } = await both(`id,group,n,name,from\n${rows.join('\n')}\n`, 4);
    expect(toJson(many)).toBe(toJson(one));
    expect(many.rows).toBe(40);
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
    await expect(validate(rest, readCsv(path), { workers: 2, minBytesPerWorker: 1 })).rejects.toThrow(/module/);
  });
});
