import { compile, type FieldPlan, type Slot } from './compile.js';
import { generateEvaluate, generateRecord } from './codegen.js';
import { columnBatch } from './column-batch.js';
import { emptyTimings } from './timings.js';
import { startClock } from './validator-clock.js';
import { copyState, emptyRuleState, initialState, MAX_READ_ABSENT, mergeStates, type RuleState, type ValidatorState } from './state.js';
import { keepLiveState } from './live-state.js';
import { keepHandOver } from './hand-over.js';
import { buildReport } from './report.js';
import { createEmitter } from './emit.js';
import { rowAccessors, type RowAccessors } from './access.js';
import { resolveOptions } from './options.js';
import type { SourceIssue } from './source.js';
import { startGrading } from './_validator-grading.js';
import {
  AsyncCheckError, CheckResultError, addColumnIssues, addUnknownColumnIssues, checkCallArgs, closedError, isRecordObject, notARow, asyncCheck, badResult, cellText, checkResultError, isThenable, whenResultError,
} from './_validator-helpers.js';
import { ValidatorHooks } from './validator-hooks.js';
import { isSetupError } from './rule-base.js';
import { checkMergeable } from './state-guard.js';
import type {
  CheckResult, DatasetDefinition, Finding, RuleContext, TypedRow, ValidateOptions,
} from './types.js';

import type { Validator } from './validator-type.js';
import { checkDefinition } from './check-definition.js';
import { missingTest, type MissingTest } from './missing.js';

export type { Validator };

/**
 * Creates a validator: rows go in one at a time (or in batches), shards merge, `finish` returns the report.
 * @example
 * const v = createValidator(parcels, { now: new Date('2026-11-22') });
 * v.addMany(rows);
 * const report = v.finish();
 */
export function createValidator(definition: DatasetDefinition, options: ValidateOptions = {}): Validator {
  checkDefinition(definition);
  const opts = resolveOptions(options, definition);
  // The plan of the run's zone: a date-time without an offset is the wall-clock time there.
  const plan = compile(definition, opts.timeZone);
  let st = initialState(plan, { now: opts.now.toISOString(), timeZone: opts.timeZone, locale: opts.locale, showValues: opts.showValues });
  const fields = plan.fields;
  const n = fields.length;
  const raws: unknown[] = new Array<unknown>(n);
  const values: unknown[] = new Array<unknown>(n);
  const status = new Uint8Array(n);
  let access: RowAccessors = rowAccessors(plan, null);
  let current: unknown;
  /** The row `current` is (its `ctx.row`): a column pass moves `ctx.row` on without reading the row (see `sync`). */
  let currentRow = -1;
  let keyRow = -1;
  let keyText: string | undefined;
  let recordRow = -1;
  let record: TypedRow = Object.create(null) as TypedRow;
  const recordOf = generateRecord(plan);
  /** The batch being added is evaluated a field at a time (see `addColumns`). */
  let byColumns = false;
  let finished = false;
  let sealed = false; // by merge(state, true): see closedError
  let broken = false; // a receiver failed: see SinkWaits.refusal
  let closed = false; // finished, sealed or broken: one flag keeps the per-row test to one branch
  let rawsFresh = false;
  let columnMissing: MissingTest | undefined; // ctx.missing of a column that is no field
  /** The names in `st.readAbsent`, those of the states merged included. */
  const absentSeen = new Set<string>();
  // The states merged so far: one merged again counted its rows twice (every key a duplicate of itself), without a word.
  const mergedStates = new WeakSet<object>();

  const ctx = {
    row: 0,
    line: undefined as number | undefined,
    now: opts.now,
    nowMs: opts.now.getTime(),
    timeZone: opts.timeZone,
    today: opts.today,
    todayMs: opts.today.getTime(),
    fieldType: plan.fieldType,
    get record(): TypedRow {
      if (recordRow !== ctx.row) {
        // From the values the evaluator parsed: each cell is parsed once. A batch evaluated a field at a time keeps
        // its rows' values in columns, and each row's typed row once made (the passes of several fields read it).
        record = columns.record(ctx.row) ?? recordOf(values, status);
        recordRow = ctx.row;
      }
      return record;
    },
    key(): string | undefined {
      if (keyRow !== ctx.row) {
        keyRow = ctx.row;
        const k = plan.keyFields;
        // One key field: the cell's own string (uniqueness states then share it rather than hold a copy).
        keyText = k.length === 0 ? undefined : k.length === 1 ? cellText(rawOf(k[0] as number))
          : k.map((i) => cellText(rawOf(i))).join('|');
      }
      return keyText;
    },
    raw(name: string): unknown {
      const i = plan.fieldIndex.get(name);
      return i === undefined ? column(name) : rawOf(i);
    },
    missing(name: string): boolean {
      const i = plan.fieldIndex.get(name);
      if (i !== undefined) return (fields[i] as FieldPlan).isMissing(rawOf(i));
      // A column that is no field is judged by the dataset's missing values (it was missing whatever it held, so a
      // check skipping rows without one skipped every row); a name the header lacks throws, as in `raw`.
      return (columnMissing ??= missingTest(plan.definition.missingValues))(column(name));
    },
  };
  // Told once, when it happens: the rows' own test (`closed`) then refuses the next row, at no cost per row.
  opts.waits.onFailure(() => { broken = closed = true; });
  /** Why a closed validator refuses `what`: a receiver failed, it finished, or the last merge was declared. */
  const refusal = (what: string): Error => opts.waits.refusal(what) ?? closedError(finished, what);
  const emitter = createEmitter(plan, opts, ctx, rawOf, () => st.columns);
  const grader = startGrading(plan, opts, st, () => st);
  // Timings: a timed evaluator adds each rule's milliseconds to `clock.timer`, flushed into the state when it is read.
  const clock = startClock(plan, opts.timings);
  if (clock.timer !== undefined) st.timings = { ...emptyTimings(plan), threads: 0 };
  const flushTimings = (): void => clock.flush(st.timings, st.rows);
  const facts = { get row() { return ctx.row; }, get line() { return ctx.line; }, key: () => emitter.key(), raw: rawOf,
    shown: (raw: unknown, field: string) => emitter.value(raw, field) };

  /**
   * The cell of a column that is no field (`ctx.raw`, `ctx.missing`). A key an object row lacks is noted (`readAbsent`):
   * read by a header, a name that is no column throws at once, but a JSON record may leave out a key another holds,
   * so only the finish can tell a key that no record holds — a misspelt name the rule read as undefined on every row.
   */
  function column(name: string): unknown {
    sync();
    const v = access.column(current, name);
    if (v === undefined && !Array.isArray(current) && !absentSeen.has(name) && (st.readAbsent?.length ?? 0) < MAX_READ_ABSENT) {
      absentSeen.add(name);
      (st.readAbsent ??= []).push(name);
    }
    return v;
  }

  /** A raw cell of the current row: object rows are read into `raws` only when something needs a raw value. */
  function rawOf(i: number): unknown {
    // In a column pass, the one cell from its row: a uniqueness rule reads its row's key on every row.
    const cells = columns.cellsOf(ctx.row);
    if (cells !== undefined) {
      const p = access.positions[i] as number;
      return p < 0 ? undefined : cells[p];
    }
    if (!rawsFresh) {
      access.read(current, raws);
      rawsFresh = true;
    }
    return raws[i];
  }

  /** Makes `current` the row `ctx.row` is: a column pass sets only `ctx.row`, and a rule may read a column of its row. */
  function sync(): void {
    if (currentRow === ctx.row) return;
    const cells = columns.cellsOf(ctx.row);
    if (cells === undefined) return;
    current = cells;
    currentRow = ctx.row;
    rawsFresh = false;
  }

  function failed(slot: Slot, rs: RuleState, result: CheckResult): void {
    // An empty list of findings is a pass (vn.vnName and datesOrdered return one): the record's grade must not count
    // it as a failed rule, since no finding is emitted and the rule's `failed` does not count the row either.
    if (Array.isArray(result) && result.length === 0) return;
    grader?.failed(slot.ordinal);
    const findings = result === false ? [{ code: slot.code }] : Array.isArray(result) ? result : [result];
    for (const f of findings as readonly Finding[]) emitter.emit(slot, rs, f);
  }

  const slotAt = (o: number) => plan.slots[o] as Slot;
  const ruleAt = (o: number) => st.rules[o] as RuleState;
  const hooks = new ValidatorHooks({
    fail(o, result) {
      if (isThenable(result)) return hooks.error(o, asyncCheck(result));
      const why = badResult(result);
      if (why === undefined) failed(slotAt(o), ruleAt(o), result);
      else hooks.error(o, checkResultError(why));
    },
    error(o, e) {
      grader?.touch();
      const rs = ruleAt(o);
      // ddss's own message quotes no value, so it is shown even for rules that read personal fields.
      const own = e instanceof AsyncCheckError || e instanceof CheckResultError;
      // A rule that cannot run at all (its reference unreadable) threw at whichever row came first: that row says
      // nothing about the error, and "(row 0)" would read as a row of the input to look at.
      if (rs.error === null) rs.error = { message: own ? e.message : emitter.errorText(e, slotAt(o)), row: isSetupError(e) ? -1 : ctx.row };
    },
    badWhen(o, result) {
      hooks.error(o, whenResultError(result));
    },
    held(o) {
      grader?.held(o);
    },
  });
  const columns = columnBatch(plan, hooks, ctx);
  // Graded records and timed rules follow each row through all its rules (the grade, the clock): row by row.
  const columnsAllowed = grader === undefined && clock.timer === undefined;
  const evaluateObject = clock.whole(generateEvaluate(plan, hooks, 'object', clock.timer, grader !== undefined));
  const evaluateCells = clock.whole(generateEvaluate(plan, hooks, 'cells', clock.timer, grader !== undefined));

  function add(row: unknown, line?: number): void {
    if (closed) throw refusal('add a row');
    current = row;
    ctx.row = currentRow = st.rows++;
    ctx.line = line;
    grader?.begin(ctx.row);
    // Each row is classified once, arrays (every CSV row) first. An array is cells only under a source's header.
    const array = Array.isArray(row);
    const cells = array ? access.readsArrays : row instanceof Map;
    if (!cells && !array && typeof row === 'object' && row !== null && isRecordObject(row)) {
      rawsFresh = false;
      evaluateObject(st.rules, row, raws, values, status, ctx, st.missing, st.invalid);
    } else {
      // A row that is not a record (a string, null, a Promise, a Date, an array without a header), nor a Map or an
      // array under a header, has no cell: every field reads as missing, and the row says why (it passed as an empty
      // row, its rules skipped).
      if (!cells) addIssue(notARow(row), ctx.row);
      access.read(cells ? row : undefined, raws);
      rawsFresh = true;
      evaluateCells(st.rules, row, raws, values, status, ctx, st.missing, st.invalid);
    }
    grader?.end(facts);
  }

  /**
   * Adds rows `from` to `to` (exclusive) of a batch; returns `to`. Why a function of the validator and not a closure
   * made per batch: V8 optimised each batch's closure anew (21 compilations per million rows, in every thread).
   */
  function addRows(rows: ArrayLike<unknown>, lines: ArrayLike<number> | undefined, from: number, to: number): number {
    if (byColumns && to - from > 1) {
      addColumns(rows as readonly unknown[], lines, from, to);
      return to;
    }
    for (let i = from; i < to; i++) add(rows[i], lines === undefined ? undefined : lines[i]);
    return to;
  }

  /**
   * `addRows` a field at a time (see `generateEvaluateColumns`), for a batch of array rows read by a header, with no
   * record graded and no rule timed. The report, the violations and their order are those of `add` row by row: each
   * rule sees the rows in order, and the failures, logged as they are found, are emitted in row order afterwards.
   */
  function addColumns(rows: readonly unknown[], lines: ArrayLike<number> | undefined, from: number, to: number): void {
    if (closed) throw refusal('add a row');
    const first = st.rows;
    st.rows += to - from;
    let loaded = -1;
    columns.add(st, rows, lines, from, to, first, access.positions, (index, row, o, result) => {
      if (loaded !== index) loadRow(rows[loaded = index], row, lines?.[index]);
      failed(slotAt(o), ruleAt(o), result);
    });
    // As after `add` of the last row: it is the current one (an issue after the batch reads nothing else).
    loadRow(rows[to - 1], first + to - from - 1, lines?.[to - 1]);
  }

  function addIssue(issue: SourceIssue, row?: number): void {
    let s = st.sources.find((x) => x.code === issue.code);
    if (s === undefined) {
      s = { ...emptyRuleState(undefined), code: issue.code, criterion: issue.criterion, severity: issue.severity,
        scope: issue.scope };
      st.sources.push(s);
    }
    if (issue.scope === 'record') st.skippedRecords++;
    if (row !== undefined) grader?.issue(row, `source.${issue.code}`, issue.criterion, issue.severity, facts);
    emitter.emitIssue(s, issue, row);
  }

  /** The state itself, up to date (the last graded record given out, timings flushed): what `state()` copies. */
  function live(): ValidatorState {
    if (sealed || broken) throw refusal('read the state');
    grader?.flush();
    flushTimings();
    return st;
  }

  const validator: Validator = {
    add(row, line) {
      checkCallArgs('line', line);
      add(row, line);
    },
    addMany(rows) {
      checkCallArgs('rows', rows);
      for (const row of rows) add(row);
    },
    addBatch(batch) {
      checkCallArgs('batch', batch);
      // A batch of no rows (a header, file issues) never reached add()'s check: after finish it changed nothing, silently.
      if (closed) throw refusal('add a batch');
      if (batch.columns !== undefined) {
        st.columns = batch.columns;
        access = rowAccessors(plan, batch.columns);
      }
      // Issues are interleaved with rows in file order, so the violation stream does not depend on where batches
      // (or worker ranges) were cut: a row's issues follow it; an issue with a line precedes the first later row;
      // a file-level issue without a line follows the batch's rows.
      const first = st.rows;
      const { rows, lines } = batch;
      byColumns = columnsAllowed && access.readsArrays && rows.every(Array.isArray);
      let next = 0;
      for (const issue of batch.issues ?? []) {
        if (issue.scope === 'row' && issue.index !== undefined) {
          next = addRows(rows, lines, next, issue.index + 1);
          loadRow(rows[issue.index], first + issue.index, lines?.[issue.index]);
          addIssue(issue, first + issue.index);
          continue;
        }
        if (issue.line !== undefined && lines !== undefined) {
          let n = next;
          while (n < rows.length && (lines[n] as number) < issue.line) n++;
          next = addRows(rows, lines, next, n);
        }
        if (issue.line === undefined) continue; // after the rows, below
        addIssue(issue);
      }
      addRows(rows, lines, next, rows.length);
      byColumns = false;
      grader?.flush();
      for (const issue of batch.issues ?? []) if (issue.line === undefined && issue.index === undefined) addIssue(issue);
      if (batch.linesRead !== undefined) st.lines = Math.max(st.lines, batch.linesRead);
    },
    addIssue(issue) {
      if (broken) throw refusal('add an issue');
      addIssue(issue);
    },
    addReadTime(ms) {
      if (st.timings !== undefined) st.timings.read += ms;
    },
    waitForSinks: () => opts.waits.take(),
    // A copy: a checkpoint must not change as rows go on, nor a state merged elsewhere (see liveState).
    state: () => copyState(live()),
    merge: (other, last = false) => merge(other, last, false),
    finish(source = null, partial = false) {
      if (finished || broken) throw refusal('finish');
      checkCallArgs('partial', partial);
      finished = closed = true;
      grader?.flush();
      flushTimings();
      // JSON records' keys are columns as far as they were read: a read that stopped early cannot say a declared
      // field is in no record (a CSV header is whole however far the rows were read).
      const keys = source?.kind === 'json' || source?.kind === 'ndjson';
      if (st.columns !== null) addColumnIssues(st.columns, fields.map((f) => f.name), plan.definition, st.sources, addIssue, !(partial && keys), !keys);
      if (st.columns !== null && keys && !partial) addUnknownColumnIssues(st.readAbsent, st.columns, st.sources, addIssue);
      const report = buildReport(plan, st, opts, emitter, source, partial);
      if (st.timings === undefined) return report;
      return { ...report, timings: clock.report(plan, st.timings) };
    },
  };
  keepLiveState(validator, live);
  keepHandOver(validator, (other) => merge(other, true, true));
  return validator;

  /** `Validator.merge`; `given`: `other` is handed over (see `mergeHandedOver`). */
  function merge(other: ValidatorState, last: boolean, given: boolean): void {
    if (closed) throw refusal('merge a state');
    checkMergeable(st, other, mergedStates); // before anything is counted: a refused merge leaves the validator as it was
    flushTimings();
    const t = clock.timer === undefined ? 0 : performance.now();
    clock.merged(other.rows);
    st = mergeStates(plan, st, other, opts.maxSamples, last, given);
    for (const name of st.readAbsent ?? []) absentSeen.add(name);
    mergedStates.add(other);
    if (last) sealed = closed = true;
    if (st.timings !== undefined) st.timings.merge += performance.now() - t;
  }

  /** Points the context at an earlier row of the batch, so an issue's key and value are that row's. */
  function loadRow(row: unknown, index: number, line: number | undefined): void {
    current = row;
    ctx.row = currentRow = index;
    ctx.line = line;
    access.read(row, raws);
    rawsFresh = true;
  }
}

export type { RuleContext };
