/**
 * The worked example of `ddss compare`: a later snapshot of the insurance register (examples/insurance/
 * participants.csv), made deterministically so its differences are known exactly. From the source's data rows (index
 * i from 0): every row with i % 50 = 10 is dropped (missing), i % 40 = 5 gets a new phone number and i % 97 = 3 a
 * trailing space after the name (changed, unless white space is ignored), 12 new participants are added (extra), and
 * the rows are written in reverse order (row order must not matter). Keys duplicated in the source stay duplicated.
 *
 * Run `npx tsx examples/compare/snapshot.ts` to write examples/compare/participants-next.csv.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What comparing the snapshot with its source must find, by key `bhxh_no`. */
export interface SnapshotCounts {
  readonly matched: number;
  readonly changed: number;
  readonly missing: number;
  readonly extra: number;
  readonly duplicateKeys: number;
  /** Changed only in white space at the ends of the name (matched with `ignoreWhitespace`). */
  readonly spaceOnly: number;
}

/**
 * The next snapshot of a participants CSV (no quoted cells) and the counts a comparison must find, derived from the
 * two files row by row.
 * @example const { csv, counts } = nextSnapshot(readFileSync('participants.csv', 'utf8'));
 */
export function nextSnapshot(source: string): { csv: string; counts: SnapshotCounts } {
  const [header = '', ...lines] = source.split('\n').filter((l) => l !== '');
  const columns = header.split(',');
  const phone = columns.indexOf('phone');
  const name = columns.indexOf('full_name');
  const rows = lines.map((l) => l.split(','));
  const out: string[][] = [];
  rows.forEach((r, i) => {
    if (i % 50 === 10) return;
    const next = [...r];
    if (i % 40 === 5) next[phone] = `09${(r[0] ?? '').slice(-8)}`;
    if (i % 97 === 3) next[name] = `${r[name] ?? ''} `;
    out.push(next);
  });
  for (let k = 0; k < 12; k++) {
    const extra = [...(rows[100 + k] ?? [])];
    extra[0] = `98${String(k).padStart(8, '0')}`;
    out.push(extra);
  }
  out.reverse();
  return { csv: `${[header, ...out.map((r) => r.join(','))].join('\n')}\n`, counts: _counts(rows, out, name) };
}

/** The oracle: counts by key from the two row lists, independently of ddss. */
function _counts(source: string[][], copy: string[][], name: number): SnapshotCounts {
  const group = (rows: string[][]): Map<string, string[][]> => {
    const m = new Map<string, string[][]>();
    for (const r of rows) m.set(r[0] ?? '', [...(m.get(r[0] ?? '') ?? []), r]);
    return m;
  };
  const s = group(source);
  const c = group(copy);
  let matched = 0, changed = 0, missing = 0, extra = 0, duplicateKeys = 0, spaceOnly = 0;
  for (const key of new Set([...s.keys(), ...c.keys()])) {
    const a = s.get(key) ?? [];
    const b = c.get(key) ?? [];
    if (a.length > 1 || b.length > 1) duplicateKeys++;
    else if (b.length === 0) missing++;
    else if (a.length === 0) extra++;
    else if ((a[0] as string[]).join(',') === (b[0] as string[]).join(',')) matched++;
    else {
      changed++;
      const trimmed = (r: string[]): string => r.map((x, i) => (i === name ? x.trim() : x)).join(',');
      if (trimmed(a[0] as string[]) === trimmed(b[0] as string[])) spaceOnly++;
    }
  }
  return { matched, changed, missing, extra, duplicateKeys, spaceOnly };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const source = readFileSync(new URL('../insurance/participants.csv', import.meta.url), 'utf8');
  writeFileSync(new URL('./participants-next.csv', import.meta.url), nextSnapshot(source).csv);
}
