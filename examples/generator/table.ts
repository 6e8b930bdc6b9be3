import { createRandom, type Random } from './_random.js';
import { manifestBuilder, type Expectation, type Manifest } from './manifest.js';

/** The default `now` of generated data: fixed, so committed samples never go stale by themselves. */
export const DEFAULT_NOW = '2026-11-22T00:00:00.000Z';

/** A row under construction: one text cell per column. */
export type Row<C extends string> = Record<C, string>;

/** What a defect's `apply` may use: its own random stream, the run's `now`, and the earlier row it duplicates. */
export interface DefectContext<C extends string> {
  readonly r: Random;
  readonly now: number;
  readonly source: Row<C> | undefined;
}

/** One kind of injected defect: how to break a valid row, and which rules must then report it. */
export interface Defect<C extends string, P extends string> {
  readonly kind: string;
  /** Default share of rows that get this defect. */
  readonly rate: number;
  readonly expect: readonly Expectation[];
  /** The kind of valid row the defect needs (an employee for a salary defect, a child for a TE card). */
  readonly profile?: P;
  /**
   * Copies values of an earlier valid row (for which `eligible` holds); that row is then expected to fail the same
   * rules, since uniqueness rules flag every member of a duplicate group.
   */
  readonly duplicates?: { readonly eligible?: (row: Row<C>) => boolean };
  apply(row: Row<C>, ctx: DefectContext<C>): void;
}

/** A generated register: its columns, how to build a valid row, and its defects. */
export interface TableSpec<C extends string, P extends string> {
  readonly dataset: string;
  readonly columns: readonly C[];
  readonly key: C;
  readonly defects: readonly Defect<C, P>[];
  /** A valid row: consistent with DOMAIN-VN in every column, so it must get no finding at all. */
  base(i: number, r: Random, now: number, profile: P | undefined): Row<C>;
}

export interface GenerateOptions {
  readonly rows: number;
  readonly seed?: number;
  /** The date the data describes (`updated_at` and card validity are relative to it). Default 2026-11-22. */
  readonly now?: Date | string;
  /**
   * Defect rates: a number scales every default rate (0: only valid rows; 1: the defaults); an object gives the rate
   * of each listed kind and 0 to the others.
   */
  readonly defects?: number | Readonly<Record<string, number>>;
  /** Collect the manifest (default true). Off, memory stays flat however many rows are generated. */
  readonly manifest?: boolean;
}

/** A generated CSV: its lines (header first, no terminators), produced lazily, and the manifest of its defects. */
export interface GeneratedTable {
  readonly columns: readonly string[];
  /** Produced on demand, so a million rows need no memory; iterating again regenerates the same lines. */
  readonly lines: Iterable<string>;
  /** What was injected; complete once `lines` has been consumed. */
  manifest(): Manifest;
}

const POOL_SIZE = 256;

/**
 * Generates a register: row 0 is never altered (it anchors the table's freshness; a duplicate may copy it), every
 * other row gets at most one defect, drawn from a random stream of its own. Deterministic for a seed.
 */
export function generateTable<C extends string, P extends string>(makeSpec: () => TableSpec<C, P>,
  options: GenerateOptions): GeneratedTable {
  const meta = makeSpec();
  const rows = options.rows;
  if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`generate: rows must be a whole number ≥ 0, got ${rows}`);
  const seed = options.seed ?? 1;
  const now = new Date(options.now ?? DEFAULT_NOW);
  if (Number.isNaN(now.getTime())) throw new Error(`generate: invalid now ${String(options.now)}`);
  const rates = resolveRates(meta.defects, options.defects ?? 1);
  const collect = options.manifest !== false;
  let manifest = manifestBuilder();
  let done = false;

  function* lines(): Generator<string> {
    // Each iteration regenerates the same rows; the manifest describes the last complete one.
    manifest = manifestBuilder();
    done = false;
    // A fresh spec: specs keep counters (map sheets per commune) that must restart with the random streams.
    const spec = makeSpec();
    const rowRng = createRandom(seed, 0);
    const defectRng = createRandom(seed, 1);
    const pool: Array<{ i: number; row: Row<C> }> = [];
    const width = spec.columns.length;
    const cells = new Array<string>(width);
    yield spec.columns.join(',');
    for (let i = 0; i < rows; i++) {
      let defect = i === 0 ? undefined : draw(spec.defects, rates, defectRng.next());
      const row = spec.base(i, rowRng, now.getTime(), defect?.profile);
      let source: { i: number; row: Row<C> } | undefined;
      if (defect?.duplicates !== undefined) {
        source = take(pool, defect.duplicates.eligible, defectRng);
        if (source === undefined) defect = undefined;
      }
      if (defect === undefined) {
        if (pool.length >= POOL_SIZE) pool[defectRng.int(0, POOL_SIZE - 1)] = { i, row };
        else pool.push({ i, row });
      } else {
        defect.apply(row, { r: defectRng, now: now.getTime(), source: source?.row });
        if (collect) {
          manifest.expect(i, row[spec.key], defect.kind, defect.expect);
          if (source !== undefined) manifest.expect(source.i, source.row[spec.key], `duplicate_of:${defect.kind}`, defect.expect);
        }
      }
      // join() returns a flat string; `+=` would build a rope that is costly to keep and to write later.
      for (let k = 0; k < width; k++) cells[k] = cell(row[spec.columns[k] as C]);
      yield cells.join(',');
    }
    done = true;
  }

  return {
    columns: meta.columns,
    lines: { [Symbol.iterator]: lines },
    manifest() {
      if (!collect) throw new Error('generate: the manifest was not collected ({ manifest: false })');
      if (!done) throw new Error('generate: consume the lines before reading the manifest');
      return manifest.build({ dataset: meta.dataset, seed, rows, now: now.toISOString(), rates });
    },
  };
}

function resolveRates<C extends string, P extends string>(defects: readonly Defect<C, P>[],
  given: number | Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of defects) out[d.kind] = typeof given === 'number' ? d.rate * given : (given[d.kind] ?? 0);
  if (typeof given === 'object') {
    for (const kind of Object.keys(given)) {
      if (!Object.hasOwn(out, kind)) throw new Error(`generate: unknown defect "${kind}"`);
    }
  }
  const total = Object.values(out).reduce((a, b) => a + b, 0);
  if (Object.values(out).some((x) => !(x >= 0)) || total > 1 + 1e-9) {
    throw new Error(`generate: defect rates must be ≥ 0 and sum to at most 1 (sum ${total})`);
  }
  return out;
}

function draw<C extends string, P extends string>(defects: readonly Defect<C, P>[], rates: Readonly<Record<string, number>>,
  u: number): Defect<C, P> | undefined {
  let acc = 0;
  for (const d of defects) {
    acc += rates[d.kind] ?? 0;
    if (u < acc) return d;
  }
  return undefined;
}

/** Takes (and removes) a random eligible row from the pool of recent valid rows, so each source is used once. */
function take<C extends string>(pool: Array<{ i: number; row: Row<C> }>, eligible: ((row: Row<C>) => boolean) | undefined,
  r: Random): { i: number; row: Row<C> } | undefined {
  if (pool.length === 0) return undefined;
  const start = r.int(0, pool.length - 1);
  for (let k = 0; k < pool.length; k++) {
    const at = (start + k) % pool.length;
    const entry = pool[at] as { i: number; row: Row<C> };
    if (eligible === undefined || eligible(entry.row)) {
      pool[at] = pool[pool.length - 1] as { i: number; row: Row<C> };
      pool.pop();
      return entry;
    }
  }
  return undefined;
}

/** A CSV cell (RFC 4180): quoted only when it holds a comma, quote or line break. */
function cell(v: string): string {
  if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
  return `"${v.replace(/"/g, '""')}"`;
}
