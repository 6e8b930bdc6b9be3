/** Anything dated as a history entry is: `now`, an instant as `Date.toISOString()` writes it. */
interface Dated {
  readonly now: string;
}

/** A run with its date as a number, so that sorting parses each date once. */
interface Timed<T> {
  readonly t: number;
  readonly run: T;
}

/**
 * The runs in the order they happened: by `now`, runs of the same instant in the order given (the order they were
 * recorded). The order of a file's lines is not that order: a run re-done or back-filled for an earlier `--now` is
 * appended last, and was drawn as the latest run and judged against runs dated after it.
 * @example byDate([{ now: '2026-11-01T00:00:00.000Z' }, { now: '2026-10-01T00:00:00.000Z' }]) // October's first
 */
export function byDate<T extends Dated>(runs: readonly T[]): T[] {
  // Array.prototype.sort is stable: runs of the same instant keep the order given.
  return runs.map((run): Timed<T> => ({ t: Date.parse(run.now), run })).sort((a, b) => a.t - b.t).map((x) => x.run);
}

/** The latest runs seen so far (see {@link latestRuns}). */
export interface LatestRuns<T> {
  /** Offers the next run, in the order they were recorded. */
  add(run: T): void;
  /** The runs kept, oldest first by `byDate`'s order. */
  runs(): T[];
}

/**
 * Keeps, of runs offered in the order they were recorded, the `keep` latest by date that are not dated after `until`
 * (an instant; all when undefined): the runs a run dated `until` is judged against. Memory is bounded by 2 × `keep`
 * whatever the order of the runs: they are sorted and cut only when that many are held.
 * @example const latest = latestRuns<HistoryEntry>(10, '2026-10-01T00:00:00.000Z'); for (const e of entries) latest.add(e);
 */
export function latestRuns<T extends Dated>(keep: number, until?: string): LatestRuns<T> {
  const last = until === undefined ? Infinity : Date.parse(until);
  let held: Timed<T>[] = [];
  const cut = (): void => {
    // Stable, and the runs held are in recorded order among equal dates (those kept before every later one): ties stay
    // in the order they were recorded.
    held.sort((a, b) => a.t - b.t);
    if (held.length > keep) held = held.slice(held.length - keep);
  };
  return {
    add(run) {
      const t = Date.parse(run.now);
      if (!(t <= last)) return;
      held.push({ t, run });
      if (held.length >= 2 * keep) cut();
    },
    runs() {
      cut();
      return held.map((x) => x.run);
    },
  };
}
