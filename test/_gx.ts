/**
 * Great Expectations' own test definitions (test/fixtures/gx, GX 1.2.0), read as cases, and what GX expects of
 * each in a form comparable with a ddss outcome (`_gx-run.ts`). Which cases GX's runner generates for its pandas
 * backend is decided here exactly as `tests/test_definitions/test_expectations_v3_api.py` decides it, so the tests
 * can list every case they do not run and why.
 */
import { readdirSync, readFileSync } from 'node:fs';

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
export type JsonObject = { readonly [key: string]: Json };

export interface GxTest {
  readonly title: string;
  readonly in: JsonObject;
  readonly out: JsonObject;
  readonly error?: Json;
  readonly only_for?: readonly string[];
  readonly suppress_test_for?: readonly string[];
}

interface GxDataset {
  readonly dataset_name: string;
  readonly data: { readonly [column: string]: readonly Json[] };
  readonly only_for?: readonly string[];
  readonly suppress_test_for?: readonly string[];
  readonly tests: readonly GxTest[];
}

export interface GxCase {
  /** `expectation: title`, unique over all fixtures (asserted in gx-cases.test.ts). */
  readonly id: string;
  readonly expectation: string;
  readonly data: GxDataset['data'];
  readonly test: GxTest;
  /** Why GX's runner does not generate this case for pandas, or `undefined` when it does. */
  readonly notForPandas: string | undefined;
}

const DIR = new URL('./fixtures/gx/', import.meta.url);

/** The fixture files, by name. */
export const fixtureFiles = (): string[] => readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

/** Every case of every fixture, in file order. */
export function gxCases(): GxCase[] {
  return fixtureFiles().flatMap((file) => {
    const spec = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as { expectation_type: string; datasets: GxDataset[] };
    return spec.datasets.flatMap((ds) => ds.tests.map((test) => ({
      id: `${spec.expectation_type}: ${test.title}`,
      expectation: spec.expectation_type,
      data: ds.data,
      test,
      notForPandas: notForPandas(ds, test),
    })));
  });
}

// The only_for names GX 1.2.0's runner generates a test for when its batch is a pandas DataFrame (pandas_022/023
// need pandas 0.22/0.23, which it does not run).
const PANDAS = new Set(['pandas', 'pandas_v3_api', 'pandas>=024']);

function notForPandas(ds: GxDataset, test: GxTest): string | undefined {
  if (ds.suppress_test_for?.includes('pandas') === true) return 'its dataset is suppressed for pandas';
  if (ds.only_for !== undefined && ds.only_for.length > 0 && !ds.only_for.includes('pandas')) {
    return `its dataset is only for ${ds.only_for.join(', ')}`;
  }
  const only = test.only_for ?? [];
  if (only.length > 0 && !only.some((b) => PANDAS.has(b))) return `only for ${only.join(', ')}`;
  if (test.suppress_test_for?.some((b) => b === 'pandas' || b === 'pandas_v3_api') === true) return 'suppressed for pandas';
  return undefined;
}

/** The case expects GX to raise (`error`, or a traceback in `out`) instead of giving a result. */
export const expectsError = (c: GxCase): boolean => c.test.error !== undefined || 'traceback_substring' in c.test.out;

/**
 * What GX expects, as the ddss outcome would show it: `status` from `success`; `rows` the 0-based rows of
 * `unexpected_index_list` (its `pk_index`); `values` the `unexpected_list` as ddss shows a violation's value (text;
 * a compound key's parts joined by ` | `; a missing cell has no value); `checked`/`failed` from an exact `result`
 * (elements less missing ones, unexpected ones); `rowsRead` from a table expectation's `observed_value`. A
 * definition refused when it is built is status `refused` with its `error`.
 */
export interface View {
  readonly status: string;
  readonly error?: string;
  readonly rows?: readonly number[];
  readonly values?: readonly (string | undefined)[];
  readonly checked?: number;
  readonly failed?: number;
  readonly rowsRead?: number;
}

/** GX's expected outcome of a case that gives a result. */
export function gxView(c: GxCase): View {
  const out = c.test.out;
  if (typeof out.success !== 'boolean') throw new Error(`${c.id}: no success in out`);
  const result = (out.result ?? {}) as JsonObject;
  const index = out.unexpected_index_list ?? result.unexpected_index_list;
  const values = out.unexpected_list ?? result.unexpected_list;
  const columns = c.test.in.column_list as readonly string[] | undefined;
  return {
    status: out.success ? 'passed' : 'failed',
    ...(Array.isArray(index) ? { rows: index.map(pkIndex) } : {}),
    ...(Array.isArray(values) ? { values: values.map((v: Json) => shown(v, columns)) } : {}),
    ...(typeof result.element_count === 'number' && typeof result.unexpected_count === 'number'
      ? { checked: result.element_count - (typeof result.missing_count === 'number' ? result.missing_count : 0) } : {}),
    ...(typeof result.unexpected_count === 'number' ? { failed: result.unexpected_count } : {}),
    ...(typeof out.observed_value === 'number' ? { rowsRead: out.observed_value } : {}),
  };
}

function pkIndex(entry: Json): number {
  if (typeof entry === 'number') return entry;
  const pk = (entry as JsonObject).pk_index;
  if (typeof pk !== 'number') throw new Error(`an unexpected_index_list entry without pk_index: ${JSON.stringify(entry)}`);
  return pk;
}

// GX lists the value itself (JSON `1.0` is the number 1, shown "1"); ddss shows a violation's value as text, and a
// compound key as its parts in column order joined by " | ".
function shown(v: Json, columns: readonly string[] | undefined): string | undefined {
  if (v === null) return undefined;
  if (typeof v === 'object' && !Array.isArray(v) && columns !== undefined) {
    return columns.map((c) => shown((v as JsonObject)[c] ?? null, undefined)).join(' | ');
  }
  return String(v);
}
