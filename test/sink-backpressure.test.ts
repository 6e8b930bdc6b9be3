import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  createValidator, defineDataset, field, gradeRecords, readCsv, SinkFailure, toJson, validate, validateShard, violationSink,
} from '../src/index.js';
import { gradeSink } from '../src/outputs/grades.js';
import type { RecordGrade, Violation } from '../src/index.js';
import { validateCsvParallel } from '../src/parallel/validate-parallel.js';
import { parallelParcels } from './fixtures/parallel/definition.js';
import { NOW } from './_run.js';
import { gatedReceiver } from './_gated.js';

const dir = mkdtempSync(join(tmpdir(), 'ddss-backpressure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ref = { module: parallelParcels.module as string, name: parallelParcels.name };
const ROWS = 6000;
// Every row fails group.oneOf and other rules: several violations a row, far more than one batch's worth.
const path = join(dir, 'every-row.csv');
writeFileSync(path, `id,group,n,name,from\n${Array.from({ length: ROWS }, (_, i) => `P${i},zz,${i},An ,01/01/2024\n`).join('')}`);

const rows = Array.from({ length: 50 }, (_, i) => ({ id: `P${i}`, group: 'zz', n: i, name: 'An ', from: `01/01/${2000 + i}` }));
/** The violations of a run that does not wait (what a waiting run must give too). */
async function plainRun(input: () => Parameters<typeof validate>[1]) {
  const seen: Violation[] = [];
  const report = await validate(parallelParcels, input(), { now: NOW, onViolation: (v) => seen.push(v) });
  return { report, seen };
}
const total = (await plainRun(() => readCsv(path))).seen.length;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Violations received, checked twice over 300 ms: a run that waits for its receiver stops taking more. */
async function pausedAt(seen: readonly unknown[]): Promise<number> {
  await sleep(150);
  const at = seen.length;
  await sleep(150);
  expect(seen.length).toBe(at);
  return at;
}

describe('a receiver that returns a Promise holds the run back until it settles', () => {
  it('one thread reads no more rows while the receiver waits, and resolves only after it settled', async () => {
    const r = gatedReceiver<Violation>();
    let done = false;
    const run = validate(parallelParcels, readCsv(path), { now: NOW, onViolation: r.receive }).then((x) => { done = true; return x; });
    const paused = await pausedAt(r.seen);
    expect(paused).toBeGreaterThan(0);
    expect(paused).toBeLessThan(total / 2); // one batch of rows, not the file
    expect(done).toBe(false);
    r.open();
    const report = await run;
    const plain = await plainRun(() => readCsv(path));
    expect(toJson(report)).toBe(toJson(plain.report));
    expect(r.seen).toEqual(plain.seen);
  });

  it('an array of rows is waited for after the row whose findings returned a Promise', async () => {
    const r = gatedReceiver<Violation>();
    const run = validate(parallelParcels, rows, { now: NOW, onViolation: r.receive });
    const paused = await pausedAt(r.seen);
    const plain = (await plainRun(() => rows)).seen;
    // Paused after the first row: every violation so far is the first row's, and all of them came.
    expect(paused).toBe(plain.filter((v) => v.row === plain[0]?.row).length);
    expect(r.seen.every((v) => v.row === plain[0]?.row)).toBe(true);
    r.open();
    expect((await run).rows).toBe(50);
    expect(r.seen).toEqual(plain);
  });

  it('with worker threads the workers are held back too, and the stream is the one-thread stream', async () => {
    // Only the last rows' violations wait (they are in the worker's range): the run gets there, then stops.
    const late = (v: Violation) => (v.row ?? 0) > ROWS - 500;
    const r = gatedReceiver<Violation>();
    const receive = (v: Violation) => (late(v) ? r.receive(v) : void r.seen.push(v));
    const file = readCsv(path).file;
    if (file === undefined) throw new Error('not splittable');
    let done = false;
    const run = validateCsvParallel(parallelParcels, ref, file, { now: NOW, onViolation: receive }, 2)
      .then((x) => { done = true; return x; });
    for (let waited = 0; !r.seen.some(late) && waited < 30_000; waited += 20) await sleep(20);
    expect(r.seen.some(late)).toBe(true);
    await pausedAt(r.seen);
    expect(done).toBe(false); // the last range's batch is not acknowledged, so the run cannot finish
    r.open();
    const report = await run;
    const plain = await plainRun(() => readCsv(path));
    expect(toJson(report)).toBe(toJson(plain.report));
    expect(r.seen).toEqual(plain.seen);
  }, 60_000);

  it('graded records are waited for as violations are', async () => {
    const { seen, open, receive } = gatedReceiver<RecordGrade>();
    const run = validate(parallelParcels, readCsv(path), { now: NOW, onRecord: receive });
    expect(await pausedAt(seen)).toBeLessThan(ROWS);
    open();
    expect((await run).recordGrades).toBeDefined();
    expect(seen).toHaveLength(ROWS);
  });

  it('gradeRecords and validateShard wait for onViolation', async () => {
    const r = gatedReceiver<Violation>();
    const graded: RecordGrade[] = [];
    const consume = (async () => {
      for await (const g of gradeRecords(parallelParcels, readCsv(path), { now: NOW, onViolation: r.receive })) graded.push(g);
    })();
    expect(await pausedAt(r.seen)).toBeLessThan(total / 2);
    r.open();
    await consume;
    expect(graded).toHaveLength(ROWS);

    const s = gatedReceiver<Violation>();
    const shard = validateShard(parallelParcels, readCsv(path), { shard: '1/2', now: NOW, onViolation: s.receive });
    expect(await pausedAt(s.seen)).toBeLessThan(total / 4);
    s.open();
    expect((await shard).state.rows).toBeGreaterThan(0);
  });
});

describe('a receiver whose Promise rejects ends the run with its error', () => {
  const failingAt = (n: number, when: (v: Violation, i: number) => boolean = (_, i) => i === n) => {
    const error = new Error('ENOSPC: no space left on device, write');
    let calls = 0;
    return { error, get calls() { return calls; }, receive: (v: Violation) => (when(v, ++calls) ? Promise.reject(error) : undefined) };
  };

  it('in one thread: validate rejects with the receiver\'s own error and stops reading', async () => {
    const f = failingAt(10);
    await expect(validate(parallelParcels, readCsv(path), { now: NOW, onViolation: f.receive })).rejects.toBe(f.error);
    expect(f.calls).toBeLessThan(total / 2);
  });

  it('from an array, and from gradeRecords', async () => {
    const plain = (await plainRun(() => rows)).seen;
    const second = plain.findIndex((v) => v.row !== plain[0]?.row); // the second row's first violation
    const f = failingAt(second + 1);
    await expect(validate(parallelParcels, rows, { now: NOW, onViolation: f.receive })).rejects.toBe(f.error);
    // The second row's violations, then no more rows.
    expect(f.calls).toBe(plain.filter((v) => v.row === plain[0]?.row || v.row === plain[second]?.row).length);
    const g = failingAt(10);
    await expect((async () => {
      for await (const x of gradeRecords(parallelParcels, readCsv(path), { now: NOW, onViolation: g.receive })) void x;
    })()).rejects.toBe(g.error);
  });

  it('with workers, whichever range it happens in', async () => {
    for (const when of [(_: Violation, i: number) => i === 10, (v: Violation) => (v.row ?? 0) > ROWS - 500]) {
      const f = failingAt(0, when);
      await expect(validate(parallelParcels, readCsv(path), { now: NOW, workers: 2, minBytesPerWorker: 1, onViolation: f.receive }))
        .rejects.toBe(f.error);
    }
  }, 60_000);

  it('with workers, a receiver that settles late on the last range\'s violations: awaited, and its failure not lost', async () => {
    // The worker sends its last batches without waiting for their acknowledgements: the run must wait for them itself.
    const late = (v: Violation) => (v.row ?? 0) > ROWS - 300;
    let returned = 0;
    let settled = 0;
    const slow = (v: Violation) => {
      if (!late(v)) return undefined;
      returned++;
      return sleep(300).then(() => { settled++; });
    };
    await validate(parallelParcels, readCsv(path), { now: NOW, workers: 2, minBytesPerWorker: 1, onViolation: slow });
    expect(returned).toBeGreaterThan(0);
    expect(settled).toBe(returned); // before: the run resolved with the last range's Promises still pending
    const error = new Error('insert failed late');
    const failing = (v: Violation) => (late(v) ? sleep(300).then(() => { throw error; }) : undefined);
    // Before: the rejection went to a failure nobody awaited any more, and a full report came back.
    await expect(validate(parallelParcels, readCsv(path), { now: NOW, workers: 2, minBytesPerWorker: 1, onViolation: failing }))
      .rejects.toBe(error);
  }, 60_000);

  it('a shard rejects with it too', async () => {
    const f = failingAt(10);
    await expect(validateShard(parallelParcels, readCsv(path), { shard: '1/2', now: NOW, onViolation: f.receive })).rejects.toBe(f.error);
  });
});

describe('the file sinks say when they are full', () => {
  /** A target that takes one chunk and then nothing until `release`. */
  function stalled() {
    const callbacks: Array<() => void> = [];
    const stream = new Writable({ highWaterMark: 1024, write(_chunk, _enc, cb) { callbacks.push(cb); } });
    return { stream, release: () => { for (const cb of callbacks.splice(0)) cb(); } };
  }
  const violation: Violation = { rule: 'name.trimmed', criterion: 'clean', severity: 'error', code: 'not_trimmed', message: 'x'.repeat(200), row: 1 };

  it('violationSink.write returns one Promise while the target is full, resolved once it drains', async () => {
    for (const format of ['csv', 'ndjson'] as const) {
      const t = stalled();
      const sink = violationSink(t.stream, { format, end: false });
      const results = Array.from({ length: 2000 }, () => sink.write(violation));
      const waits = results.filter((x) => x !== undefined);
      expect(waits.length).toBeGreaterThan(0);
      expect(new Set(waits).size).toBe(1); // one listener, not one per violation
      expect(t.stream.listenerCount('drain')).toBeLessThanOrEqual(2);
      let drained = false;
      void (waits[0] as Promise<void>).then(() => { drained = true; });
      await sleep(20);
      expect(drained).toBe(false);
      const pump = setInterval(t.release, 1);
      await waits[0];
      const closed = sink.close();
      await closed;
      clearInterval(pump);
    }
  });

  it('a target that fails while full ends the wait (no hang), and close() reports its error', async () => {
    for (const make of [
      (w: Writable) => violationSink(w, { format: 'ndjson', end: false }),
      (w: Writable) => violationSink(w, { format: 'csv', end: false }),
    ]) {
      const t = stalled();
      const sink = make(t.stream);
      const wait = Array.from({ length: 2000 }, () => sink.write(violation)).find((x) => x !== undefined);
      expect(wait).toBeDefined();
      t.stream.destroy(new Error('EIO: i/o error, write'));
      await wait; // resolves: the failure is the close's to report
      await expect(sink.close()).rejects.toThrow(/EIO/);
    }
    const t = stalled();
    const grades = gradeSink(t.stream, { format: 'ndjson', findingsOnly: false });
    const one = (await validate(parallelParcels, rows.slice(0, 1), { now: NOW, worstRecords: 1 })).worstRecords?.[0] as RecordGrade;
    const wait = Array.from({ length: 3000 }, () => grades.write(one)).find((x) => x !== undefined);
    t.stream.destroy(new Error('EIO: i/o error, write'));
    await wait;
    await expect(grades.close()).rejects.toThrow(/EIO/);
  });

  it('a target destroyed without an error while full ends the wait (no hang)', async () => {
    for (const format of ['ndjson', 'csv'] as const) {
      const t = stalled();
      const sink = violationSink(t.stream, { format, end: false });
      const wait = Array.from({ length: 2000 }, () => sink.write(violation)).find((x) => x !== undefined);
      expect(wait).toBeDefined();
      t.stream.destroy();
      // Before: it waited for a 'drain' or an error that never came.
      await expect(Promise.race([wait, sleep(2000).then(() => 'hung')])).resolves.toBeUndefined();
    }
  });

  it('gradeSink.write returns a Promise while the file is full', async () => {
    const t = stalled();
    const sink = gradeSink(t.stream, { format: 'ndjson', findingsOnly: false });
    const grade = (await validate(parallelParcels, [{ id: 'P1', group: 'zz', n: 1, name: 'An ', from: '01/01/2024' }],
      { now: NOW, worstRecords: 1 })).worstRecords?.[0] as RecordGrade;
    const waits = Array.from({ length: 3000 }, () => sink.write(grade)).filter((x) => x !== undefined);
    expect(waits.length).toBeGreaterThan(0);
    expect(new Set(waits).size).toBe(1);
    const pump = setInterval(t.release, 1);
    await waits[0];
    await sink.close();
    clearInterval(pump);
  });

  it('a violation file written with the sink as onViolation is whole', async () => {
    const out = join(dir, 'slow.ndjson');
    const sink = violationSink(out);
    const report = await validate(parallelParcels, readCsv(path), { now: NOW, onViolation: sink.write });
    await sink.close();
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(report.rules.reduce((n, r) => n + r.failed, 0));
  });
});

describe('a loop of its own around createValidator', () => {
  it('awaits waitForSinks: the receivers\' Promises as one, a SinkFailure with the receiver\'s error as cause', async () => {
    const error = new Error('insert failed');
    let settle!: () => void;
    const slow = new Promise<void>((resolve) => { settle = resolve; });
    let calls = 0;
    const v = createValidator(parallelParcels, { now: NOW, onViolation: () => (++calls === 1 ? slow : calls === 5 ? Promise.reject(error) : undefined) });
    expect(v.waitForSinks()).toBeUndefined(); // nothing returned yet
    v.add({ id: 'P1', group: 'zz', n: 1, name: 'An ', from: '01/01/2024' });
    const first = v.waitForSinks() as Promise<void>;
    let done = false;
    void first.then(() => { done = true; });
    await sleep(20);
    expect(done).toBe(false);
    settle();
    await first;
    expect(v.waitForSinks()).toBeUndefined(); // taken
    for (let i = 2; i < 5; i++) v.add({ id: `P${i}`, group: 'zz', n: i, name: 'An ', from: '01/01/2024' });
    const failed = await (v.waitForSinks() as Promise<void>).then(() => undefined, (e: unknown) => e);
    expect(failed).toBeInstanceOf(SinkFailure);
    expect((failed as SinkFailure).cause).toBe(error);
  });
});

// A loop of its own that caught the receiver's failure and went on got a normal report from `finish`: the row the
// receiver threw on counted as checked though its later rules never ran ("warned, score 0.5, b.pattern passed 0/2"
// where row 0's b was never evaluated). A validator whose receiver failed now refuses everything but waitForSinks.
describe('a validator whose receiver failed refuses every later call, naming the receiver\'s error', () => {
  const def = defineDataset({ name: 's', fields: { a: field.text().pattern(/^\d$/, { severity: 'warning' }), b: field.text().pattern(/^\d$/) } });
  const bad = { a: 'x', b: 'NOT-A-DIGIT' };
  const good = { a: '1', b: '2' };
  /** What `call` threw (undefined when it threw nothing). */
  const thrown = (call: () => unknown): unknown => {
    try {
      call();
    } catch (e) {
      return e;
    }
    return undefined;
  };
  const state = () => createValidator(def, { now: NOW }).state();
  /** Every call but waitForSinks throws a SinkFailure whose cause is `error`, in ddss's words naming `how`. */
  const refusesAll = (v: ReturnType<typeof createValidator>, error: unknown, how: RegExp) => {
    const calls: Array<[string, () => unknown]> = [
      ['add a row', () => v.add(good)], ['add a row', () => v.addMany([good])], ['add a batch', () => v.addBatch({ rows: [] })],
      ['add an issue', () => v.addIssue({ code: 'blank_record', criterion: 'clean', severity: 'warning', scope: 'record' })],
      ['merge a state', () => v.merge(state())], ['read the state', () => v.state()], ['finish', () => v.finish()],
    ];
    for (const [what, call] of calls) {
      const e = thrown(call);
      expect(e).toBeInstanceOf(SinkFailure);
      expect((e as SinkFailure).cause).toBe(error);
      expect((e as SinkFailure).message).toMatch(new RegExp(`^ddss: cannot ${what}: ${how.source} \\(db down\\)`));
    }
  };

  it.each([false, true])('onViolation that threw, the failure caught by the loop (grades: %s)', async (grades) => {
    const error = new Error('db down');
    let calls = 0;
    const v = createValidator(def, { now: NOW, grades, onViolation: () => { if (++calls === 1) throw error; } });
    const first = thrown(() => v.add(bad));
    expect(first).toBeInstanceOf(SinkFailure);
    expect((first as SinkFailure).cause).toBe(error);
    refusesAll(v, error, /onViolation threw/);
    await expect(v.waitForSinks()).rejects.toBe(first);
    expect(calls).toBe(1);
  });

  it('onRecord that threw on a graded record (given out when the next row begins, or by state)', () => {
    const error = new Error('db down');
    const v = createValidator(def, { now: NOW, onRecord: () => { throw error; } });
    v.add(bad);
    expect((thrown(() => v.add(good)) as SinkFailure).cause).toBe(error);
    refusesAll(v, error, /onRecord threw/);
    const w = createValidator(def, { now: NOW, onRecord: () => { throw error; } });
    w.add(bad);
    expect((thrown(() => w.state()) as SinkFailure).cause).toBe(error);
    refusesAll(w, error, /onRecord threw/);
  });

  it('a receiver whose Promise rejected, once the rejection is known', async () => {
    const error = new Error('db down');
    const v = createValidator(def, { now: NOW, onViolation: () => Promise.reject(error) });
    v.add(bad);
    await expect(v.waitForSinks()).rejects.toBeInstanceOf(SinkFailure);
    refusesAll(v, error, /onViolation's Promise rejected/);
  });

  it('validate still rejects with the receiver\'s own error, and a receiver that never fails changes nothing', async () => {
    const error = new Error('db down');
    await expect(validate(def, [bad, good], { now: NOW, onViolation: () => { throw error; } })).rejects.toBe(error);
    const seen: Violation[] = [];
    const v = createValidator(def, { now: NOW, onViolation: (x) => { seen.push(x); } });
    v.addMany([bad, good]);
    expect(v.finish().rules.map((r) => [r.id, r.failed])).toEqual([['a.type', 0], ['a.pattern', 1], ['b.type', 0], ['b.pattern', 1]]);
    expect(seen).toHaveLength(2);
  });
});

// A receiver that threw used to be read as a failure of the input: `validate` resolved with a partial report whose
// error read "the input could not be read completely: db down" (and with workers the throw escaped into a worker's
// message handler). A throw is the receiver failing, as a rejected Promise is: the run rejects with what it threw.
describe('a receiver that throws ends the run with what it threw, as a rejection does', () => {
  const throwingAt = (thrown: unknown, when: (v: Violation, i: number) => boolean) => {
    let calls = 0;
    return { get calls() { return calls; }, receive: (v: Violation) => { if (when(v, ++calls)) throw thrown; } };
  };
  /** What the run rejected with (`{ rejected }`, so `undefined` thrown is told from a resolved run). */
  const outcome = (run: Promise<unknown>) => run.then(() => 'resolved', (e: unknown) => ({ rejected: e }));

  it('in one thread, whatever was thrown (an Error, a string, undefined), and it stops reading', async () => {
    for (const thrown of [new Error('db down'), 'db down', undefined]) {
      const f = throwingAt(thrown, (_, i) => i === 10);
      expect(await outcome(validate(parallelParcels, readCsv(path), { now: NOW, onViolation: f.receive }))).toEqual({ rejected: thrown });
      expect(f.calls).toBe(10);
    }
  });

  it('from an array: the rows after it are not evaluated', async () => {
    const error = new Error('db down');
    const f = throwingAt(error, (v) => v.row === 1);
    await expect(validate(parallelParcels, rows, { now: NOW, onViolation: f.receive })).rejects.toBe(error);
    const plain = (await plainRun(() => rows)).seen;
    expect(f.calls).toBe(plain.filter((v) => v.row === 0).length + 1);
  });

  it('onRecord, and a receiver that throws only on the findings of the end (dataset rules)', async () => {
    const error = new Error('queue full');
    await expect(validate(parallelParcels, rows, { now: NOW, onRecord: (g) => { if (g.row === 3) throw error; } })).rejects.toBe(error);
    // Every row of the file has the same period: the overlaps are found when the run ends.
    const atEnd = throwingAt(error, (v) => v.rule === 'group.noOverlap');
    await expect(validate(parallelParcels, readCsv(path), { now: NOW, onViolation: atEnd.receive })).rejects.toBe(error);
    expect(atEnd.calls).toBe(total - (await plainRun(() => readCsv(path))).seen.filter((v) => v.rule === 'group.noOverlap').length + 1);
  });

  it('with workers, whichever range it happens in, and from a shard', async () => {
    for (const when of [(_: Violation, i: number) => i === 10, (v: Violation) => (v.row ?? 0) > ROWS - 500]) {
      const error = new Error('db down');
      const f = throwingAt(error, when);
      await expect(validate(parallelParcels, readCsv(path), { now: NOW, workers: 2, minBytesPerWorker: 1, onViolation: f.receive }))
        .rejects.toBe(error);
    }
    const error = new Error('db down');
    await expect(validate(parallelParcels, readCsv(path), { now: NOW, workers: 2, minBytesPerWorker: 1,
      onRecord: (g) => { if (g.row > ROWS - 500) throw error; } })).rejects.toBe(error);
    const f = throwingAt(error, (_, i) => i === 10);
    await expect(validateShard(parallelParcels, readCsv(path), { shard: '2/2', now: NOW, onViolation: f.receive })).rejects.toBe(error);
  }, 60_000);
});
