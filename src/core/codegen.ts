import type { FieldPlan, Plan, Slot } from './compile.js';
import type { RuleState } from './state.js';
import { INVALID, type CheckResult, type RuleContext, type TypedRow } from './types.js';
import { SPACES } from './missing.js';
import { WATCHED_CALLS, readWatch } from './when-watch.js';

/** What the generated evaluator calls back into: the rare paths (failures, errors, graded `when`s) stay plain functions. */
export interface Hooks {
  /** A rule returned a failing result for the current row. */
  fail(ordinal: number, result: CheckResult): void;
  /** A rule (or its `when`) threw. */
  error(ordinal: number, e: unknown): void;
  /** A rule's `when` returned something but `true` or `false` (a Promise, "false", 0): it decided nothing, so the rule errors. */
  badWhen(ordinal: number, result: unknown): void;
  /** A rule's `when` held for the current row (called only when records are graded). */
  held(ordinal: number): void;
}

/**
 * Evaluates one row and counts into `rules`; fills `values` and `status` (the typed record's). In `object`
 * mode cells are read from `row`; in `cells` mode the caller has filled `raws` (arrays through the header, Maps).
 */
export type Evaluate = (rules: RuleState[], row: unknown, raws: unknown[], values: unknown[], status: Uint8Array,
  ctx: RuleContext, missing: number[], invalid: number[]) => void;

export const OK = 0;
export const MISSING = 1;
export const BAD = 2;

const MISSING_FINDING = Object.freeze({ code: 'missing_value' });
/** Rows whose missing-text tests run unfiltered, for type feedback (see `factory`). */
export const WARM_ROWS = 64;
const INVALID_FINDING = Object.freeze({ code: 'invalid_type' });

/**
 * Generates one evaluation function per plan. Why: a generic loop calls every rule's `check` from one call site,
 * which V8 sees as megamorphic and cannot inline; here each rule has its own call site, so its check is inlined
 * like a hand-written loop; in `object` mode each property load has its own site too. Field names enter the source
 * only as `JSON.stringify` string literals and everything else only as slot numbers, so a definition cannot inject
 * code. Names that exist on `Object.prototype` (`__proto__`, `constructor`) are read as own properties only.
 */
export function generateEvaluate(plan: Plan, hooks: Hooks, mode: 'object' | 'cells', timer?: Timer, graded = false): Evaluate {
  const make = factoryOf(plan, `${mode}${timer === undefined ? '' : ' timed'}`, () => factory(plan, mode, timer !== undefined));
  return make(...factoryArgs(plan, hooks, timer, graded)) as Evaluate;
}

/** The generated factory of a plan's variant, made once (see `factories`). */
export function factoryOf(plan: Plan, variant: string, make: () => Factory): Factory {
  let cached = factories.get(plan);
  if (cached === undefined) {
    cached = new Map();
    factories.set(plan, cached);
  }
  let f = cached.get(variant);
  if (f === undefined) {
    f = make();
    cached.set(variant, f);
  }
  return f;
}

/** What every generated factory is called with: the names of {@link FACTORY_PARAMS}, in order. */
export function factoryArgs(plan: Plan, hooks: Hooks, timer: Timer | undefined, graded: boolean): unknown[] {
  const fields = plan.fields.map((f) => ({ parse: f.parse, isMissingText: f.isMissingText, mayBeMissing: f.mayBeMissing, missingLengths: f.missingLengths, isMissingDate: f.isMissingDate }));
  const names = plan.fields.map((f) => f.name);
  const dataset = plan.definition.name;
  const watched = plan.slots.map((s) => (s.when === undefined ? undefined : readWatch(names, 'when', 'the condition', s.id, dataset)));
  // A record check's first calls, and a dataset aggregate's, are watched for the names they read (`CQ`).
  const aggregates = new Set(plan.datasetAggregates);
  const checks = plan.slots.map((s) => (s.rule?.kind === 'record' ? readWatch(names, 'check', 'the check', s.id, dataset)
    : s.rule?.kind === 'aggregate' && aggregates.has(s) ? readWatch(names, 'add', 'the aggregate', s.id, dataset) : undefined));
  return [hooks, fields, plan.slots, INVALID, MISSING_FINDING, INVALID_FINDING, timer?.ms, timer?.now, graded, SPACES, timer?.rows, timer?.times, watched, checks];
}

/** The parameters of every generated factory (see `factoryArgs`). */
export const FACTORY_PARAMS = ['h', 'fields', 'slots', 'INVALID', 'MISSING_FINDING', 'INVALID_FINDING', 'T', 'now', 'G', 'SP', 'TR', 'TN', 'WQ', 'CQ'] as const;

/**
 * Where a timed evaluator adds the milliseconds each rule took (by slot ordinal), and its clock. A field's type
 * rule is charged its missing test and parse; every other rule its `when`, its check and emitting its findings.
 * The first {@link TIMED_ALL} rows are all timed, then one row in {@link TIMED_EVERY} chosen at random (a seeded
 * xorshift, so a run's choice is reproducible), whose measurements count that many times (`rows[0]`: rows
 * evaluated, `rows[1]`: measurements taken; `times`: measurements per slot, weighted alike); the validator takes off
 * what reading the clock itself took, and scales the estimates to the rows' evaluation time measured whole (see
 * `startClock`). Why: reading the clock twice per rule and row cost more
 * than most rules (a timed land run took 1.6–1.8 × the time of an untimed one), which inflated the stages and every
 * cheap rule alike; and the first rows are timed whole since one-time costs fall on them (loading a rule's tables, a
 * phone number's metadata), which a weight would multiply. At random, not every 16th row: rows come in batches of
 * 256 (CSV), so every batch's first row was timed and weighted 16; whatever a batch's first row pays once (the
 * rule that meets a pending interrupt, a cold cache) was multiplied by 16 — `parcel_id.unique` was charged 1.2–1.9 s
 * of a land run where leaving it out saved 0.2–0.3 s.
 */
export interface Timer {
  readonly ms: Float64Array;
  readonly now: () => number;
  readonly rows: Float64Array;
  readonly times: Float64Array;
}

/** Rows a timed evaluator times first, each (see `Timer`). */
export const TIMED_ALL = 256;
/** After them, one row in this many (at random) is timed, and counts for them all (see `Timer`). */
export const TIMED_EVERY = 16;
/** log2 of {@link TIMED_EVERY}: the generator's top bits that must all be 0 for a row to be timed. */
const TIMED_BITS = 4;

/** Builds the typed row of the current row from the evaluator's `values` and `status`. */
export type BuildRecord = (values: readonly unknown[], status: Uint8Array) => TypedRow;

/**
 * Generates the typed-row builder of a plan: a constructor assigning every field in order. Why: a row made with
 * `Object.create(null)` is a dictionary-mode object in V8, slow to fill and to read for every row; instances of one
 * constructor share a hidden class with in-object fields. Its prototype is an empty null-prototype object, so as
 * before nothing is inherited (`constructor`, `toString`, a `__proto__` setter) and every field is an own property.
 */
export function generateRecord(plan: Plan): BuildRecord {
  let make = records.get(plan);
  if (make === undefined) {
    const body = plan.fields.map((f) =>
      `this[${JSON.stringify(f.name)}] = S[${f.index}] === ${OK} ? V[${f.index}] : undefined;`);
    const Row = new Function('V', 'S', body.join('\n')) as unknown as new (V: readonly unknown[], S: Uint8Array) => TypedRow;
    Row.prototype = Object.create(null) as object;
    make = (values, status) => new Row(values, status);
    records.set(plan, make);
  }
  return make;
}

const records = new WeakMap<Plan, BuildRecord>();

export type Factory = (...args: unknown[]) => unknown;
/**
 * One generated factory per plan and variant (mode, timed or not); validators of a plan share it (and so V8's
 * feedback). The timed variant is generated only for runs that ask for timings, so measuring costs nothing otherwise.
 */
const factories = new WeakMap<Plan, Map<string, Factory>>();
let plans = 0;
/** A number for the next generated source's first line (see `factory`). */
export const nextPlanNumber = (): number => ++plans;

function factory(plan: Plan, mode: 'object' | 'cells', timed: boolean): Factory {
  const lines: string[] = [];
  const { head, fns, guard, call, time } = parts(plan, timed);

  // Phase 1: parse every cell once, so phase 2 (and any `when`) sees the whole typed row. Values and statuses live
  // in locals, copied to arrays (below) for the typed record. Object rows are read in place (no copy
  // into `raws`, which would box every number): violations re-read the one cell they show. Only the rare events
  // are counted (missing M, unparseable B); rule counts are derived from them when the report is built.
  const locals: string[] = [];
  for (const f of plan.fields) {
    const i = f.index;
    locals.push(`s${i} = ${MISSING}`, `v${i}`);
    head.push(fieldHead(i));
    const name = JSON.stringify(f.name);
    const read = f.name in Object.prototype ? `Object.hasOwn(row, ${name}) ? row[${name}] : undefined` : `row[${name}]`;
    lines.push(...time(f.typeSlot.ordinal, [
      mode === 'object' ? `raw = ${read};` : `raw = raws[${i}];`,
      // A typed date cell (a workbook's, a database's) at a placeholder day (01/01/1900) is missing, as its text is.
      // The text test (a call: this function is too large for V8 to inline it) runs only for a value that starts
      // like a token (mm), has the length of a token starting so (ml; characters from 128 are not in it) or ends in
      // white space (SP: trimmed, it may be one). While `W` > 0 (the first rows) the filters all run and the test
      // runs for every value, which changes nothing (the filters only skip values the test rejects) but gives their
      // comparisons and the call type feedback: a field whose values seldom pass the first filter (`gcn_serial`)
      // reached them only after V8 had optimised this function, which threw the optimised code away and compiled it
      // again (~90 ms, in every thread). Rows, not one: V8 keeps no feedback for a function's first few calls.
      // Each filter's comparisons are joined with `|`, not `||`, so that every one of them runs in those rows: with
      // `||` a comparison after one that held was never reached (`W > 0` after `mm[c] === 1`, for a field whose
      // first rows all start like a token: map sheet 1, 10–19), and the first row that reached it after V8 had
      // optimised this function ("insufficient type feedback") threw the code away all the same. `ml[c & 127]`: the
      // table has the first 128 characters; for a later one `c > 127` already holds.
      `if (${missingTest(i, 'W > 0')}) { M[${i}]++; }`,
      // A parser that throws (a custom one, or a date-fns surprise) is an error of the field's type rule, never the
      // end of the run: the cell counts as unreadable but not as an invalid_type finding.
      `else { try { v${i} = p${i}(raw); if (v${i} === INVALID) { s${i} = ${BAD}; B[${i}]++; } else s${i} = ${OK}; }`,
      `  catch (e) { h.error(${f.typeSlot.ordinal}, e); v${i} = INVALID; s${i} = ${BAD}; } }`,
    ]));
  }
  lines.push('if (W > 0) W--;');
  // Always, not only for plans with record rules: a value rule may read the typed record too (vn.commune's
  // provinceField, vn.landUseCode's dateField), and building it again from the cells parsed every cell a second time
  // (~1.3 µs a row of 20 fields, against ~10 ns for these stores).
  for (const f of plan.fields) lines.push(`S[${f.index}] = s${f.index}; V[${f.index}] = v${f.index};`);

  // Phase 2, per field: required and type inline; value rules and aggregates in a function per field. Why: TurboFan
  // stops inlining once a function's cumulative budget is spent, so one big evaluator called most checks out of
  // line; a function per field gets its own budget and inlines its own checks.
  for (const f of plan.fields) lines.push(...fieldCode(f, head, fns, guard, call, time));

  // Phase 3: record rules and dataset aggregates on the typed row (see `recordCode`).
  lines.push(...recordCode(plan, head, guard, time));

  const source = [
    // A unique first line: identical sources of different plans would share one compiled function, and with it
    // the call-site feedback, turning every call polymorphic.
    `// ddss plan ${nextPlanNumber()} (${mode}${timed ? ', timed' : ''})`,
    ...head,
    `let W = ${WARM_ROWS};`,
    // TW: the weight of this row's measurements, 0 when it is not timed (the field functions read it too). TX: the
    // state of the xorshift generator that picks the rows timed after the first (see Timer).
    ...(timed ? ['let TW = 0, TX = 2463534242 | 0;'] : []),
    ...fns,
    'return function evaluate(R, row, raws, V, S, ctx, M, B) {',
    `  let raw, res, t, rec, c, n, wt, ${locals.join(', ')};`,
    ...(timed ? [`  if (TR[0] < ${TIMED_ALL}) TW = 1;`,
      `  else { TX ^= TX << 13; TX ^= TX >>> 17; TX ^= TX << 5; TW = (TX >>> ${32 - TIMED_BITS}) === 0 ? ${TIMED_EVERY} : 0; }`,
      '  TR[0]++;'] : []),
    ...lines.map((l) => `  ${l}`),
    '};',
  ].join('\n');
  return new Function(...FACTORY_PARAMS, source) as Factory;
}

/** The pieces every variant of a plan's evaluator is made of (see `factory`, `columnsFactory`). */
export interface Parts {
  /** Declarations before the evaluator (the rules' functions, `when` functions); each variant adds its own. */
  readonly head: string[];
  /** Functions before the evaluator: a function per field running its value rules. */
  readonly fns: string[];
  /** The test that slot `s` runs on the current row: no error yet, and its `when` holds. */
  guard(s: Slot): string;
  /** Calls a check (`expr`) into `res` and hands a failing result to the validator. */
  call(s: Slot, expr: string): string[];
  /** The timed variant brackets a slot's code with the clock (`t` is a local of every generated function). */
  time(o: number, code: string[]): string[];
}

export function parts(plan: Plan, timed: boolean): Parts {
  const head: string[] = [];
  // A rule's `when`, isolated, called from its own function: a guard such as `() => false` (a reference not given)
  // is inlined to nothing, and a row pays no call into the validator for a `when` unless records are graded.
  for (const s of plan.slots) if (s.when !== undefined) head.push(...whenCode(s.ordinal));
  return {
    head,
    fns: [],
    guard: (s) => `R[${s.ordinal}].error === null${s.when === undefined ? '' : ` && w${s.ordinal}(ctx)`}`,
    call: (s, expr) => [`try { res = ${expr}; } catch (e) { h.error(${s.ordinal}, e); res = undefined; }`, failed(s.ordinal)],
    time: (o, code) =>
      (timed ? ['if (TW !== 0) t = now();', ...code, `if (TW !== 0) { T[${o}] += (now() - t) * TW; TN[${o}] += TW; TR[1]++; }`] : code),
  };
}

/** Field i's parser and missing-value tests, as constants of the factory (`m`, `mm`, `ml`, `md`, `p`). */
export function fieldHead(i: number): string {
  return `const m${i} = fields[${i}].isMissingText, mm${i} = fields[${i}].mayBeMissing, ml${i} = fields[${i}].missingLengths, md${i} = fields[${i}].isMissingDate, p${i} = fields[${i}].parse;`;
}

/** The test that `raw`, field i's cell, is missing; `warm` holds while the filters must all run (see `factory`). */
export function missingTest(i: number, warm: string): string {
  return `raw === undefined || raw === null || (typeof raw === 'string' ? (n = raw.length) === 0 || ((mm${i}[c = raw.charCodeAt(0)] === 1 | ${warm}) && (c > 127 | (ml${i}[c & 127] & (1 << (n < 31 ? n : 31))) !== 0 | SP[raw.charCodeAt(n - 1)] === 1 | ${warm}) && m${i}(raw)) : raw !== raw || (raw instanceof Date && md${i}(raw)))`;
}

/**
 * Phase 3: record rules and dataset aggregates on the typed row. The row is read from the context once (`rec`),
 * when a rule first needs it: each `ctx.record` is a call into the validator's getter (~10 ns), not inlined.
 * A record check's and a dataset aggregate's first calls are watched (`CQ`, see `readWatch`: a name read that is
 * not a field errors the rule): `wt` says whether this call is, and the rule's function is called from one site
 * either way, so that V8 has that site's feedback from the rule's first row and inlines the function there.
 * Reads the statuses `s<i>` of the fields each rule needs.
 */
export function recordCode(plan: Plan, head: string[], guard: Parts['guard'], time: Parts['time']): string[] {
  const lines: string[] = [];
  for (const s of [...plan.recordSlots, ...plan.datasetAggregates]) {
    const o = s.ordinal;
    const ready = s.needs.map((i) => `s${i} === ${OK}`).join(' && ') || 'true';
    const [f, q, n] = s.kind === 'record' ? [`c${o}`, `cq${o}`, `cn${o}`] : [`a${o}`, `aq${o}`, `an${o}`];
    head.push(`const ${f} = slots[${o}].rule.${s.kind === 'record' ? 'check' : 'add'}, ${q} = CQ[${o}];`, `let ${n} = ${WATCHED_CALLS};`);
    const row = `wt ? ${q}.row(rec ??= ctx.record) : (rec ??= ctx.record)`;
    const watch = `if ((wt = ${n} > 0)) ${n}--;`;
    if (s.kind === 'record') {
      lines.push(...time(o, [`if (${ready} && ${guard(s)}) {`, `  R[${o}].checked++;`, `  ${watch}`,
        `  try { res = ${f}(${row}, ctx); if (wt) ${q}.settle(); } catch (e) { h.error(${o}, wt ? ${q}.cause(e) : e); res = undefined; }`,
        `  ${failed(o)}`, '}']));
    } else {
      lines.push(...time(o, [`if (${ready} && ${guard(s)}) {`, `  ${watch}`,
        `  try { ${f}(R[${o}].agg, ${row}, ctx); if (wt) ${q}.settle(); } catch (e) { h.error(${o}, wt ? ${q}.cause(e) : e); }`, '}']));
    }
  }
  return lines;
}

/**
 * The test of a check's result `res` (slot o): a failing one goes to the validator. An empty list of findings is a
 * pass: it is told apart here, without the call into the validator that found it empty (vn.datesOrdered returns one
 * for every row it passes). A list with a `then` is a check's Promise-like result, which the validator refuses, so it
 * still goes there.
 */
function failed(o: number): string {
  return `if (res !== undefined && res !== true && res !== null && (res.length !== 0 || !Array.isArray(res) || typeof res.then === 'function')) h.fail(${o}, res);`;
}

/**
 * `w<o>(ctx)`: whether slot o's `when` holds for the row. Only `true` holds; a throw, or a result that is not a
 * boolean (a Promise, the string "false", 0, undefined), errors the rule and does not hold, as a check's bad result
 * does: truthiness would decide which rows the rule checks. Its first calls are watched (`WQ`, see `watchedWhen`): a
 * name read that is not a field errors the rule too.
 */
function whenCode(o: number): string[] {
  return [
    `const wf${o} = slots[${o}].when, wq${o} = WQ[${o}];`,
    `let wn${o} = ${WATCHED_CALLS};`,
    `function w${o}(ctx) {`,
    `  let r, wt = wn${o} > 0;`,
    `  if (wt) wn${o}--;`,
    // One call site, watched or not (see the record rules' in `factory`).
    `  try { r = wf${o}(wt ? wq${o}.row(ctx.record) : ctx.record); if (wt) wq${o}.settle(); } catch (e) { h.error(${o}, wt ? wq${o}.cause(e) : e); return false; }`,
    `  if (r === true) { if (G) h.held(${o}); return true; }`,
    `  if (r !== false) h.badWhen(${o}, r);`,
    '  return false;',
    '}',
  ];
}

export function fieldCode(f: FieldPlan, head: string[], fns: string[], guard: Parts['guard'], call: Parts['call'], time: Parts['time']): string[] {
  const i = f.index;
  const req = f.requiredSlot;
  const type = f.typeSlot;
  const out: string[] = [];
  // Counted explicitly only where a `when` decides which rows a rule sees (see `Slot.counted`).
  const count = (s: Slot) => (s.counted === 'explicit' ? `R[${s.ordinal}].checked++; ` : '');
  if (req !== undefined) {
    out.push(`if (s${i} === ${MISSING}) {`, ...time(req.ordinal, [`if (${guard(req)}) { ${count(req)}h.fail(${req.ordinal}, MISSING_FINDING); }`]), '}');
    if (req.counted === 'explicit') out.push(`else if (${guard(req)}) R[${req.ordinal}].checked++;`);
  }
  const body: string[] = [];
  for (const s of f.valueSlots) {
    const o = s.ordinal;
    head.push(`const c${o} = slots[${o}].rule.check;`);
    body.push(...time(o, [`if (${guard(s)}) {`, `  ${count(s)}`, ...call(s, `c${o}(v, ctx)`).map((l) => `  ${l}`), '}']));
  }
  for (const s of f.aggregateSlots) {
    head.push(`const a${s.ordinal} = slots[${s.ordinal}].rule.add;`);
    body.push(...time(s.ordinal, [`if (${guard(s)}) { try { a${s.ordinal}(R[${s.ordinal}].agg, v, ctx); } catch (e) { h.error(${s.ordinal}, e); } }`]));
  }
  if (body.length > 0) fns.push(`function field${i}(R, v, ctx) {`, '  let res, t;', ...body.map((l) => `  ${l}`), '}');
  out.push(`if (s${i} !== ${MISSING} && ${guard(type)}) {`, `  ${count(type)}`);
  out.push(`  if (s${i} === ${BAD}) { ${time(type.ordinal, [`h.fail(${type.ordinal}, INVALID_FINDING);`]).join(' ')} }`);
  if (body.length > 0) out.push(`  else field${i}(R, v${i}, ctx);`);
  out.push('}');
  return out;
}
