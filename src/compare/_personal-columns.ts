import { profile } from '../profile/profile.js';
import type { TabularSource } from '../core/source.js';

/** Records of each side whose cells are judged: enough for the shares a profile judges by, and cheap at any size. */
const SAMPLE = 1000;

/**
 * Which of a comparison's columns hold personal data by their values, as `profile` judges a column (names and
 * identifiers recognised, values shaped like IDs, e-mail or house addresses; not a column of numbers: amounts are as
 * long as IDs), judged on the first 1,000 records of each side. For columns nothing else declares: without it a
 * column called `c1` or `info` holding names or CCCDs was shown unmasked in every output of `compare`.
 * @example const judge = personalColumns(['id', 'c1'], [1]); judge.see(0, ['R1', 'Nguyễn Văn An']); await judge.personal() // ['c1']
 */
export function personalColumns(names: readonly string[], judged: readonly number[]): PersonalColumns {
  const samples: [unknown[][], unknown[][]] = [[], []];
  const columns = judged.map((i) => names[i] as string);
  return {
    see(which, raw) {
      const sample = samples[which];
      if (judged.length === 0 || sample.length >= SAMPLE) return;
      sample.push(judged.map((i) => raw[i] ?? null));
    },
    async personal() {
      if (judged.length === 0) return [];
      const found = new Set<string>();
      for (const rows of samples) {
        if (rows.length === 0) continue;
        const p = await profile(sampleSource(columns, rows));
        for (const c of p.columns) if (c.personal) found.add(c.name);
      }
      return columns.filter((c) => found.has(c));
    },
  };
}

/** See `personalColumns`. */
export interface PersonalColumns {
  /** Takes one record of a side (0 source, 1 copy), its cells in the order of the names; keeps the first 1,000. */
  see(which: 0 | 1, raw: readonly unknown[]): void;
  /** The judged columns holding personal data on either side. */
  personal(): Promise<string[]>;
}

function sampleSource(columns: readonly string[], rows: readonly unknown[][]): TabularSource {
  return {
    kind: 'rows',
    info: () => ({ kind: 'rows', name: 'sample' }),
    async *batches() {
      yield { columns, rows };
    },
  };
}
