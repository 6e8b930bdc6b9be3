import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryBytes, hashEntry } from './_key-arena.js';
import { joinParts, type KeyParts } from './_key-hash.js';
import { keySeed } from './_key-seed.js';
import { limits, MIN_RESERVE } from './_growable.js';
import {
  appendLog, checkSightingLog, logSighting, newSightingLog, sightings, withoutIndexes, type SightingLog,
} from './_sighting-log.js';
import { repeatedTexts as repeated, sealLogs, type LogSegment } from './_repeated-texts.js';

/** The repeats, each sighting as its row, line and key slot. */
const repeatedTexts = (log: SightingLog) => repeated([{ log, rows: 0, lines: 0 }], (row, line, slot) => ({ row, line, slot }));

/** The repeats of logs read as one, in order, each sighting as its row, line and key slot. */
const repeatedIn = (segments: readonly LogSegment[]) => repeated(segments, (row, line, slot) => ({ row, line, slot }));

/** A sighting as the tests give it: text (or parts), key slot, row, line. */
interface Given {
  text: string | KeyParts;
  slot: string | undefined;
  row: number;
  line: number | undefined;
}

/** What repeatedTexts must find, by a Map: texts seen more than once, their sightings in order, by first sighting. */
function naive(all: readonly Given[]): Array<{ text: string; members: Array<{ row: number; line: number | undefined; slot: string | undefined }> }> {
  const groups = new Map<string, Given[]>();
  for (const g of all) {
    const text = typeof g.text === 'string' ? g.text : joinParts(g.text);
    const group = groups.get(text);
    if (group === undefined) groups.set(text, [g]);
    else group.push(g);
  }
  return [...groups].filter(([, m]) => m.length > 1).map(([text, m]) => ({
    text, members: m.map((g) => ({ row: g.row, line: g.line, slot: g.slot })),
  }));
}

// Few distinct texts (so that repeats are common), wide ones (two bytes a unit), empty ones and parts that join
// to the same text as a plain string would.
const text = fc.oneof(
  fc.constantFrom('P1', 'P2', 'P-1', '', 'Lê Xuân Lâm', 'Nguyễn Văn A', 'x'.repeat(70), '1:a1:b'),
  fc.array(fc.constantFrom('a', 'b', 'Đắk', ''), { minLength: 1, maxLength: 3 }) as fc.Arbitrary<KeyParts>,
);
const slot = fc.constantFrom(undefined, 'K1', 'K-Đ', '\u00002:ab:K1', 'y'.repeat(200));

/** Sightings with increasing rows; lines either row + 2 throughout, absent throughout, or anything increasing. */
const run = fc.tuple(fc.array(fc.tuple(text, slot, fc.nat(3), fc.nat(2)), { maxLength: 80 }), fc.constantFrom('shift', 'none', 'free'))
  .map(([items, lines]) => {
    let row = 0;
    let line = 0;
    return items.map(([t, s, gap, extra]): Given => {
      row += gap;
      line = Math.max(line + gap + extra, row + 2);
      return { text: t, slot: s, row, line: lines === 'none' ? undefined : lines === 'shift' ? row + 2 : line };
    });
  });

function logOf(given: readonly Given[]): SightingLog {
  const log = newSightingLog();
  for (const g of given) logSighting(log, g.text, g.slot, g.row, g.line);
  return log;
}

describe('the sighting log', () => {
  it('finds exactly the texts a Map finds repeated, with every sighting in order, whatever the logs it was merged from', () => {
    fc.assert(fc.property(run, fc.array(fc.nat(), { maxLength: 3 }), (given, at) => {
      const cuts = [...new Set(at.map((x) => x % (given.length + 1)))].sort((x, y) => x - y);
      const bounds = [0, ...cuts, given.length];
      // Each piece logged on its own with rows and lines counted from 0, then appended with its offset.
      const merged = newSightingLog();
      for (let k = 0; k + 1 < bounds.length; k++) {
        const piece = given.slice(bounds[k], bounds[k + 1]);
        const rows = piece[0]?.row ?? 0;
        const lines = piece.find((g) => g.line !== undefined)?.line ?? 0;
        const local = logOf(piece.map((g) => ({ ...g, row: g.row - rows, line: g.line === undefined ? undefined : g.line - lines })));
        appendLog(merged, local, rows, lines);
      }
      const expected = naive(given);
      expect(repeatedTexts(logOf(given))).toEqual(expected);
      expect(repeatedTexts(merged)).toEqual(expected);
      expect(checkSightingLog(merged)).toBe(true);
      expect([...sightings(merged)].map((s) => [s.row, s.line, s.slot])).toEqual(given.map((g) => [g.row, g.line, g.slot]));
    }), { numRuns: 500 });
  });

  it('finds the same repeats in the pieces read as segments, whether each was partitioned ahead or not', () => {
    fc.assert(fc.property(run, fc.array(fc.nat(), { maxLength: 3 }), fc.array(fc.constantFrom('sealed', 'plain', 'unindexed', 'stale'), { minLength: 4, maxLength: 4 }),
      (given, at, kinds) => {
        const cuts = [...new Set(at.map((x) => x % (given.length + 1)))].sort((x, y) => x - y);
        const bounds = [0, ...cuts, given.length];
        const segments: LogSegment[] = [];
        for (let k = 0; k + 1 < bounds.length; k++) {
          const piece = given.slice(bounds[k], bounds[k + 1]);
          const rows = piece[0]?.row ?? 0;
          const lines = piece.find((g) => g.line !== undefined)?.line ?? 0;
          const local = piece.map((g) => ({ ...g, row: g.row - rows, line: g.line === undefined ? undefined : g.line - lines }));
          const kind = kinds[k];
          // A partition made before the piece's last sighting is stale: it must not be used.
          let log = logOf(kind === 'stale' ? local.slice(0, -1) : local);
          if (kind === 'sealed' || kind === 'stale') sealLogs(log);
          if (kind === 'stale' && local.length > 0) {
            const g = local[local.length - 1] as Given;
            logSighting(log, g.text, g.slot, g.row, g.line);
          }
          if (kind === 'unindexed') log = { ...log, index: null };
          segments.push({ log, rows, lines });
        }
        expect(repeatedIn(segments)).toEqual(naive(given));
      }), { numRuns: 500 });
  });

  it('reads logs partitioned ahead by more bits than they need together as one (parts combined), large and small', () => {
    // 120,000 sightings of 50,000 texts in logs of 70,000, 3,000 and 47,000: two partitioned ahead by 9 and 8 bits
    // (room for eight such logs), read together by the 6 bits that 120,000 entries need.
    const texts = (i: number) => `ID${(i * 7919) % 50_000}`;
    const sizes = [70_000, 3_000, 47_000];
    const all: Given[] = Array.from({ length: 120_000 }, (_, i) => ({ text: texts(i), slot: i % 3 === 0 ? `K${i}` : undefined, row: i, line: i + 1 }));
    let from = 0;
    const segments = sizes.map((n, k) => {
      const log = logOf(all.slice(from, from + n).map((g) => ({ ...g, row: g.row - from, line: (g.line as number) - from })));
      if (k !== 1) sealLogs(log); // and one partitioned only when read
      const s = { log, rows: from, lines: from };
      from += n;
      return s;
    });
    expect(segments.map((s) => s.log.parts?.bits)).toEqual([9, undefined, 8]);
    const groups = repeatedIn(segments);
    expect(groups).toEqual(naive(all));
    expect(groups.length).toBe(50_000);
  });

  it('keeps a partition out of a state file and refuses one in it', () => {
    const log = logOf([{ text: 'a', slot: 'k', row: 0, line: 2 }, { text: 'a', slot: undefined, row: 1, line: 3 }]);
    sealLogs(log);
    const parts = log.parts;
    expect(parts?.size).toBe(2);
    const written = withoutIndexes(log, () => structuredClone(log));
    expect([written.parts, written.index]).toEqual([null, null]);
    expect(checkSightingLog(written)).toBe(true);
    expect(log.parts).toBe(parts); // put back
    expect(checkSightingLog(log)).toBe(false); // a file holding one
  });

  it('keeps each entry\'s start and hash as hashEntry gives them, through appends, and finds the same repeats without them', () => {
    fc.assert(fc.property(run, fc.nat(), (given, cut) => {
      const k = cut % (given.length + 1);
      const merged = logOf(given.slice(0, k));
      appendLog(merged, logOf(given.slice(k)), 0, 0);
      const index = merged.index as Uint32Array;
      for (let e = 0, p = 0; e < merged.size; e++) {
        expect([index[2 * e], index[2 * e + 1]]).toEqual([p, hashEntry(merged.arena, p, keySeed()) >>> 0]);
        p += entryBytes(merged.arena, p);
      }
      const expected = naive(given);
      expect(repeatedTexts(merged)).toEqual(expected);
      // A log without its index (as one merged with a shard's state file hashed under another seed) finds them too.
      expect(repeatedTexts({ ...merged, index: null })).toEqual(expected);
    }), { numRuns: 300 });
  });

  it('drops the index when a log hashed with another seed is appended, and ignores an index made with another seed', () => {
    const given: Given[] = [
      { text: 'A1', slot: 'k1', row: 0, line: 2 }, { text: 'B2', slot: undefined, row: 1, line: 3 },
      { text: 'A1', slot: 'k3', row: 2, line: 4 }, { text: 'A1', slot: 'k4', row: 3, line: 5 },
    ];
    // The second half as a shard logged it, rows and lines counted from its start.
    const foreign = logOf(given.slice(2).map((g) => ({ ...g, row: g.row - 2, line: (g.line as number) - 2 })));
    // Hashes under another seed, here all different: were they trusted, the two A1 would not meet.
    foreign.seed = (foreign.seed as number) ^ 1;
    (foreign.index as Uint32Array).forEach((_, i, a) => { if (i % 2 === 1) a[i] = i; });
    expect(checkSightingLog(foreign)).toBe(true);
    const merged = logOf(given.slice(0, 2));
    appendLog(merged, foreign, 2, 2);
    expect(merged.index).toBeNull();
    expect(repeatedTexts(merged)).toEqual(naive(given));
    expect(repeatedTexts(foreign)).toEqual([{ text: 'A1', members: [{ row: 0, line: 2, slot: 'k3' }, { row: 1, line: 3, slot: 'k4' }] }]);
  });

  it('refuses to shift rows or lines past what it tracks when appending, whether lines follow rows or not', () => {
    const max = 0xfffffffe;
    const shifted = logOf([{ text: 'a', slot: undefined, row: 0, line: 5 }]); // its line is its row + 5
    const free = logOf([{ text: 'a', slot: undefined, row: 0, line: 5 }, { text: 'b', slot: undefined, row: 1, line: 9 }]);
    for (const b of [shifted, free]) {
      expect(() => appendLog(newSightingLog(), b, max + 1, 0)).toThrow(/up to 4294967294/);
      expect(() => appendLog(newSightingLog(), b, 0, max - 3)).toThrow(/up to 4294967294/); // its line, max + 2
      const a = newSightingLog();
      appendLog(a, b, max - 20, max - 20);
      expect([...sightings(a)].map((x) => [x.row, x.line])).toEqual([...sightings(b)].map((x) => [x.row + max - 20, (x.line as number) + max - 20]));
    }
  });

  // One kind of typed array from the first sighting to the last: a plain array turning resizable at 64 KiB made V8
  // throw away the code it had compiled for the plain one (logSighting, and the rules' add it is inlined into).
  // (Within the thread's budget of resizable buffers: the logs of the tests above, not yet collected, count against
  // it, and past it arrays are plain, as ./_growable.test.ts checks.)
  it('keeps its arrays on resizable buffers from the start, small and grown', () => {
    const budget = limits.live;
    limits.live = Number.MAX_SAFE_INTEGER;
    try {
      const log = newSightingLog();
      const resizable = (a: Uint8Array | Uint32Array) => (a.buffer as ArrayBuffer).resizable;
      const all = () => [resizable(log.arena), resizable(log.rows), resizable(log.index as Uint32Array)];
      expect(all()).toEqual([true, true, true]);
      for (let i = 0; i < 20_000; i++) logSighting(log, `ID${i}`, undefined, i, undefined);
      expect(log.arena.byteLength).toBeGreaterThan(64 * 1024);
      expect(all()).toEqual([true, true, true]);
    } finally {
      limits.live = budget;
    }
  });

  it('grows its arena in place past the default 16 MiB reservation, logging and appending (no copy)', () => {
    const budget = limits.live;
    limits.live = Number.MAX_SAFE_INTEGER;
    try {
      // ~26 bytes an entry: 700,000 entries pass 16 MiB, as a land run's composite key does at ~600,000 rows.
      const fill = (log: SightingLog, from: number) => {
        for (let i = from; i < from + 700_000; i++) logSighting(log, `12056:${i}:${i % 97}`, `P${String(i).padStart(9, '0')}`, i, undefined);
      };
      const log = newSightingLog();
      const arena = log.arena;
      fill(log, 0);
      expect(log.used).toBeGreaterThan(MIN_RESERVE);
      expect(log.arena === arena).toBe(true); // not toBe: a failure would diff 16 MiB arrays
      // A parallel run's merge: the second thread's log appended to the first's.
      const half = newSightingLog();
      const halfArena = half.arena;
      for (let i = 0; i < 350_000; i++) logSighting(half, `12056:${i}:${i % 97}`, `P${String(i).padStart(9, '0')}`, i, undefined);
      const other = newSightingLog();
      for (let i = 350_000; i < 700_000; i++) logSighting(other, `12056:${i}:${i % 97}`, `P${String(i).padStart(9, '0')}`, i, undefined);
      appendLog(half, other, 0, 0);
      expect(half.used).toBeGreaterThan(MIN_RESERVE);
      expect(half.arena === halfArena).toBe(true);
      expect(checkSightingLog(half)).toBe(true);
    } finally {
      limits.live = budget;
    }
  });

  it('deduplicates a log large enough to be split into 32 partitions', () => {
    const log = newSightingLog();
    const n = 50_000;
    for (let i = 0; i < n; i++) logSighting(log, `ID${i % 20_011}`, undefined, i, i + 2);
    const groups = repeatedTexts(log);
    // 50,000 sightings of 20,011 texts: every text seen 2 or 3 times.
    expect(groups.length).toBe(20_011);
    expect(groups.reduce((sum, g) => sum + g.members.length, 0)).toBe(n);
    expect(groups[0]).toEqual({ text: 'ID0', members: [0, 20_011, 40_022].map((row) => ({ row, line: row + 2, slot: undefined })) });
    expect(groups.every((g) => g.members.every((m, k) => k === 0 || m.row - (g.members[k - 1]?.row ?? 0) === 20_011))).toBe(true);
  });

  it.each([
    ['an arena cut inside an entry', (l: SightingLog) => { l.used -= 1; }],
    ['more entries than rows', (l: SightingLog) => { l.size = l.rows.length + 1; }],
    ['entries that do not fill the arena', (l: SightingLog) => { l.size -= 1; }],
    ['a used length past the arena', (l: SightingLog) => { l.used = l.arena.length + 1; }],
    ['a line below zero', (l: SightingLog) => { l.lineShift = -10; }],
    ['a shift that is not a number', (l: SightingLog) => { (l as { lineShift: unknown }).lineShift = 'x'; }],
    ['rows that are not a typed array', (l: SightingLog) => { (l as { rows: unknown }).rows = [0, 1]; }],
    ['an entry\'s start that is not where it starts', (l: SightingLog) => { const i = l.index as Uint32Array; i[2] = (i[2] as number) + 1; }],
    ['an index shorter than the entries', (l: SightingLog) => { l.index = (l.index as Uint32Array).slice(0, 3); }],
    ['an index that is not a typed array', (l: SightingLog) => { (l as { index: unknown }).index = [0, 0, 4, 0]; }],
    ['an index without a seed', (l: SightingLog) => { delete l.seed; }],
  ])('refuses a forged log (%s)', (_, forge) => {
    const log = logOf([{ text: 'a', slot: 'k', row: 0, line: 2 }, { text: 'b', slot: undefined, row: 1, line: 3 }]);
    expect(checkSightingLog(log)).toBe(true);
    forge(log);
    expect(checkSightingLog(log)).toBe(false);
  });
});
