import type { Criterion, Severity } from 'ddss';

/**
 * The manifest of a generated file: exactly which rows carry which injected defects, and which rules of the
 * built-in dataset must fire on them. Tests compare it with the validation report, row by row, so a false alarm or
 * a miss of any rule shows up as a difference.
 */

/** A rule expected to report a row, with the criterion and severity it reports under. */
export interface Expectation {
  readonly rule: string;
  readonly criterion: Criterion;
  readonly severity: Severity;
}

/** One row with injected defects (rows not listed must get no finding at all). */
export interface ManifestRow {
  /** 0-based data row, as in the report. */
  readonly row: number;
  /** Physical line in the CSV (the header is line 1). */
  readonly line: number;
  /** The record key (parcel_id, bhxh_no) as written in the file. */
  readonly key: string;
  /** Injected defect kinds, and `duplicate_of:<kind>` on the earlier row a duplicate copies. */
  readonly defects: readonly string[];
  /** Ids of the rules expected to report this row, sorted. */
  readonly rules: readonly string[];
}

/** Row counts: `byRule` = the report's `failed` per rule; `byCriterion` = the report's `failedRows` per criterion. */
export interface ManifestTotals {
  readonly rows: number;
  readonly rowsWithFindings: number;
  readonly byDefect: Readonly<Record<string, number>>;
  readonly byRule: Readonly<Record<string, number>>;
  /** Rows with an expected `error` or `warning` finding of the criterion (`info` never counts, as in scores). */
  readonly byCriterion: Readonly<Record<Criterion, number>>;
}

export interface Manifest {
  readonly dataset: string;
  readonly generator: {
    readonly seed: number;
    readonly rows: number;
    readonly now: string;
    readonly rates: Readonly<Record<string, number>>;
  };
  /** Severity and criterion of every rule the manifest names. */
  readonly rules: Readonly<Record<string, { readonly criterion: Criterion; readonly severity: Severity }>>;
  readonly totals: ManifestTotals;
  readonly rows: readonly ManifestRow[];
}

/** Collects expectations while rows are generated; a row may gain expectations later (the first of a duplicate pair). */
export interface ManifestBuilder {
  expect(row: number, key: string, defect: string, expectations: readonly Expectation[]): void;
  build(header: Manifest['generator'] & { readonly dataset: string }): Manifest;
}

const byKey = <V>(a: readonly [string, V], b: readonly [string, V]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * Creates an empty manifest builder. Memory grows with the rows that carry defects, not with all rows.
 * @example const m = manifestBuilder(); m.expect(4, 'P-00000005', 'nfd_name', [{ rule: 'owner_name.nfc', criterion: 'clean', severity: 'error' }]);
 */
export function manifestBuilder(): ManifestBuilder {
  const entries = new Map<number, { line: number; key: string; defects: string[]; rules: Set<string> }>();
  const ruleInfo = new Map<string, { criterion: Criterion; severity: Severity }>();
  const defectCount = new Map<string, number>();
  return {
    expect(row, key, defect, expectations) {
      let e = entries.get(row);
      if (e === undefined) {
        e = { line: row + 2, key, defects: [], rules: new Set() };
        entries.set(row, e);
      }
      e.defects.push(defect);
      if (!defect.startsWith('duplicate_of:')) defectCount.set(defect, (defectCount.get(defect) ?? 0) + 1);
      for (const x of expectations) {
        e.rules.add(x.rule);
        ruleInfo.set(x.rule, { criterion: x.criterion, severity: x.severity });
      }
    },
    build(header) {
      const rows = [...entries.entries()].sort((a, b) => a[0] - b[0]).map(([row, e]) => ({
        row, line: e.line, key: e.key, defects: e.defects, rules: [...e.rules].sort(),
      }));
      const byRule: Record<string, number> = {};
      const byCriterion: Record<Criterion, number> = { correct: 0, sufficient: 0, clean: 0, live: 0 };
      for (const r of rows) {
        const hit = new Set<Criterion>();
        for (const id of r.rules) {
          byRule[id] = (byRule[id] ?? 0) + 1;
          const info = ruleInfo.get(id);
          if (info !== undefined && info.severity !== 'info') hit.add(info.criterion);
        }
        for (const c of hit) byCriterion[c]++;
      }
      const { dataset, ...generator } = header;
      return {
        dataset,
        generator,
        rules: Object.fromEntries([...ruleInfo.entries()].sort(byKey)),
        totals: {
          rows: header.rows,
          rowsWithFindings: rows.filter((r) => r.rules.length > 0).length,
          byDefect: Object.fromEntries([...defectCount.entries()].sort(byKey)),
          byRule: Object.fromEntries(Object.entries(byRule).sort(byKey)),
          byCriterion,
        },
        rows,
      };
    },
  };
}
