import { formatCount } from './_format.js';
import type { BaselineWorse, Criterion, DatasetStatus, Locale, Report, RuleStatus, Severity } from '../core/types.js';

/** The words of the human-readable outputs (HTML, Markdown, console) in one locale. Data is never translated. */
export interface Labels {
  readonly locale: Locale;
  readonly reportTitle: string;
  readonly overall: string;
  readonly noData: string;
  /** A score that is null because the run could not be evaluated (a partial read, a rule error), not for lack of rules. */
  readonly notScored: string;
  readonly criteria: Readonly<Record<Criterion, { readonly name: string; readonly sub: string }>>;
  readonly datasetStatus: Readonly<Record<DatasetStatus, string>>;
  readonly ruleStatus: Readonly<Record<RuleStatus, string>>;
  readonly severity: Readonly<Record<Severity, string>>;
  readonly col: Readonly<Record<
    'id' | 'criterion' | 'severity' | 'field' | 'checked' | 'failed' | 'passRate' | 'status' | 'row' | 'line' | 'key' |
    'value' | 'code' | 'message' | 'suggestion' | 'score' | 'failedRows', string>>;
  readonly source: Readonly<Record<'heading' | 'kind' | 'name' | 'encoding' | 'bytes' | 'records' | 'error' | 'now' | 'unknown', string>>;
  readonly dataset: string;
  readonly rowsLabel: string;
  readonly rows: (n: number) => string;
  readonly rulesHeading: string;
  readonly samplesHeading: string;
  readonly failingRules: string;
  readonly noFailingRules: string;
  readonly params: string;
  readonly tableLevel: string;
  readonly violations: (n: number) => string;
  readonly showing: (k: number, n: number) => string;
  readonly failedRowsOf: (n: number) => string;
  readonly tableScore: (s: string) => string;
  readonly bannerCounts: (failed: number, warned: number, errored: number) => string;
  readonly allPassed: string;
  /** The verdict's baseline part: violations the baseline had, and new ones. */
  readonly baselineCounts: (known: number, fresh: number, name: string) => string;
  /** A table-level violation worse than the baseline's (counted new): both values, or that the baseline has none. */
  readonly baselineWorse: (w: BaselineWorse) => string;
  /** The heading of the history block: the earlier runs compared with, and the history file. */
  readonly historyHeading: (runs: number, name: string) => string;
  /** The history rules were skipped for want of earlier runs: said, or a short history reads as a clean one. */
  readonly historyNotJudged: string;
  /** Nothing failed, but some rules had nothing to check: they did not pass. */
  readonly passedButSkipped: (n: number) => string;
  /** The overall score under the run's `failUnder`, both as exact as it takes to tell them apart. */
  readonly belowFailUnder: (score: string, threshold: string) => string;
  /** No error or warning rule failed, but `n` info rules found something (shown, never judged). */
  readonly passedButInfo: (n: number) => string;
  readonly notEvaluated: string;
  /** The verdict of a run that could not be evaluated, whose reason follows on its own line. */
  readonly notEvaluatedVerdict: string;
  readonly partial: string;
  readonly sortHint: string;
  readonly moreRules: (n: number) => string;
  readonly moreItems: (n: number) => string;
  /** A rule stopped by the same cause as rule `id`, listed above it: the cause is said once. */
  readonly sameErrorAs: (id: string) => string;
  /** The link to the file holding every violation (the page keeps a few per rule). */
  readonly allViolations: string;
  /** Where the violations a section does not show are: the violations file, or the JSON report. */
  readonly moreIn: (n: number, file: boolean) => string;
}

const en: Labels = {
  locale: 'en',
  reportTitle: 'Data quality report',
  overall: 'Overall score',
  noData: 'no data',
  notScored: 'not scored',
  criteria: {
    correct: { name: 'Correct', sub: 'đúng · valid values' },
    sufficient: { name: 'Sufficient', sub: 'đủ · complete' },
    clean: { name: 'Clean', sub: 'sạch · no duplicates' },
    live: { name: 'Live', sub: 'sống · up to date' },
  },
  datasetStatus: { passed: 'Passed', warned: 'Passed with warnings', failed: 'Failed', error: 'Could not evaluate' },
  ruleStatus: { passed: 'Passed', failed: 'Failed', skipped: 'Skipped', error: 'Error' },
  severity: { error: 'error', warning: 'warning', info: 'info' },
  col: {
    id: 'Rule', criterion: 'Criterion', severity: 'Severity', field: 'Field', checked: 'Checked', failed: 'Failed',
    passRate: 'Pass rate', status: 'Status', row: 'Row', line: 'Line', key: 'Key', value: 'Value', code: 'Code',
    message: 'Message', suggestion: 'Suggestion', score: 'Score', failedRows: 'Failed rows',
  },
  source: {
    heading: 'Source', kind: 'Kind', name: 'Name', encoding: 'Encoding', bytes: 'Bytes', records: 'Physical records',
    error: 'Read error', now: 'Evaluated at', unknown: 'unknown',
  },
  dataset: 'Dataset',
  rowsLabel: 'Rows',
  rows: (n) => plural(n, 'row', 'rows', 'en'),
  rulesHeading: 'Rules',
  samplesHeading: 'Violation samples',
  failingRules: 'Failing rules',
  noFailingRules: 'No error or warning rule failed.',
  params: 'Parameters',
  tableLevel: 'table',
  violations: (n) => plural(n, 'violation', 'violations', 'en'),
  showing: (k, n) => `showing ${formatCount(k, 'en')} of ${formatCount(n, 'en')}`,
  failedRowsOf: (n) => `${plural(n, 'row', 'rows', 'en')} failed`,
  tableScore: (s) => `table ${s}`,
  bannerCounts: (f, w, e) => list([
    e > 0 ? `${plural(e, 'rule', 'rules', 'en')} could not run` : '',
    f > 0 ? `${plural(f, 'rule', 'rules', 'en')} failed` : '',
    w > 0 ? `${plural(w, 'warning rule', 'warning rules', 'en')} failed` : '',
  ]),
  allPassed: 'Every rule passed.',
  historyHeading: (n, name) => `History (${plural(n, 'earlier run', 'earlier runs', 'en')}, ${name}):`,
  historyNotJudged: '(no anomaly judged yet: too few earlier runs of this dataset to compare with, 3 by default)',
  baselineCounts: (k, n, name) => `against the baseline ${name}: ${plural(k, 'known violation', 'known violations', 'en')}, ${formatCount(n, 'en')} new`,
  baselineWorse: (w) => (w.baselineValue === undefined
    ? `${w.rule} counted as new: the baseline records no value of its ${w.code} (an older ddss wrote it; make it again)`
    : `${w.rule} worse than in the baseline: ${w.code} ${w.value}, was ${w.baselineValue}`),
  // Why each was skipped is not in the report: the causes are listed, so that a `when` that held on no row is not
  // read as "there was no data".
  passedButSkipped: (n) => `Every rule that ran passed; ${plural(n, 'rule was', 'rules were', 'en')} skipped (nothing to check: ` +
    `no value to check, no register given, or ${n === 1 ? 'its' : 'their'} condition (when) held on no row).`,
  belowFailUnder: (score, threshold) => `the overall score ${score} is below the fail-under threshold ${threshold}`,
  passedButInfo: (n) => `No error or warning rule failed; ${plural(n, 'info rule', 'info rules', 'en')} found something (shown, not judged).`,
  notEvaluated: 'The dataset could not be evaluated:',
  notEvaluatedVerdict: 'Not evaluated (the reason follows).',
  partial: 'The source could not be read completely, so the dataset is not scored.',
  sortHint: 'Click a column header to sort.',
  moreRules: (n) => `… and ${plural(n, 'more rule', 'more rules', 'en')}`,
  moreItems: (n) => `… and ${formatCount(n, 'en')} more`,
  sameErrorAs: (id) => `the same as ${id}`,
  allViolations: 'Every violation',
  moreIn: (n, file) => `… and ${formatCount(n, 'en')} more ${file ? 'in the violations file' : '(every one: --violations FILE.csv, or the JSON report)'}`,
};

const vi: Labels = {
  locale: 'vi',
  reportTitle: 'Báo cáo chất lượng dữ liệu',
  overall: 'Điểm tổng thể',
  noData: 'không có dữ liệu',
  notScored: 'không chấm điểm',
  criteria: {
    correct: { name: 'Đúng', sub: 'Chính xác' },
    sufficient: { name: 'Đủ', sub: 'Đầy đủ' },
    clean: { name: 'Sạch', sub: 'Không trùng, chuẩn hóa' },
    live: { name: 'Sống', sub: 'Cập nhật' },
  },
  datasetStatus: { passed: 'Đạt', warned: 'Đạt (có cảnh báo)', failed: 'Không đạt', error: 'Không đánh giá được' },
  ruleStatus: { passed: 'Đạt', failed: 'Không đạt', skipped: 'Bỏ qua', error: 'Lỗi thực thi' },
  severity: { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' },
  col: {
    id: 'Quy tắc', criterion: 'Tiêu chí', severity: 'Mức độ', field: 'Trường', checked: 'Đã kiểm tra',
    failed: 'Không đạt', passRate: 'Tỷ lệ đạt', status: 'Trạng thái', row: 'Hàng', line: 'Dòng', key: 'Khóa',
    value: 'Giá trị', code: 'Mã lỗi', message: 'Thông báo', suggestion: 'Gợi ý sửa', score: 'Điểm',
    failedRows: 'Hàng không đạt',
  },
  source: {
    heading: 'Nguồn dữ liệu', kind: 'Loại', name: 'Tên', encoding: 'Bảng mã', bytes: 'Dung lượng (byte)',
    records: 'Số bản ghi vật lý', error: 'Lỗi đọc', now: 'Thời điểm đánh giá', unknown: 'không rõ',
  },
  dataset: 'Tập dữ liệu',
  rowsLabel: 'Số hàng',
  rows: (n) => `${formatCount(n, 'vi')} hàng`,
  rulesHeading: 'Quy tắc',
  samplesHeading: 'Mẫu vi phạm',
  failingRules: 'Quy tắc không đạt',
  noFailingRules: 'Không có quy tắc lỗi hay cảnh báo nào không đạt.',
  params: 'Tham số',
  tableLevel: 'bảng',
  violations: (n) => `${formatCount(n, 'vi')} vi phạm`,
  showing: (k, n) => `hiển thị ${formatCount(k, 'vi')} / ${formatCount(n, 'vi')}`,
  failedRowsOf: (n) => `${formatCount(n, 'vi')} hàng không đạt`,
  tableScore: (s) => `bảng ${s}`,
  bannerCounts: (f, w, e) => list([
    e > 0 ? `${e} quy tắc lỗi thực thi` : '',
    f > 0 ? `${f} quy tắc không đạt` : '',
    w > 0 ? `${w} quy tắc cảnh báo không đạt` : '',
  ]),
  allPassed: 'Tất cả quy tắc đều đạt.',
  historyHeading: (n, name) => `Lịch sử (${formatCount(n, 'vi')} lần chạy trước, ${name}):`,
  historyNotJudged: '(chưa đánh giá bất thường: chưa đủ số lần chạy trước của tập dữ liệu này để so sánh, mặc định 3)',
  baselineCounts: (k, n, name) => `so với mốc ${name}: ${formatCount(k, 'vi')} vi phạm đã biết, ${formatCount(n, 'vi')} vi phạm mới`,
  baselineWorse: (w) => (w.baselineValue === undefined
    ? `${w.rule} được tính là mới: mốc không ghi giá trị ${w.code} của nó (do ddss cũ hơn ghi; hãy tạo lại mốc)`
    : `${w.rule} xấu hơn so với mốc: ${w.code} ${w.value}, trước là ${w.baselineValue}`),
  passedButSkipped: (n) => `Mọi quy tắc đã chạy đều đạt; ${formatCount(n, 'vi')} quy tắc bị bỏ qua (không có gì để kiểm tra: ` +
    'không có giá trị để kiểm tra, không có sổ đăng ký đối chiếu, hoặc điều kiện (when) không đúng với dòng nào).',
  belowFailUnder: (score, threshold) => `điểm tổng thể ${score} thấp hơn ngưỡng fail-under ${threshold}`,
  passedButInfo: (n) => `Không có quy tắc lỗi hay cảnh báo nào không đạt; ${formatCount(n, 'vi')} quy tắc thông tin có phát hiện (chỉ hiển thị, không tính).`,
  notEvaluated: 'Không đánh giá được tập dữ liệu:',
  notEvaluatedVerdict: 'Không đánh giá được (lý do ở dưới).',
  partial: 'Không đọc được toàn bộ nguồn dữ liệu nên tập dữ liệu không được chấm điểm.',
  sortHint: 'Bấm vào tiêu đề cột để sắp xếp.',
  moreRules: (n) => `… và ${formatCount(n, 'vi')} quy tắc khác`,
  moreItems: (n) => `… và ${formatCount(n, 'vi')} mục khác`,
  sameErrorAs: (id) => `giống như ${id}`,
  allViolations: 'Toàn bộ vi phạm',
  moreIn: (n, file) => `… và ${formatCount(n, 'vi')} vi phạm khác ${file ? 'trong tệp vi phạm' : '(toàn bộ: --violations TỆP.csv, hoặc báo cáo JSON)'}`,
};

function plural(n: number, one: string, many: string, locale: 'en'): string {
  return `${formatCount(n, locale)} ${n === 1 ? one : many}`;
}

function list(parts: readonly string[]): string {
  return parts.filter((p) => p !== '').join(' · ');
}

/**
 * The UI words of one locale.
 * @example labels('vi').criteria.correct.name // 'Đúng'
 */
export function labels(locale: Locale): Labels {
  return locale === 'vi' ? vi : en;
}

/**
 * The one-line verdict under a report's title: the counts of failed and errored rules, "Every rule passed" only
 * when the run was evaluated and nothing failed, and never that for a run that could not be evaluated.
 */
export function verdictLine(report: Report, l: Labels): string {
  const counts = l.bannerCounts(
    report.rules.filter((r) => r.status === 'failed' && r.severity === 'error').length,
    report.rules.filter((r) => r.status === 'failed' && r.severity === 'warning').length,
    report.rules.filter((r) => r.status === 'error').length,
  );
  const skipped = report.rules.filter((r) => r.status === 'skipped').length;
  // Info rules report without judging (a record not yet verified), but one that found something did not pass.
  const info = report.rules.filter((r) => r.status === 'failed' && r.severity === 'info').length;
  // A skipped rule (no register given, every value missing) did not pass: "every rule passed" would say it did.
  // The reason of a run that could not be evaluated has a line of its own ("The dataset could not be evaluated: …").
  const verdict = counts !== '' ? counts : report.status === 'error' ? (report.error === undefined ? l.notEvaluated.replace(/:$/, '.') : l.notEvaluatedVerdict)
    : info > 0 ? l.passedButInfo(info) : skipped === 0 ? l.allPassed : l.passedButSkipped(skipped);
  // A run failed by its score alone said only "1 warning rule failed" under an overall score rounded to 95%.
  const under = report.failUnder !== undefined && report.score !== null && report.score < report.failUnder
    ? [l.belowFailUnder(...exactPercents(report.score, report.failUnder, l.locale))] : [];
  const b = report.baseline;
  return list([verdict, ...(b === undefined ? [] : [l.baselineCounts(b.known, b.new, b.name), ...(b.worse ?? []).map(l.baselineWorse)]), ...under]);
}

/**
 * Two shares as percentages with as many decimals as it takes for them to differ (up to four), so that a score
 * under a threshold never reads as the threshold: 0.9499 and 0.95 are 94.99% and 95%.
 * @example exactPercents(0.9499, 0.95, 'en') // ['94.99%', '95%']
 */
export function exactPercents(a: number, b: number, locale: Locale): [string, string] {
  const at = (x: number, d: number): string => {
    const fixed = (x * 100).toFixed(d);
    const t = d === 0 ? fixed : fixed.replace(/0+$/, '').replace(/\.$/, '');
    return `${locale === 'vi' ? t.replace('.', ',') : t}%`;
  };
  let d = 0;
  while (d < 4 && at(a, d) === at(b, d)) d++;
  return [at(a, d), at(b, d)];
}

/**
 * What a null score says: `not scored` in a report that could not be evaluated (its scores were withheld: a partial
 * read, a rule error), else `no data` (no rule of that criterion measured anything).
 * @example unscored(partial, labels('en')) // 'not scored'
 */
export function unscored(report: Report, l: Labels): string {
  return report.status === 'error' ? l.notScored : l.noData;
}
