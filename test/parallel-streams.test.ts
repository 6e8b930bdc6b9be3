import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsv, toJson, validate } from '../src/index.js';
import type { Violation } from '../src/index.js';
import { validateCsvParallel, type ParallelHooks } from '../src/parallel/validate-parallel.js';
import { parallelParcels } from './fixtures/parallel/definition.js';
import { NOW } from './_run.js';

const dir = mkdtempSync(join(tmpdir(), 'ddss-parallel-streams-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let spillDir: string;
beforeEach(() => { spillDir = mkdtempSync(join(dir, 'spill-')); });

const HEADER = 'id,group,n,name,from\n';
const ref = { module: parallelParcels.module as string, name: parallelParcels.name };

/** Validates `path` in one thread and with `workers` threads (through the hooks), collecting both violation streams. */
async function both(path: string, workers: number, hooks: ParallelHooks = {}) {
  const a: Violation[] = [];
  const b: Violation[] = [];
  const opts = { now: NOW, maxSamplesPerRule: 3 };
  const one = await validate(parallelParcels, readCsv(path), { ...opts, onViolation: (v) => a.push(v) });
  const file = readCsv(path).file;
  if (file === undefined) throw new Error('not splittable');
  const many = await validateCsvParallel(parallelParcels, ref, file, { ...opts, onViolation: (v) => b.push(v) }, workers, hooks);
  return { one, many, a, b };
}

describe('violations of ranges validated at once reach the sink in file order, in bounded memory', () => {
  it('spills what waiting ranges find to temporary files, replays them in order and deletes them', async () => {
    // Every row fails group.oneOf and two other rules: thousands of violations per range.
    const path = join(dir, 'every-row.csv');
    writeFileSync(path, HEADER + Array.from({ length: 6000 }, (_, i) => `P${i},zz,${i},An ,01/01/2024\n`).join(''));
    const spilled = new Set<number>();
    // Range 0 is held back until a later range has spilled: whether one would otherwise depends on how the threads
    // happen to be scheduled (on a busy machine range 0 may finish first and nothing waits).
    let laterSpilled!: () => void;
    const held = new Promise<void>((resolve) => { laterSpilled = resolve; });
    const { one, many, a, b } = await both(path, 3, { spillAfter: 10_000, tmpdir: spillDir,
      onSpill: (k) => { spilled.add(k); if (k > 0) laterSpilled(); }, beforePromote: (k) => (k === 0 ? held : undefined) });
    expect(a.length).toBeGreaterThan(12_000);
    expect(b).toEqual(a);
    expect(toJson(many)).toBe(toJson(one));
    expect([...spilled].some((k) => k > 0)).toBe(true);
    expect(readdirSync(spillDir)).toEqual([]);
  }, 120_000);

  it('forgets a spilled range whose guessed start was wrong and validates it again', async () => {
    // Long quoted values full of line breaks, and a failing row every line: nominal cuts land inside the values.
    const rows = Array.from({ length: 60 }, (_, i) => `P${i},zz,${i},"v\n${'x\n'.repeat(40)}end",01/01/2024`);
    const path = join(dir, 'quoted.csv');
    writeFileSync(path, `${HEADER}${rows.join('\n')}\n`);
    const { one, many, a, b } = await both(path, 4, { spillAfter: 1, tmpdir: spillDir });
    expect(b).toEqual(a);
    expect(toJson(many)).toBe(toJson(one));
    expect(readdirSync(spillDir)).toEqual([]);
  }, 120_000);
});

describe('a file that changes while workers read it is a partial read', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `P${i},a,${i % 100},An,01/01/2024\n`).join('');

  it.each([
    ['truncated', (p: string) => truncateSync(p, Math.floor(statSync(p).size / 2))],
    ['grown', (p: string) => appendFileSync(p, rows(500))],
  ])('reports a file %s after it was measured as partial, naming both sizes', async (_, change) => {
    const path = join(dir, `changing-${_}.csv`);
    writeFileSync(path, HEADER + rows(3000));
    const before = statSync(path).size;
    const file = readCsv(path).file;
    if (file === undefined) throw new Error('not splittable');
    // Deterministic: the file changes after it was measured and cut, before any range is read.
    const report = await validateCsvParallel(parallelParcels, ref, file, { now: NOW }, 2, { beforeRanges: () => change(path) });
    const after = statSync(path).size;
    expect(report.partial).toBe(true);
    expect(report.status).toBe('error');
    expect(report.source?.error).toBe(`the file changed while it was read (${before} bytes at the start, ${after} at the end)`);
  }, 120_000);
});

describe('the first range, validated on the calling thread', () => {
  it('stops after its current batch when a worker fails, and the run fails with the worker\'s error', async () => {
    const path = join(dir, 'long.csv');
    // Every row fails group.oneOf: the violations show how far the first range got.
    writeFileSync(path, HEADER + Array.from({ length: 100_000 }, (_, i) => `P${i},zz,${i % 100},An,01/01/2024\n`).join(''));
    const file = readCsv(path).file;
    if (file === undefined) throw new Error('not splittable');
    // The worker's module fails to load; it says so on a channel first, so the first range starts once it has.
    const module = join(dir, 'fails-in-workers.mjs');
    writeFileSync(module, `import { isMainThread } from 'node:worker_threads';
if (!isMainThread) {
  const c = new BroadcastChannel('ddss-test-worker-fails');
  c.postMessage('failing');
  c.close();
  throw new Error('the register is offline');
}
`);
    const channel = new BroadcastChannel('ddss-test-worker-fails');
    const failing = new Promise<void>((resolve) => { channel.onmessage = () => resolve(); });
    let violations = 0;
    const run = validateCsvParallel(parallelParcels, { module, name: parallelParcels.name }, file,
      { now: NOW, onViolation: () => { violations++; } }, 2, { beforePromote: (k) => (k === 0 ? failing : undefined) });
    await expect(run).rejects.toThrow('the register is offline');
    channel.close();
    // The first range holds over 50,000 rows; each batch (64 KiB) about 2,200.
    expect(violations).toBeLessThan(25_000);
  }, 120_000);
});
