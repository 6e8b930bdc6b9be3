import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderedViolations } from './ordered-violations.js';
import type { Violation } from '../core/types.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'ddss-order-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Violations numbered within their range; `tag` tells which range (and which run of it) sent them. */
function batch(tag: string, from: number, n: number): Violation[] {
  return Array.from({ length: n }, (_, i) => ({
    rule: 'id.required', criterion: 'sufficient', severity: 'error', code: 'missing_value', row: from + i,
    line: from + i + 2, message: `${tag} ✓ "quoted"\n`,
  }));
}

const tick = () => new Promise((r) => setImmediate(r));

/** A worker's message: the batch serialised. */
const serialised = (vs: readonly Violation[]): Uint8Array => serialize(vs);

/** Adds a batch as a worker sends it, counting the batches handled (acknowledged). */
function sender(order: ReturnType<typeof orderedViolations>) {
  const acked = { n: 0 };
  return { acked, add: (k: number, vs: readonly Violation[]) => order.add(k, serialised(vs), () => { acked.n++; }) };
}

describe('orderedViolations', () => {
  it.each([
    ['in memory', 1_000_000],
    ['through spill files', 300],
  ])('forwards ranges in file order with global rows and lines (%s)', async (_, spillAfter) => {
    const out: Violation[] = [];
    let spills = 0;
    const order = orderedViolations((v) => out.push(v), 3, { spillAfter, tmpdir: dir, onSpill: () => spills++ });
    const send = sender(order);
    // Later ranges report first, and keep reporting while they are replayed.
    send.add(2, batch('c', 0, 10));
    send.add(1, batch('b', 0, 7));
    await order.promote(0, { rows: 0, lines: 0 });
    send.add(0, batch('a', 0, 5));
    send.add(1, batch('b', 7, 4));
    await order.promote(1, { rows: 5, lines: 6 });
    send.add(1, batch('b', 11, 2));
    send.add(2, batch('c', 10, 6));
    await tick();
    const replaying = order.promote(2, { rows: 18, lines: 20 });
    send.add(2, batch('c', 16, 5)); // arrives while the spill file is replayed
    await replaying;
    send.add(2, batch('c', 21, 1));
    await order.close();
    await tick();

    const expected = [
      ...batch('a', 0, 5),
      ...batch('b', 0, 13).map((v) => ({ ...v, row: (v.row as number) + 5, line: (v.line as number) + 6 })),
      ...batch('c', 0, 22).map((v) => ({ ...v, row: (v.row as number) + 18, line: (v.line as number) + 20 })),
    ];
    expect(out).toEqual(expected);
    expect(spills > 0).toBe(spillAfter === 300);
    expect(send.acked.n).toBe(8); // every batch handled: the sender is never left waiting
    expect(readdirSync(dir)).toEqual([]);
  });

  it('forgets what a range sent before it is validated again, spilled or not', async () => {
    const out: Violation[] = [];
    const order = orderedViolations((v) => out.push(v), 2, { spillAfter: 2, tmpdir: dir });
    const send = sender(order);
    send.add(1, batch('wrong', 0, 9));
    await tick();
    await order.discard(1);
    await order.promote(0, { rows: 0, lines: 0 });
    await order.promote(1, { rows: 0, lines: 0 });
    send.add(1, batch('right', 0, 3));
    await order.close();
    expect(out.map((v) => v.message)).toEqual(batch('right', 0, 3).map((v) => v.message));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('deletes its spill files when the run ends early, without forwarding them', async () => {
    const out: Violation[] = [];
    const order = orderedViolations((v) => out.push(v), 3, { spillAfter: 1, tmpdir: dir });
    const send = sender(order);
    send.add(1, batch('b', 0, 4));
    send.add(2, batch('c', 0, 4));
    await tick();
    await order.close();
    await order.close();
    expect(out).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('holds nothing without a sink', async () => {
    let spills = 0;
    const order = orderedViolations(undefined, 2, { spillAfter: 1, tmpdir: dir, onSpill: () => spills++ });
    const send = sender(order);
    send.add(1, batch('b', 0, 4));
    await order.promote(0, { rows: 0, lines: 0 });
    await order.promote(1, { rows: 0, lines: 0 });
    await order.close();
    expect(spills).toBe(0);
    expect(send.acked.n).toBe(1);
  });
});

describe('orderedViolations with a sink that returns Promises', () => {
  it('acknowledges a live batch only once they settle, and settled() waits for the last ones', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => { open = resolve; });
    const pending: Array<Promise<void>> = [];
    const order = orderedViolations<Violation>(() => { pending.push(gate); }, 2, {
      tmpdir: dir,
      settle: () => (pending.length === 0 ? undefined : Promise.all(pending.splice(0)).then(() => undefined)),
    });
    const send = sender(order);
    await order.promote(0, { rows: 0, lines: 0 });
    send.add(0, batch('a', 0, 3)); // live: forwarded now, acknowledged once the gate opens
    let settled = false;
    const last = order.settled().then(() => { settled = true; });
    await tick();
    await tick();
    // Before: a worker's last batches were acknowledged at once, and nothing waited for what the sink returned.
    expect(send.acked.n).toBe(0);
    expect(settled).toBe(false);
    open();
    await last;
    expect(send.acked.n).toBe(1);
    await order.close();
  });

  it('a Promise that rejects goes to onSinkFailure; the batch is still acknowledged (the run ends by the failure)', async () => {
    const failures: unknown[] = [];
    const error = new Error('insert failed');
    let forwarded = 0;
    const order = orderedViolations<Violation>(() => { forwarded++; }, 1, {
      tmpdir: dir, onSinkFailure: (e) => failures.push(e),
      // As `SinkWaits.take`: nothing to wait for until the sink was called.
      settle: () => (forwarded === 0 ? undefined : Promise.reject(error)),
    });
    const send = sender(order);
    await order.promote(0, { rows: 0, lines: 0 });
    send.add(0, batch('a', 0, 1));
    await order.settled();
    expect(failures).toEqual([error]);
    expect(send.acked.n).toBe(1);
    await order.close();
  });
});
