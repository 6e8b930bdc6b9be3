import { escapeXml, escapeXmlAttribute } from './_escape.js';
import { formatPercent } from './_format.js';
import { datasetHeading, localized } from './_text.js';
import { checkOptionKeys } from '../core/option-keys.js';
import { CRITERIA, type Criterion, type Locale, type Report, type RuleResult, type Sample } from '../core/types.js';
import { countOption } from './_count-option.js';

/** Options of `toJUnit`. */
export interface JUnitOptions {
  /** Violation samples listed in each failure's body. Default 10. */
  readonly maxSamples?: number;
}

// Every option, as a record so that adding one without listing it here is a type error: a misspelt one ({ locael })
// was ignored and the output rendered without it.
const OPTION_KEYS = Object.keys({ maxSamples: true } satisfies Record<keyof JUnitOptions, true>);

/**
 * The report as JUnit XML for CI (GitLab, Jenkins, GitHub test reporters): one `<testsuite>` per criterion named
 * `<dataset>.<criterion>` (Jenkins shows dataset as package, criterion as class), one `<testcase>` per rule.
 * A failed `error` or `warning` rule is a `<failure>` with its counts and samples (Jenkins marks the build unstable,
 * GitLab lists it); a failed `info` rule passes with its findings in `<system-out>`, since info never fails a
 * dataset; a rule that threw is an `<error>`; a rule with nothing to check is `<skipped/>`. An unreadable source adds
 * a `<dataset>.source` suite with one error. Every text is XML 1.0-safe: characters XML cannot hold are written as
 * `\uXXXX`. Times are 0 and the timestamp is the run's `now`, so the same report gives the same bytes.
 * @example writeFileSync('ddss-junit.xml', toJUnit(report));
 */
export function toJUnit(report: Report, options: JUnitOptions = {}): string {
  checkOptionKeys(options, OPTION_KEYS, 'toJUnit');
  const max = countOption(options.maxSamples, 10, 'toJUnit: maxSamples');
  const stamp = report.now.replace(/\.\d+Z$|Z$/, '');
  const suites = CRITERIA.map((c) => suite(report, c, report.rules.filter((r) => r.criterion === c), max, stamp));
  // A run that could not be evaluated for a reason no rule carries (a partial read, nothing to evaluate) is an
  // error of its own, so CI never shows it green.
  if (report.error !== undefined && !report.rules.some((r) => r.status === 'error') || report.partial) {
    suites.push(sourceSuite(report, stamp));
  }
  const total = sum(suites, 'tests');
  const attrs = attributes({
    name: `ddss: ${datasetHeading(report, report.locale)}`, tests: total, failures: sum(suites, 'failures'), errors: sum(suites, 'errors'),
    skipped: sum(suites, 'skipped'), time: 0, timestamp: stamp,
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs}>\n${suites.map((s) => s.xml).join('\n')}\n</testsuites>\n`;
}

interface Suite {
  readonly xml: string;
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
}

function suite(report: Report, c: Criterion, rules: readonly RuleResult[], max: number, stamp: string): Suite {
  const name = `${report.dataset}.${c}`;
  const cases = rules.map((r) => testcase(r, name, max, report.locale));
  const failures = rules.filter((r) => r.status === 'failed' && r.severity !== 'info').length;
  const errors = rules.filter((r) => r.status === 'error').length;
  const skipped = rules.filter((r) => r.status === 'skipped').length;
  const cr = report.criteria[c];
  const props = { criterion: c, score: cr.score, rowPassRate: cr.rowPassRate, tableScore: cr.tableScore, failedRows: cr.failedRows };
  const properties = Object.entries(props)
    .map(([k, v]) => `      <property${attributes({ name: k, value: v === null ? '' : String(v) })}/>`).join('\n');
  const head = attributes({ name, tests: rules.length, failures, errors, skipped, time: 0, timestamp: stamp });
  const xml = `  <testsuite${head}>\n    <properties>\n${properties}\n    </properties>\n` +
    `${cases.map((x) => `${x}\n`).join('')}  </testsuite>`;
  return { xml, tests: rules.length, failures, errors, skipped };
}

/** A test case named by the rule's id, and its field's label in the report's locale when it has one. */
function testcase(r: RuleResult, classname: string, max: number, locale: Locale): string {
  const label = localized(r.fieldLabel, locale);
  const open = `    <testcase${attributes({ name: label === undefined ? r.id : `${r.id} (${label})`, classname, time: 0 })}`;
  if (r.status === 'passed') return `${open}/>`;
  const w = WORDS[locale];
  if (r.status === 'skipped') return `${open}>\n      <skipped${attributes({ message: w.skipped })}/>\n    </testcase>`;
  if (r.status === 'error') {
    const message = r.error ?? w.threw;
    return `${open}>\n      <error${attributes({ message, type: 'rule_error' })}>${escapeXml(message)}</error>\n    </testcase>`;
  }
  const summary = outcome(r, locale);
  const body = [`${r.id} (${r.criterion}, ${r.severity}): ${summary}`, ...samples(r, max, w)].join('\n');
  if (r.severity === 'info') return `${open}>\n      <system-out>${escapeXml(body)}</system-out>\n    </testcase>`;
  return `${open}>\n      <failure${attributes({ message: summary, type: r.severity })}>${escapeXml(body)}</failure>\n    </testcase>`;
}

/** The words of the XML's texts in each locale: under `vi` they were English, around Vietnamese messages. */
const WORDS = {
  en: {
    skipped: 'nothing to check (0 rows applied)', threw: 'the rule threw', unread: 'the source could not be read completely',
    table: (score: string, threshold: string, n: number) => `table score ${score} (threshold ${threshold}), ${n} findings`,
    rows: (failed: number, checked: number, n: number, rate: string, threshold: string) =>
      `${failed} of ${checked} rows failed, ${n} violations (pass rate ${rate}, threshold ${threshold})`,
    more: (n: number) => `… ${n} more violations`, tableRow: 'table', row: 'row', line: 'line', key: 'key', value: 'value', suggestion: 'suggestion',
  },
  vi: {
    skipped: 'không có gì để kiểm tra (0 hàng áp dụng)', threw: 'quy tắc gặp lỗi khi chạy', unread: 'không đọc được trọn vẹn nguồn dữ liệu',
    table: (score: string, threshold: string, n: number) => `điểm bảng ${score} (ngưỡng ${threshold}), ${n} phát hiện`,
    rows: (failed: number, checked: number, n: number, rate: string, threshold: string) =>
      `${failed}/${checked} hàng không đạt, ${n} vi phạm (tỷ lệ đạt ${rate}, ngưỡng ${threshold})`,
    more: (n: number) => `… và ${n} vi phạm khác`, tableRow: 'bảng', row: 'hàng', line: 'dòng', key: 'khóa', value: 'giá trị', suggestion: 'gợi ý',
  },
};
type Words = (typeof WORDS)['en'];

function outcome(r: RuleResult, locale: Locale): string {
  const w = WORDS[locale];
  const threshold = formatPercent(r.threshold, locale);
  if (r.level === 'table') return w.table(formatPercent(r.score, locale), threshold, r.violations);
  return w.rows(r.failed, r.checked, r.violations, formatPercent(r.passRate, locale), threshold);
}

function samples(r: RuleResult, max: number, w: Words): string[] {
  const lines = r.samples.slice(0, max).map((s) => sampleLine(s, w));
  const more = r.violations - lines.length;
  if (more > 0) lines.push(w.more(more));
  return lines;
}

function sampleLine(s: Sample, w: Words): string {
  const where = [
    s.row === undefined ? w.tableRow : `${w.row} ${s.row}`,
    s.line === undefined ? '' : `${w.line} ${s.line}`,
    s.key === undefined ? '' : `${w.key} ${s.key}`,
  ].filter((p) => p !== '').join(', ');
  const value = s.value === undefined ? '' : ` ${s.field ?? w.value} = ${JSON.stringify(s.value)}`;
  const fix = s.suggestion === undefined ? '' : ` (${w.suggestion}: ${JSON.stringify(s.suggestion)})`;
  // One sample a line: a definition's message holding a line break read as two samples.
  return `- [${where}]${value} ${s.code}: ${s.message.replace(/\r?\n|\r/g, '\\n')}${fix}`;
}

function sourceSuite(report: Report, stamp: string): Suite {
  const name = `${report.dataset}.source`;
  const message = report.error ?? report.source?.error ?? WORDS[report.locale].unread;
  const xml = `  <testsuite${attributes({ name, tests: 1, failures: 0, errors: 1, skipped: 0, time: 0, timestamp: stamp })}>\n` +
    `    <testcase${attributes({ name: 'source', classname: name, time: 0 })}>\n` +
    `      <error${attributes({ message, type: 'source_error' })}>${escapeXml(message)}</error>\n    </testcase>\n  </testsuite>`;
  return { xml, tests: 1, failures: 0, errors: 1, skipped: 0 };
}

function attributes(attrs: Readonly<Record<string, string | number>>): string {
  return Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeXmlAttribute(String(v))}"`).join('');
}

function sum(suites: readonly Suite[], key: 'tests' | 'failures' | 'errors' | 'skipped'): number {
  return suites.reduce((n, s) => n + s[key], 0);
}
