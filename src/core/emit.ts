import { addRow } from './rowset.js';
import { recordsHint, renderMessage, spansHint, viewHint } from './message.js';
import { headerLooksLikeRecord } from './columns.js';
import { redact } from './mask.js';
import { display } from './display.js';
import { createParamsRedactor } from './params-redactor.js';
import { errorMessage, isSetupError } from './rule-base.js';
import type { Plan, Slot } from './compile.js';

export { display };
import type { ResolvedOptions } from './options.js';
import type { RuleState, SourceRuleState } from './state.js';
import type { SourceIssue } from './source.js';
import type { DatasetFinding, Finding, PiiMode, Sample, Violation } from './types.js';
import { strayPersonal } from './stray-personal.js';

/** The row the emitter describes: its number, line and key (from the validator's shared context). */
interface RowView {
  readonly row: number;
  readonly line: number | undefined;
  key(): string | undefined;
}

export interface Emitter {
  /** A finding of a rule on the current row. */
  emit(slot: Slot, rs: RuleState, finding: Finding): void;
  /** A finding of a dataset rule at finish, naming its own row (or none: table-level). */
  emitAt(slot: Slot, rs: RuleState, finding: DatasetFinding): void;
  /** A structural issue from the source. */
  emitIssue(s: SourceRuleState, issue: SourceIssue, row: number | undefined): void;
  /**
   * What a rule's error says: withheld when the rule reads personal data (its field is personal, or it reads the
   * record or a personal field), else the message with the current row's personal values redacted.
   */
  errorText(e: unknown, slot?: Slot): string;
  /** A rule's params as outputs show them: its value params (lists, patterns) masked when its field is personal. */
  params(slot: Slot): Readonly<Record<string, unknown>> | undefined;
  /** The current row's key as outputs show it (masked when a key field is personal). */
  key(): string | undefined;
  /** A raw value of a field as outputs show it (masked when the field is personal). */
  value(raw: unknown, field: string): string | undefined;
}

/**
 * Turns findings into violations: counts them, keeps at most `maxSamples` per rule, streams every one to the sink,
 * and masks personal data unless `showValues`. Work beyond counting happens only for kept or streamed violations.
 */
export function createEmitter(plan: Plan, opts: ResolvedOptions, ctx: RowView, rawOf: (i: number) => unknown,
  header: () => readonly string[] | null = () => null): Emitter {
  const keyPii = plan.keyFields.map((i) => plan.fields[i]?.pii).find((p): p is PiiMode => p !== false && p !== undefined);
  const piiFields = plan.fields.filter((f) => f.pii !== false).map((f) => f.index);
  const piiOf = (i: number): PiiMode | false => plan.fields[i]?.pii ?? false;
  const shownParams = new Map<number, Readonly<Record<string, unknown>> | undefined>();
  const redaction = createParamsRedactor(plan, opts, ctx, rawOf);
  let headerSeen: readonly string[] | null = null;
  let headerCells: ReadonlySet<string> | undefined;

  const wanted = (rs: RuleState): boolean => rs.samples.length < opts.maxSamples || opts.sink !== undefined;

  /** The value as shown: masked when its field is personal, or when a composite rule reads a personal field. */
  function shown(value: unknown, field: string | undefined, slot?: Slot): string | undefined {
    const i = field === undefined ? undefined : plan.fieldIndex.get(field);
    // A typed value (a Date from a database or a workbook) in its field's own text form, as a CSV cell would read.
    const own = typeof value === 'string' || i === undefined ? undefined : plan.fields[i]?.spec.formatValue?.(value, opts.timeZone);
    const text = own ?? display(value);
    if (text === undefined || opts.showValues) return text;
    const pii = i !== undefined ? (plan.fields[i]?.pii ?? false)
      : (slot?.needs.map((n) => plan.fields[n]?.pii).find((p) => p !== false && p !== undefined) ?? false);
    if (pii !== false) return opts.protect(text, pii);
    return piiFields.length > 0 && typeof value === 'string' && strayPersonal(value, i === undefined ? undefined : plan.fields[i]?.spec.type)
      ? opts.protect(text, 'mask') : text;
  }

  /**
   * A field as messages name it (`{field}`): its `.label()` in the run's locale, else its name; the joined fields of a
   * cross-field finding each by their label. The violation's `field` stays the name, for tools.
   */
  function fieldText(field: string | undefined): string {
    if (field === undefined) return '';
    const one = labelText(field);
    if (one !== undefined || !field.includes(', ')) return one ?? field;
    return field.split(', ').map((n) => labelText(n) ?? n).join(', ');
  }

  function labelText(name: string): string | undefined {
    const i = plan.fieldIndex.get(name);
    const title = i === undefined ? undefined : plan.fields[i]?.spec.title;
    return title === undefined ? undefined : typeof title === 'string' ? title : title[opts.locale];
  }

  function shownKey(key: string | undefined): string | undefined {
    return key === undefined || keyPii === undefined || opts.showValues ? key : opts.protect(key, keyPii);
  }

  function record(slot: { id: string; criterion: Violation['criterion']; severity: Violation['severity'] },
    rs: RuleState, sample: Sample): void {
    if (rs.samples.length < opts.maxSamples) rs.samples.push(sample);
    if (opts.sink !== undefined) {
      opts.sink({ rule: slot.id, criterion: slot.criterion, severity: slot.severity, ...sample });
    }
  }

  /**
   * `shownValue`: a value already shown field by field (a cross-field rule's values), not to be masked again.
   * `current`: the finding is about the row being read, whose personal values its params are redacted of.
   */
  function sample(slot: Slot, f: Finding, row: number | undefined, line: number | undefined, key: string | undefined,
    rawValue: unknown, current: boolean, shownValue?: string): Sample {
    const field = f.field ?? slot.field ?? undefined;
    const value = shownValue ?? shown(f.value !== undefined ? f.value : rawValue, field, slot);
    const suggestion = f.suggestion === undefined ? undefined : shown(f.suggestion, field, slot);
    const own = redaction.findingParams(f, field, current, slot.rule?.quotingParams);
    const params = { field: fieldText(field), value: value ?? '', rule: slot.id, ...paramsOf(slot), ...own };
    const message = renderMessage(f.code, params, opts.locale, slot.message, slot.messages);
    return compact({ row, line, key: shownKey(key), field, value, code: f.code, message, suggestion });
  }

  return {
    emit(slot, rs, f) {
      rs.violations++;
      addRow(rs.failed, ctx.row);
      if (!wanted(rs)) return;
      const field = f.field ?? slot.field ?? undefined;
      if (field === undefined && slot.kind === 'record' && slot.needs.length > 1 && f.value === undefined) {
        record(slot, rs, sample(slot, { ...f, field: namesOf(slot) }, ctx.row, ctx.line, ctx.key(), undefined, true, valuesOf(slot)));
        return;
      }
      const i = field === undefined ? undefined : plan.fieldIndex.get(field);
      const raw = i === undefined ? undefined : rawOf(i);
      record(slot, rs, sample(slot, f, ctx.row, ctx.line, ctx.key(), raw, true));
    },
    emitAt(slot, rs, f) {
      rs.violations++;
      if (f.row !== undefined) addRow(rs.failed, f.row);
      if (!wanted(rs)) return;
      record(slot, rs, sample(slot, f, f.row, f.line, f.key, undefined, false));
    },
    emitIssue(s, raw, row) {
      s.violations++;
      if (row !== undefined) addRow(s.failed, row);
      else if (raw.scope === 'file') addRow(s.failed, 0);
      else if (raw.scope === 'header') addRow(s.failed, raw.unit ?? headerColumn(raw));
      if (!wanted(s)) return;
      const issue = headerIssue(raw);
      const id = `source.${issue.code}`;
      const value = issueValue(issue);
      // A cell of a column without a header name (blank) is named by its number: `column 2: …`, not `: …`.
      const column = issue.field === undefined ? issue.params?.column : undefined;
      const field = typeof column === 'number' ? `${opts.locale === 'vi' ? 'cột' : 'column'} ${column}` : fieldText(issue.field);
      const params = { field, value: value ?? '', rule: id, ...issueParams(issue) };
      // A JSON document read as one record whose records seem to be under a key: the message says what to pass. A
      // view's row-level security warning: which role the view read its table as (the policies filtered for it). A
      // CSV record of the wrong width over several lines: the records a stray quote may have read into it (an
      // unbalanced_quote's own words say it already).
      const hint = recordsHint(issue.params, opts.locale) ?? viewHint(issue.params, opts.locale) ??
        (issue.code === 'missing_cell' || issue.code === 'extra_cell' || issue.code === 'record_too_large' ? spansHint(issue.params, opts.locale) : undefined);
      const message = `${renderMessage(issue.code, params, opts.locale)}${hint === undefined ? '' : `; ${hint}`}`;
      const key = row === undefined ? undefined : shownKey(ctx.key());
      record({ id, criterion: s.criterion, severity: s.severity }, s, compact({ row, line: issue.line, key,
        field: issue.field, value, code: issue.code, message,
        // A header or file finding's suggestion is a column name or a delimiter, shown as the header itself is
        // (`unexpected_column` values), never a value of the field it names.
        suggestion: shown(issue.suggestion, issue.scope === 'row' || issue.scope === 'record' ? issue.field : undefined) }));
    },
    errorText(e, slot) {
      const text = e instanceof Error ? errorMessage(e, opts.locale) : String(e);
      if (opts.showValues || piiFields.length === 0 || isSetupError(e)) return text;
      if (slot !== undefined && readsPersonal(slot)) return withheld(e);
      return redact(text, redaction.rowSecrets(), (t) => opts.protect(t, 'mask'));
    },
    params: paramsOf,
    key: () => shownKey(ctx.key()),
    value: (raw, field) => shown(raw, field),
  };

  /** The fields a cross-field record rule declares, joined: where its finding is, when the check names none. */
  function namesOf(slot: Slot): string {
    return slot.needs.map((i) => plan.fields[i]?.name ?? '').join(', ');
  }

  /**
   * The raw values of a cross-field rule's declared fields, each shown as its own field's values are (masked when
   * personal), joined in the order of the fields: what the person fixing the record has to look at.
   */
  function valuesOf(slot: Slot): string {
    return slot.needs.map((i) => {
      const name = plan.fields[i]?.name;
      return shown(rawOf(i), name, slot) ?? '';
    }).join(', ');
  }

  function paramsOf(slot: Slot): Readonly<Record<string, unknown>> | undefined {
    if (!shownParams.has(slot.ordinal)) shownParams.set(slot.ordinal, protectParams(slot));
    return shownParams.get(slot.ordinal);
  }

  /**
   * Whether a rule can see personal values: it is on a personal field, names one among the fields it reads, or is a
   * dataset rule that names no fields (it reads the whole record).
   */
  function readsPersonal(slot: Slot): boolean {
    if (slot.fieldIndex >= 0) return piiOf(slot.fieldIndex) !== false;
    if (slot.needs.length === 0) return slot.kind === 'record' || slot.kind === 'aggregate';
    return slot.needs.some((i) => piiOf(i) !== false);
  }

  /**
   * The params of a rule on a personal field, with the ones quoting its values (`valueParams`: allowed and forbidden
   * lists, patterns) protected like the field's values: a list of personal values is personal data.
   */
  function protectParams(slot: Slot): Readonly<Record<string, unknown>> | undefined {
    const params = slot.params;
    const names = slot.rule?.valueParams;
    const mode = slot.fieldIndex >= 0 ? piiOf(slot.fieldIndex) : false;
    if (params === undefined || names === undefined || names.length === 0 || mode === false || opts.showValues) return params;
    const out: Record<string, unknown> = { ...params };
    for (const name of names) {
      const v = out[name];
      if (v === undefined || v === null) continue;
      out[name] = Array.isArray(v) ? v.map((x) => protectText(x, mode)) : protectText(v, mode);
    }
    return out;
  }

  function protectText(v: unknown, mode: PiiMode): string | undefined {
    const text = display(v);
    return text === undefined ? undefined : opts.protect(text, mode);
  }

  /**
   * A header or file issue as outputs show it. When the header reads as a record (a file without a header line has
   * its first record taken for one), the header cells it quotes — as its value, field, suggestion or params — are
   * that record's values, personal data among them whatever the definition declares (it names no column of that
   * file): they are masked.
   */
  function headerIssue(issue: SourceIssue): SourceIssue {
    if ((issue.scope !== 'header' && issue.scope !== 'file') || opts.showValues) return issue;
    const cells = recordHeader();
    if (cells === undefined) return issue;
    const hide = <T>(v: T): T | string => (typeof v === 'string' && cells.has(v) ? opts.protect(v, 'mask') : v);
    const params = issue.params === undefined ? undefined
      : Object.fromEntries(Object.entries(issue.params).map(([k, v]) => [k, hide(v)]));
    return { ...issue, ...(issue.value === undefined ? {} : { value: hide(issue.value) }),
      ...(issue.field === undefined || plan.fieldIndex.has(issue.field) ? {} : { field: hide(issue.field) }),
      ...(issue.suggestion === undefined ? {} : { suggestion: hide(issue.suggestion) }),
      ...(params === undefined ? {} : { params }) };
  }

  /** The header's undeclared cells when the header reads as a record, else undefined (computed once per header). */
  function recordHeader(): ReadonlySet<string> | undefined {
    const columns = header();
    if (columns !== headerSeen) {
      headerSeen = columns;
      headerCells = columns === null || !headerLooksLikeRecord(columns) ? undefined
        : new Set(columns.filter((c) => !plan.fieldIndex.has(c)));
    }
    return headerCells;
  }

  /**
   * A structural issue's params, with those quoting the cell's content (an Excel formula can hold the very value the
   * cell should have: `="Nguyễn Văn An"`) shown as the cell's value would be: masked on a personal field.
   */
  function issueParams(issue: SourceIssue): Readonly<Record<string, unknown>> | undefined {
    const params = issue.params;
    if (params === undefined || !CONTENT_PARAMS.some((p) => params[p] !== undefined)) return params;
    const out: Record<string, unknown> = { ...params };
    for (const p of CONTENT_PARAMS) if (out[p] !== undefined) out[p] = issueValue({ ...issue, value: String(out[p]) }) ?? '';
    return out;
  }

  /**
   * The value of a structural issue: as its field's values are shown; a data value the source cannot attribute to a
   * declared field (an NDJSON line that is a bare string or number, a cell under a blank header) is masked whenever
   * the definition has personal fields, since it may be one of them.
   */
  function issueValue(issue: SourceIssue): string | undefined {
    const declared = issue.field !== undefined && plan.fieldIndex.has(issue.field);
    const data = issue.scope === 'row' || issue.scope === 'record';
    if (declared || !data || piiFields.length === 0 || opts.showValues) return shown(issue.value, issue.field);
    const text = display(issue.value);
    return text === undefined ? undefined : opts.protect(text, 'mask');
  }
}

/** Params of source issues that quote a cell's content rather than describe it (see `issueParams`). */
const CONTENT_PARAMS = ['formula'] as const;

/** A rule's error told without its message, which may quote a personal value in any form (`v.toUpperCase()`). */
function withheld(e: unknown): string {
  const name = e instanceof Error && /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(e.name) ? e.name : undefined;
  const what = name === undefined ? 'the check threw' : `the check threw ${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
  return `${what} (message withheld: it may contain personal data; showValues shows it)`;
}

/** The 0-based header column an issue is about (`params.column` is 1-based); column 0 when it does not say. */
function headerColumn(issue: SourceIssue): number {
  const c = issue.params?.column;
  return typeof c === 'number' && Number.isInteger(c) && c >= 1 ? c - 1 : 0;
}

function compact(s: {
  row: number | undefined; line: number | undefined; key: string | undefined; field: string | undefined;
  value: string | undefined; code: string; message: string; suggestion?: string | undefined;
}): Sample {
  const out: Record<string, unknown> = {};
  if (s.row !== undefined) out.row = s.row;
  if (s.line !== undefined) out.line = s.line;
  if (s.key !== undefined) out.key = s.key;
  if (s.field !== undefined) out.field = s.field;
  if (s.value !== undefined) out.value = s.value;
  out.code = s.code;
  out.message = s.message;
  if (s.suggestion !== undefined) out.suggestion = s.suggestion;
  return out as unknown as Sample;
}
