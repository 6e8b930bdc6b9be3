import type { CriterionResult, Report, RuleResult, Sample } from '../core/types.js';
import { CRITERIA } from '../core/types.js';
import type { RecordGrade } from '../core/grades.js';
import { checkOptionKeys } from '../core/option-keys.js';
import { jsonText } from './_escape.js';

/**
 * The report as JSON (DESIGN §6, schemaVersion 1), with a fixed key order so the same input and `now` give
 * byte-identical output. Samples stay inside their rules; the flat `violations` list is left out.
 * @example writeFileSync('report.json', toJson(report));
 */
export function toJson(report: Report, options: { readonly indent?: number } = {}): string {
  checkOptionKeys(options, ['indent'], 'toJson'); // a misspelt one ({ indnet: 0 }) was ignored
  // C1, bidi and zero-width characters of values and messages as `\uXXXX`: a report `cat` to a terminal shows them.
  return jsonText(reportObject(report), options.indent ?? 2);
}

/** The JSON-ready object of a report (what `toJson` serialises). */
export function reportObject(report: Report): Record<string, unknown> {
  const criteria: Record<string, unknown> = {};
  for (const c of CRITERIA) criteria[c] = criterion(report.criteria[c]);
  return {
    schemaVersion: report.schemaVersion,
    dataset: report.dataset,
    ...(report.title === undefined ? {} : { title: report.title }),
    status: report.status,
    ...(report.error === undefined ? {} : { error: report.error }),
    partial: report.partial,
    now: report.now,
    timeZone: report.timeZone,
    locale: report.locale,
    rows: report.rows,
    score: report.score,
    ...(report.failUnder === undefined ? {} : { failUnder: report.failUnder }),
    ...(report.baseline === undefined ? {} : { baseline: { ...report.baseline } }),
    ...(report.history === undefined ? {} : { history: report.history }),
    criteria,
    ...(report.recordGrades === undefined ? {} : { recordGrades: { ...report.recordGrades } }),
    ...(report.worstRecords === undefined ? {} : { worstRecords: report.worstRecords.map(graded) }),
    ...(report.groups === undefined ? {} : { groups: report.groups }),
    rules: report.rules.map(rule),
    source: report.source,
    ...(report.timings === undefined ? {} : { timings: report.timings }),
  };
}

/** A worst record in a fixed key order (the grades file's names), whatever object the report holds. */
function graded(g: RecordGrade) {
  return {
    row: g.row, ...(g.line === undefined ? {} : { line: g.line }), ...(g.key === undefined ? {} : { key: g.key }),
    grades: { correct: g.grades.correct, sufficient: g.grades.sufficient, clean: g.grades.clean, live: g.grades.live },
    overall: g.overall,
    findings: { correct: g.findings.correct, sufficient: g.findings.sufficient, clean: g.findings.clean, live: g.findings.live },
    rules: [...g.rules],
  };
}

function criterion(c: CriterionResult) {
  return { score: c.score, rowPassRate: c.rowPassRate, tableScore: c.tableScore, failedRows: c.failedRows };
}

function rule(r: RuleResult) {
  return {
    id: r.id, criterion: r.criterion, severity: r.severity, field: r.field,
    ...(r.fieldLabel === undefined ? {} : { fieldLabel: r.fieldLabel }),
    ...(r.description === undefined ? {} : { description: r.description }),
    level: r.level,
    checked: r.checked, failed: r.failed, violations: r.violations, passRate: r.passRate, threshold: r.threshold,
    weight: r.weight, status: r.status, score: r.score, error: r.error, truncated: r.truncated,
    ...(r.newViolations === undefined ? {} : { newViolations: r.newViolations }),
    ...(r.params === undefined ? {} : { params: r.params }),
    samples: r.samples.map(sample),
  };
}

function sample(s: Sample) {
  return {
    ...(s.row === undefined ? {} : { row: s.row }),
    ...(s.line === undefined ? {} : { line: s.line }),
    ...(s.key === undefined ? {} : { key: s.key }),
    ...(s.field === undefined ? {} : { field: s.field }),
    ...(s.value === undefined ? {} : { value: s.value }),
    code: s.code,
    message: s.message,
    ...(s.suggestion === undefined ? {} : { suggestion: s.suggestion }),
  };
}
