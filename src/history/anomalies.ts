import type { Criterion, Report, RuleResult, Sample } from '../core/types.js';
import { CRITERIA } from '../core/types.js';
import { byDate } from './by-date.js';
import { formatCount } from '../outputs/_format.js';
import type { HistoryEntry, HistoryInput } from './history-entry.js';

/** When a run is an anomaly against its history. Every field has a default. */
export interface HistoryThresholds {
  /** Earlier runs compared with (the last K). Default 10. */
  readonly window?: number;
  /** Earlier comparable runs needed before anything is judged (fewer: the history rules are skipped). Default 3. */
  readonly minRuns?: number;
  /** `row_count_drop` when rows fall more than this share below the median. Default 0.2. */
  readonly rowDrop?: number;
  /** `failure_rate_jump` when a rule's failure rate exceeds the median by more than this many scaled MADs… Default 3. */
  readonly madFactor?: number;
  /** …and by at least this much (a stable history has a MAD of 0). Default 0.01 (one percentage point). */
  readonly minJump?: number;
  /** Severity of the history findings. Default `warning`. */
  readonly severity?: 'warning' | 'error';
}

/** The median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** 1.4826 × MAD estimates the standard deviation of normally distributed values. */
const MAD_SCALE = 1.4826;

/**
 * The history rules of a run: `history.row_count_drop` and `history.values_drop` (sufficient; each row rule left with
 * a far smaller share of rows to check a sample), `history.failure_rate_jump.<criterion>` (one per criterion with a
 * rule to compare; each failing rule a sample) and `history.stale_input` (live). A rule with too
 * little history is skipped (checked 0), never passed. Weight 0: anomalies say how the run moved, they do not
 * change what the data scores. A run is judged against the runs dated before it (`comparedRuns`), whatever the order
 * of `history`; earlier runs that could not be evaluated (status `error`) are not compared with.
 * @example const rules = historyRules(report, earlier, { name: 'parcels.csv', sha256 }, {});
 */
export function historyRules(report: Report, history: readonly HistoryEntry[], input: HistoryInput | undefined,
  t: HistoryThresholds = {}): RuleResult[] {
  const window = t.window ?? 10;
  const minRuns = t.minRuns ?? 3;
  const severity = t.severity ?? 'warning';
  const earlier = comparedRuns(report, history, window);
  const evaluated = report.status !== 'error';
  const vi = report.locale === 'vi';
  const out: RuleResult[] = [];

  // Rows: far below the median of the last runs (an export that lost a district, a truncated transfer).
  const rowsOk = evaluated && earlier.length >= minRuns;
  const med = rowsOk ? median(earlier.map((e) => e.rows)) : 0;
  const dropped = rowsOk && report.rows < med * (1 - (t.rowDrop ?? 0.2));
  out.push(result('history.row_count_drop', 'sufficient', severity, rowsOk ? 1 : 0, dropped ? [{
    code: 'row_count_drop', value: String(report.rows),
    message: vi ? `Số hàng ${viNumber(report.rows)} thấp hơn trung vị ${viNumber(med)} của ${earlier.length} lần chạy trước quá ${viPct(t.rowDrop ?? 0.2)}`
      : `${enNumber(report.rows)} rows is more than ${pct(t.rowDrop ?? 0.2)} below the median ${enNumber(med)} of the last ${earlier.length} runs`,
  }] : []));

  // Values: a rule left with a far smaller share of rows to check than its history explains (a column that came empty,
  // an export that lost a join). Its rules skip missing cells, so without this an optional column that emptied passed.
  const band = (xs: readonly number[], m: number): number =>
    Math.max((t.madFactor ?? 3) * MAD_SCALE * median(xs.map((x) => Math.abs(x - m))), t.minJump ?? 0.01);
  let valuesCompared = 0;
  const emptied: Sample[] = [];
  for (const r of report.rules) {
    if (!evaluated || r.level !== 'row' || r.id.startsWith('history.') || report.rows === 0) continue;
    const shares = earlier.flatMap((e) => {
      const x = e.rules[r.id];
      return x === undefined || e.rows === 0 ? [] : [x[0] / e.rows];
    });
    if (shares.length < minRuns) continue;
    valuesCompared++;
    const m = median(shares);
    const share = r.checked / report.rows;
    if (share < m - band(shares, m)) {
      emptied.push({
        code: 'values_drop', ...(r.field === null ? {} : { field: r.field }), value: pct(share),
        message: vi ? `Quy tắc ${r.id} chỉ kiểm tra được ${viPct(share)} số hàng (các hàng khác không có giá trị đọc được), trung vị các lần trước ${viPct(m)}`
          : `rule ${r.id} checked ${pct(share)} of rows (the others had no value it could read); its median over the last ${shares.length} runs is ${pct(m)}`,
      });
    }
  }
  out.push(result('history.values_drop', 'sufficient', severity, valuesCompared, emptied));

  // Failure rates: a rule failing on a larger share of rows than its history explains.
  for (const c of CRITERIA) {
    let compared = 0;
    let candidates = 0;
    const jumps: Sample[] = [];
    for (const r of report.rules) {
      if (r.criterion !== c || r.id.startsWith('history.') || r.checked === 0) continue;
      candidates++;
      if (!evaluated) continue;
      const rates = earlier.flatMap((e) => {
        const x = e.rules[r.id];
        return x === undefined || x[0] === 0 ? [] : [x[1] / x[0]];
      });
      if (rates.length < minRuns) continue;
      compared++;
      const m = median(rates);
      const rate = r.failed / r.checked;
      if (rate > m + band(rates, m)) {
        jumps.push({
          code: 'failure_rate_jump', ...(r.field === null ? {} : { field: r.field }), value: pct(rate),
          message: vi ? `Quy tắc ${r.id} không đạt ở ${viPct(rate)} số hàng, trung vị các lần trước ${viPct(m)}`
            : `rule ${r.id} failed on ${pct(rate)} of rows; its median over the last ${rates.length} runs is ${pct(m)}`,
        });
      }
    }
    if (candidates > 0) out.push(result(`history.failure_rate_jump.${c}`, c, severity, compared, jumps));
  }

  // The same bytes as the previous run: the register was not refreshed. The previous run is the latest one not after
  // this run: a run re-done for an earlier date (--now going backwards) is the file's last line, and stood for it, so
  // tonight's unchanged export was compared with last month's. A run dated before all others has none: skipped.
  const last = runsUpTo(report, history).at(-1);
  const comparable = input?.sha256 !== undefined && last?.input.sha256 !== undefined;
  const stale = comparable && last?.input.sha256 === input?.sha256 && last?.input.bytes === input?.bytes;
  out.push(result('history.stale_input', 'live', severity, comparable ? 1 : 0, stale ? [{
    code: 'stale_input', value: input?.name ?? '',
    message: vi ? `Dữ liệu vào giống hệt từng byte lần chạy trước (${last?.now ?? ''})`
      : `the input is byte-identical to the previous run's (${last?.now ?? ''}): the register was not refreshed`,
  }] : []));
  return out;
}

/**
 * The runs a report is judged against: the last `window` runs of its dataset that were evaluated (status not `error`)
 * and are not dated after it, oldest first by date (see `runsUpTo`).
 * @example comparedRuns(report, await readHistory('h.ndjson', report.dataset), 10).length // at most 10
 */
export function comparedRuns(report: Report, history: readonly HistoryEntry[], window: number): HistoryEntry[] {
  return runsUpTo(report, history).filter((e) => e.status !== 'error').slice(-window);
}

/**
 * The runs of the report's dataset not dated after it, by date (`byDate`: runs of the same instant in the order given,
 * so the report, recorded after them, comes last). By date, not by the order given: a run back-filled for October and
 * recorded after November's was judged against November's.
 */
function runsUpTo(report: Report, history: readonly HistoryEntry[]): HistoryEntry[] {
  const at = Date.parse(report.now);
  return byDate(history.filter((e) => e.dataset === report.dataset && Date.parse(e.now) <= at));
}

function pct(x: number): string {
  return `${Math.round(x * 10000) / 100}%`;
}

/** Numbers in a Vietnamese message as the rest of a Vietnamese summary writes them (94,6%, 2.000): they read 76.48%, 2000. */
function viPct(x: number): string {
  return pct(x).replace('.', ',');
}

/** Numbers in an English message as the rest of the output writes them (1,001 rows): it read 1001. */
function enNumber(n: number): string {
  const [whole, fraction] = String(Math.round(n * 100) / 100).split('.');
  return `${formatCount(Number(whole), 'en')}${fraction === undefined ? '' : `.${fraction}`}`;
}

function viNumber(n: number): string {
  return n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
}

function result(id: string, criterion: Criterion, severity: 'warning' | 'error', checked: number, samples: Sample[]): RuleResult {
  const failed = samples.length;
  return {
    id, criterion, severity, field: null, level: 'table', checked, failed, violations: failed,
    passRate: checked === 0 ? null : (checked - failed) / checked, threshold: 1, weight: 0,
    status: checked === 0 ? 'skipped' : failed === 0 ? 'passed' : 'failed', score: checked === 0 ? null : failed === 0 ? 1 : 0,
    error: null, truncated: false, samples,
  };
}
