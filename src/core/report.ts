import { rowCount } from './rowset.js';
import { describeRule } from './messages/descriptions.js';
import { SOURCE_LABELS_VI } from './messages/source-labels.js';
import { computeScores, round, type ScoredRule } from './scores.js';
import { meetsThreshold, scoreMeetsThreshold } from './threshold.js';
import { CRITERIA } from './types.js';
import { badPlaces, badResult } from './_validator-helpers.js';
import { gradeHistogram } from './grades.js';
import { groupBreakdown } from './grade-tally.js';
import { couldNotRun, errorGroups } from './error-groups.js';
import type { Plan, Slot } from './compile.js';
import type { Emitter } from './emit.js';
import type { ResolvedOptions } from './options.js';
import type { RuleState, SourceRuleState, ValidatorState } from './state.js';
import type {
  AggregateRule, Criterion, DatasetFinding, DatasetOutcome, FinishContext, Locale, LocalizedText, Report, RuleResult, RuleStatus, SourceInfo,
  Violation,
} from './types.js';

/** Finishes the aggregates, then turns the state into the report: rule results, scores, status, samples. */
export function buildReport(plan: Plan, st: ValidatorState, opts: ResolvedOptions, emitter: Emitter,
  source: SourceInfo | null, partial: boolean): Report {
  // An empty input (0 bytes, a byte order mark) is a read error, but it was read whole: nothing unread can hold what
  // a dataset rule finds absent, so its rules judge it (rowCount: 0 records) rather than say "not known".
  const emptied = st.sources.some((s) => s.code === 'empty');
  const fctx: FinishContext = {
    now: opts.now, nowMs: opts.now.getTime(), timeZone: opts.timeZone, today: opts.today, todayMs: opts.today.getTime(),
    fieldType: plan.fieldType, rows: st.rows, partial: partial && !emptied,
  };
  const rules: RuleResult[] = plan.slots.map((slot) => {
    const rs = st.rules[slot.ordinal] as RuleState;
    const params = emitter.params(slot);
    if (slot.kind !== 'aggregate') return ruleResult(plan, slot, params, rs, 'row', checkedOf(slot, rs, st), rowCount(rs.failed), null);
    const t = st.timings === undefined ? 0 : performance.now();
    const outcome = finishAggregate(slot, rs, fctx, emitter);
    // A dataset rule's time includes its finish (uniqueness names its duplicates there).
    if (st.timings !== undefined) st.timings.rules[slot.ordinal] = (st.timings.rules[slot.ordinal] ?? 0) + performance.now() - t;
    const table = outcome !== null && outcome.score !== undefined;
    const failed = outcome?.failed ?? (table ? (outcome?.findings.length ? 1 : 0) : rowCount(rs.failed));
    return ruleResult(plan, slot, params, rs, table ? 'table' : 'row', outcome?.checked ?? 0, failed, table ? (outcome?.score ?? null) : null);
  });
  const columns = st.columns?.length ?? 0;
  const sources = [...st.sources].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const s of sources) rules.push(sourceResult(s, st, columns));

  const scored: ScoredRule[] = rules.map((r, i) => ({
    result: r,
    failedRows: i < plan.slots.length ? (st.rules[i] as RuleState).failed : (sources[i - plan.slots.length] as SourceRuleState).failed,
  }));
  const errored = rules.filter((r) => r.status === 'error');
  const unknown = new Set<Criterion>(partial ? CRITERIA : errored.map((r) => r.criterion));
  const { criteria, score } = computeScores(scored, st.rows, plan.definition.weights, unknown);
  const failUnder = opts.failUnder ?? plan.definition.failUnder;
  const failed = rules.some((r) => r.status === 'failed' && r.severity === 'error') ||
    (failUnder !== undefined && score !== null && score < failUnder);
  // Source findings alone (a missing column) are not a measurement of the data: such a run is an error, not failed.
  const nothing = partial || errored.length > 0 ? undefined : nothingEvaluated(plan, st, rules, opts.locale === 'vi');
  const status =
    partial || errored.length > 0 || nothing !== undefined ? 'error'
      : failed ? 'failed'
        : rules.some((r) => r.status === 'failed' && r.severity === 'warning') ? 'warned'
          : 'passed';
  const reasons = [
    ...(partial ? [partialReason(source?.error, rules, opts.locale)] : []),
    // One cause stopping several rules (an unusable reference stops every rule using it) is one reason, naming them.
    ...errorGroups(rules, partial).map((g) => `${couldNotRun(g.ids, '', opts.locale)}: ${g.error}`),
    ...(nothing === undefined ? [] : [nothing]),
  ];

  return {
    schemaVersion: 1,
    dataset: plan.definition.name,
    ...(plan.definition.title === undefined ? {} : { title: plan.definition.title }),
    status,
    ...(reasons.length === 0 ? {} : { error: reasons.map(oneLine).join('; ') }),
    partial,
    now: opts.now.toISOString(),
    timeZone: opts.timeZone,
    locale: opts.locale,
    rows: st.rows,
    score,
    ...(failUnder === undefined ? {} : { failUnder }),
    criteria,
    ...(st.grades === undefined ? {} : { recordGrades: gradeHistogram(st.grades) }),
    ...(st.worst === undefined ? {} : { worstRecords: st.worst.records }),
    ...(st.groups === undefined ? {} : { groups: groupBreakdown(st.groups) }),
    rules,
    source,
    violations: flatten(rules),
  };
}

/**
 * Why the input was not read whole, in the run's language, as "nothing to evaluate" is: under --locale vi every output
 * said "Không đánh giá được tập dữ liệu: the input could not be read completely: the input is empty (0 bytes)". A
 * reader's own words stay as they are (they name files, bytes and lines, in English), except for an input with
 * nothing in it, which its finding (`source.empty`, `source.binary_input`) already says in the report's language (its
 * first sample's message; with `maxSamplesPerRule: 0` there is none, and the reader's words stand).
 */
function partialReason(error: string | undefined, rules: readonly RuleResult[], locale: Locale): string {
  // A reader's own error often starts with "ddss: " too: once is enough in one sentence.
  const detail = (error ?? 'unknown error').replace(/^ddss: /, '');
  if (locale !== 'vi') return `the input could not be read completely: ${detail}`;
  const nothing = rules.find((r) => (r.id === 'source.empty' || r.id === 'source.binary_input') && r.failed > 0);
  return `không đọc được toàn bộ nguồn dữ liệu: ${nothing?.samples[0]?.message ?? detail}`;
}

/**
 * Why a run that read everything still measured nothing, or undefined when some rule checked something. A definition
 * rule that checked no value is skipped; source findings (a missing column) are not a measurement of the data.
 */
function nothingEvaluated(plan: Plan, st: ValidatorState, rules: readonly RuleResult[], vi: boolean): string | undefined {
  // In the run's language, as its messages are: under --locale vi every output said "Không đánh giá được tập dữ liệu:
  // nothing to evaluate: …".
  const nothing = vi ? 'không có gì để đánh giá' : 'nothing to evaluate';
  // A header sharing no column with the definition is another file, whatever rules that read raw cells or count rows
  // found (two excelSerial rules "passed" on every row of one, and the run was a plain "failed" with Correct 100%).
  // So is a header of other names above no rows (`a,b`, or only blank lines): it was a plain "failed" for the row
  // count, where the same file with rows was not evaluated. No header at all (JSON `[]`) is "0 data rows".
  const columns = st.columns;
  const n = plan.fields.length;
  if ((st.rows > 0 || (columns?.length ?? 0) > 0) && columns !== null && n > 0
    && plan.fields.every((f) => !columns.includes(f.name))) {
    return `${nothing}: ${vi ? `không trường nào trong ${n} trường đã khai báo là một cột của dữ liệu đầu vào`
      : `none of the ${n} declared fields is a column of the input`}`;
  }
  if (rules.some((r) => !r.id.startsWith('source.') && r.status !== 'skipped')) return undefined;
  if (st.rows === 0) return `${nothing}: ${vi ? '0 hàng dữ liệu' : '0 data rows'}`;
  return `${nothing}: ${vi ? `không quy tắc nào tìm thấy giá trị để kiểm tra trong ${st.rows} hàng` : `no rule found a value to check in ${st.rows} rows`}`;
}

function oneLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

/** A rule's `checked`: counted per row, or derived from the field's missing and unparseable cells. */
function checkedOf(slot: Slot, rs: RuleState, st: ValidatorState): number {
  const f = slot.fieldIndex;
  switch (slot.counted) {
    case 'rows': return st.rows;
    case 'present': return st.rows - (st.missing[f] ?? 0);
    case 'valid': return st.rows - (st.missing[f] ?? 0) - (st.invalid[f] ?? 0);
    default: return rs.checked;
  }
}

function finishAggregate(slot: Slot, rs: RuleState, fctx: FinishContext,
  emitter: Emitter): DatasetOutcome | null {
  if (rs.error !== null) return null;
  let outcome: DatasetOutcome;
  try {
    outcome = (slot.rule as AggregateRule).finish(rs.agg, fctx);
  } catch (e) {
    rs.error = { message: emitter.errorText(e, slot), row: -1 };
    return null;
  }
  const why = badOutcome(outcome, fctx.rows);
  if (why !== undefined) {
    // As a check's result that is no finding: the rule errors (in ddss's words, quoting no value), the report is made.
    rs.error = { message: `ddss: a dataset rule's finish returns { checked, findings: an array of Findings ({ code: ` +
      `'lower_snake_case', … }), score?: a number in [0, 1] or null }; this one returned ${why}`, row: -1 };
    return null;
  }
  const findings = [...outcome.findings].sort(byRow);
  for (const f of findings) emitter.emitAt(slot, rs, f);
  return outcome;
}

/**
 * Why a dataset rule's outcome cannot be reported (findings that are none or name no row of the input's `rows`, a
 * score outside [0, 1]), or undefined.
 */
function badOutcome(outcome: unknown, rows: number): string | undefined {
  if (typeof outcome !== 'object' || outcome === null) return `${outcome === null ? 'null' : `a ${typeof outcome}`} as its outcome`;
  const { findings, score } = outcome as { findings?: unknown; score?: unknown };
  if (!Array.isArray(findings)) return 'an outcome whose findings are not an array';
  const why = badResult(findings) ?? badPlaces(findings as readonly object[], rows);
  if (why !== undefined) return `findings: ${why}`;
  if (score !== undefined && score !== null && !(typeof score === 'number' && score >= 0 && score <= 1)) {
    return 'an outcome whose score is not in [0, 1]';
  }
  return badCounts(outcome as { checked?: unknown; failed?: unknown; score?: unknown }, findings as readonly DatasetFinding[]);
}

/**
 * Why `checked` and `failed` cannot make a pass rate in [0, 1], or cannot both be true: each must be a whole number
 * from 0, what failed (`failed`, else the distinct rows the findings name) no more than what was checked, and a
 * row-level outcome's `failed` the distinct rows its findings name. A `checked` of NaN made a pass rate of NaN, one of
 * 1 with three failed rows a pass rate of -2.
 */
function badCounts(o: { checked?: unknown; failed?: unknown; score?: unknown }, findings: readonly DatasetFinding[]): string | undefined {
  const count = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
  const what = (x: unknown): string => (typeof x === 'number' ? String(x) : x === undefined ? 'missing' : `a ${typeof x}`);
  if (!count(o.checked)) return `an outcome whose checked is ${what(o.checked)}, not a whole number from 0`;
  if (o.failed !== undefined && !count(o.failed)) return `an outcome whose failed is ${what(o.failed)}, not a whole number from 0`;
  // A row-level outcome without `failed` fails the rows its findings name: a finding that names none would count
  // nothing, and the rule would pass with a violation.
  if (o.failed === undefined && o.score === undefined && findings.some((f) => f.row === undefined)) {
    return 'an outcome with a finding that names no row and neither failed (how many rows failed) nor score (a table rule)';
  }
  // Table rules without `failed` count one failure for any finding; their score is checked above.
  const named = new Set(findings.map((f) => f.row).filter((r) => r !== undefined)).size;
  const failed = o.failed ?? (o.score === undefined ? named : 0);
  if (failed > o.checked) return `an outcome that failed ${failed} of ${o.checked} checked`;
  // A row-level outcome is scored by the rows its findings name (its criterion's failed rows and row pass rate), its
  // status by `failed`: `failed: 3` naming no row made the rule "failed 3/4" while its criterion scored 1 with no
  // failed row, and `failed: 0` naming three rows made it "passed" with three violations.
  if (o.score === undefined && o.failed !== undefined && o.failed !== named) {
    return `an outcome whose failed is ${o.failed} while its findings name ${named} row${named === 1 ? '' : 's'}: ` +
      'a rule without a score fails the rows its findings name (give each failed row a finding, or no failed)';
  }
  return undefined;
}

function byRow(a: DatasetFinding, b: DatasetFinding): number {
  return (a.row ?? -1) - (b.row ?? -1);
}

function ruleResult(plan: Plan, slot: Slot, params: Readonly<Record<string, unknown>> | undefined, rs: RuleState, level: 'row' | 'table', checked: number, failed: number,
  score: number | null): RuleResult {
  // A rule that threw reports no counts, only its first error: counts up to an arbitrary row would differ between
  // a single run and merged shards, and the run is in error anyway.
  const error = rs.error === null ? null : `${rs.error.message}${rs.error.row >= 0 ? ` (row ${rs.error.row})` : ''}`;
  const ok = error === null;
  const passRate = !ok ? null : level === 'table' ? score : checked === 0 ? null : (checked - failed) / checked;
  return {
    id: slot.id,
    criterion: slot.criterion,
    severity: slot.severity,
    field: slot.field,
    ...labelOf(plan, slot),
    description: describeRule(slot, level === 'table'),
    level,
    checked: ok ? checked : 0,
    failed: ok ? failed : 0,
    violations: ok ? rs.violations : 0,
    passRate: round(passRate),
    threshold: slot.threshold,
    weight: slot.weight,
    status: !ok ? 'error' : level === 'table' ? tableStatus(score, slot.threshold) : rowStatus(checked, failed, slot.threshold),
    score: ok ? round(score) : null,
    error,
    truncated: ok && rs.violations > rs.samples.length,
    ...(params === undefined ? {} : { params }),
    samples: ok ? rs.samples : [],
  };
}

/** The label of the rule's field, when it has one. */
function labelOf(plan: Plan, slot: Slot): { fieldLabel?: LocalizedText } {
  const title = slot.fieldIndex >= 0 ? plan.fields[slot.fieldIndex]?.spec.title : undefined;
  return title === undefined ? {} : { fieldLabel: title };
}

function sourceResult(s: SourceRuleState, st: ValidatorState, columns: number): RuleResult {
  const row = s.scope === 'row';
  // Each scope counts its own units, so failed ≤ checked always: rows; physical records; header columns (a column
  // with several issues fails once); the file (once).
  const failed = s.scope === 'record' ? s.violations : rowCount(s.failed);
  const checked = row ? st.rows : s.scope === 'record' ? st.rows + st.skippedRecords
    : s.scope === 'file' ? 1 : Math.max(s.checked > 0 ? s.checked : columns, failed);
  const passRate = checked === 0 ? null : (checked - failed) / checked;
  return {
    id: `source.${s.code}`,
    criterion: s.criterion,
    severity: s.severity,
    field: null,
    description: { en: `the input is read without ${s.code.replace(/_/g, ' ')} findings`,
      vi: `tệp đầu vào được đọc không có lỗi ${Object.hasOwn(SOURCE_LABELS_VI, s.code) ? SOURCE_LABELS_VI[s.code] : s.code}` },
    level: row ? 'row' : 'table',
    checked,
    failed,
    violations: s.violations,
    passRate: round(passRate),
    threshold: 1,
    weight: 1,
    status: rowStatus(checked, failed, 1),
    score: row ? null : round(passRate),
    error: null,
    truncated: s.violations > s.samples.length,
    samples: s.samples,
  };
}

/** Passed when the rows that passed meet the threshold exactly (`meetsThreshold`); skipped when none was checked. */
function rowStatus(checked: number, failed: number, threshold: number): RuleStatus {
  if (checked === 0) return 'skipped';
  return meetsThreshold(checked - failed, checked, threshold) ? 'passed' : 'failed';
}

function tableStatus(score: number | null, threshold: number): RuleStatus {
  if (score === null) return 'skipped';
  return scoreMeetsThreshold(score, threshold) ? 'passed' : 'failed';
}


function flatten(rules: readonly RuleResult[]): Violation[] {
  const out: Array<Violation & { order: number }> = [];
  rules.forEach((r, order) => {
    for (const s of r.samples) out.push({ rule: r.id, criterion: r.criterion, severity: r.severity, ...s, order });
  });
  out.sort((a, b) => (a.row ?? -1) - (b.row ?? -1) || a.order - b.order);
  return out.map(({ order: _order, ...v }) => v);
}
