import { describe, expect, it } from 'vitest';
import { hostCpu, otherWork } from '../bench/_host-cpu.mjs';

// The bench calls a run busy from what other processes took of the machine meanwhile (bench/run.ts); these are the
// sums it rests on, not timings.
describe('bench/_host-cpu.mjs', () => {
  it('reads the machine-wide CPU counters of /proc/stat where there is one', () => {
    const now = hostCpu();
    if (process.platform !== 'linux') {
      expect(now).toBeUndefined();
      return;
    }
    expect(now?.busyMs).toBeGreaterThan(0);
    expect(now?.stealMs).toBeGreaterThanOrEqual(0);
    // Whole 10 ms ticks, and never going back.
    expect((now?.busyMs ?? 1) % 10).toBe(0);
    expect(hostCpu()?.busyMs).toBeGreaterThanOrEqual(now?.busyMs ?? 0);
  });

  it("is the machine's busy time less the measurement's own, and the steal over the span", () => {
    expect(otherWork({ busyMs: 1000, stealMs: 50 }, { busyMs: 4000, stealMs: 80 }, 2500)).toEqual({ otherMs: 500, stealMs: 30 });
  });

  it('is never below zero: the counters and the process are read at slightly different moments', () => {
    expect(otherWork({ busyMs: 1000, stealMs: 0 }, { busyMs: 1990, stealMs: 0 }, 1003)).toEqual({ otherMs: 0, stealMs: 0 });
  });

  it('is unknown where either reading is', () => {
    expect(otherWork(undefined, { busyMs: 1, stealMs: 0 }, 0)).toBeUndefined();
    expect(otherWork({ busyMs: 1, stealMs: 0 }, undefined, 0)).toBeUndefined();
  });
});
