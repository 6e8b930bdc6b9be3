import type { FieldPlan, Plan } from './compile.js';
import {
  BAD, FACTORY_PARAMS, MISSING, OK, WARM_ROWS, factoryArgs, factoryOf, fieldCode, fieldHead, missingTest, nextPlanNumber, parts,
  recordCode, type Factory, type Hooks,
} from './codegen.js';
import type { RuleState } from './state.js';
import type { RuleContext, TypedRow } from './types.js';

/**
 * Evaluates `count` array rows of a batch from its row `at`, a field at a time, and counts into `rules`. The r-th of
 * them (from 0) is `rows[at + r]`, row `first + r` of the run (`ctx.row`), at line `lines[at + r]`; its field i is its
 * cell `positions[i]` (-1: no such column), parsed into `values[i][r]` with its status in `status[i][r]` (`OK`,
 * `MISSING`, `BAD`). Failures reach `hooks.fail` field by field, not row by row: the caller puts them back in row
 * order before they are emitted (see `createValidator`).
 */
export type EvaluateColumns = (rules: RuleState[], rows: readonly unknown[], at: number, count: number, first: number,
  lines: ArrayLike<number> | undefined, positions: Int32Array, values: unknown[][], status: Uint8Array[], ctx: RuleContext,
  missing: number[], invalid: number[]) => void;

/**
 * Generates the column-at-a-time evaluator of a plan: the same checks, in the same order for each rule, as
 * `generateEvaluate`'s row-at-a-time one. Why: each field's parser and rules run over the whole batch before the next
 * field's, so the code and the tables of one field's checks stay in the processor's caches for 256 rows instead of
 * being evicted by the other 19 fields' at every row, and the typed row is built only for the rows whose rules read it
 * — 20 % less time for parsing and the field rules on the bench's land file, in one thread (bench/HISTORY.md). Used
 * where no record is graded and no rule timed: those follow each row through (`generateEvaluate`).
 */
export function generateEvaluateColumns(plan: Plan, hooks: Hooks): EvaluateColumns {
  const make = factoryOf(plan, 'columns', () => columnsFactory(plan));
  return make(...factoryArgs(plan, hooks, undefined, false)) as EvaluateColumns;
}

/** The index of row `r` into `ctx.row`, and its line into `ctx.line` (a rule, a `when` and a failure read them). */
const AT = 'ctx.row = first + r; ctx.line = LN === undefined ? undefined : LN[at + r];';

function columnsFactory(plan: Plan): Factory {
  const { head, fns, guard, call, time } = parts(plan, false);
  const calls: string[] = [];
  // Pass 1: each field's cells missing or parsed, for every row, before any rule runs (a `when` and a value rule may
  // read the whole typed row). A function per kind of field: fields with the same parser and missing-value tests (a
  // definition's text fields) share one, which V8 then compiles once. `r < W`: the first rows of the run, whose
  // missing-value filters all run for type feedback (see `factory`).
  const kinds: FieldPlan[] = [];
  for (const f of plan.fields) {
    const i = f.index;
    head.push(fieldHead(i));
    let g = kinds.findIndex((o) => o.parse === f.parse && o.isMissingText === f.isMissingText && o.isMissingDate === f.isMissingDate
      && o.mayBeMissing === f.mayBeMissing && o.missingLengths === f.missingLengths);
    if (g < 0) {
      g = kinds.push(f) - 1;
      fns.push(`function parse${g}(rows, at, count, k, vv, ss, M, B, i, o, first, LN, ctx) {`,
        '  let raw, c, n, v;',
        '  for (let r = 0; r < count; r++) {',
        '    raw = k < 0 ? undefined : rows[at + r][k];',
        `    if (${missingTest(i, 'r < W')}) { M[i]++; ss[r] = ${MISSING}; vv[r] = undefined; continue; }`,
        `    try { v = p${i}(raw); if (v === INVALID) { ss[r] = ${BAD}; B[i]++; } else ss[r] = ${OK}; }`,
        `    catch (e) { ${AT} h.error(o, e); v = INVALID; ss[r] = ${BAD}; }`,
        '    vv[r] = v;',
        '  }',
        '}');
    }
    calls.push(`parse${g}(rows, at, count, K[${i}], VC[${i}], SC[${i}], M, B, ${i}, ${f.typeSlot.ordinal}, first, LN, ctx);`);
  }
  // Pass 2, a function per field: its required and type rules, then its value rules and aggregates, row by row.
  for (const f of plan.fields) {
    const i = f.index;
    const body = fieldCode(f, head, fns, guard, call, time);
    fns.push(`function column${i}(R, at, count, first, LN, vv, ss, ctx) {`,
      `  let s${i}, v${i};`,
      '  for (let r = 0; r < count; r++) {',
      `    s${i} = ss[r]; v${i} = vv[r]; ${AT}`,
      ...body.map((l) => `    ${l}`),
      '  }',
      '}');
    calls.push(`column${i}(R, at, count, first, LN, VC[${i}], SC[${i}], ctx);`);
  }
  // Pass 3: record rules and dataset aggregates, row by row, on the statuses of the fields they need.
  const records = recordCode(plan, head, guard, time);
  if (records.length > 0) {
    const needs = [...new Set([...plan.recordSlots, ...plan.datasetAggregates].flatMap((s) => s.needs))];
    fns.push('function records(R, at, count, first, LN, SC, ctx) {',
      `  let res, rec, wt${needs.map((i) => `, s${i}`).join('')};`,
      ...needs.map((i) => `  const ss${i} = SC[${i}];`),
      '  for (let r = 0; r < count; r++) {',
      `    ${AT} rec = undefined;`,
      ...needs.map((i) => `    s${i} = ss${i}[r];`),
      ...records.map((l) => `    ${l}`),
      '  }',
      '}');
    calls.push('records(R, at, count, first, LN, SC, ctx);');
  }
  const source = [
    `// ddss plan ${nextPlanNumber()} (columns)`,
    ...head,
    `let W = ${WARM_ROWS};`,
    ...fns,
    'return function evaluate(R, rows, at, count, first, LN, K, VC, SC, ctx, M, B) {',
    ...calls.map((l) => `  ${l}`),
    '  W = W > count ? W - count : 0;',
    '};',
  ].join('\n');
  return new Function(...FACTORY_PARAMS, source) as Factory;
}

/** Builds the typed row of row `r` of a batch from the column evaluator's `values` and `status`. */
export type BuildRecordAt = (values: readonly unknown[][], status: readonly Uint8Array[], r: number) => TypedRow;

/** `generateRecord`'s constructor for the column stores (see there for why a constructor). */
export function generateRecordAt(plan: Plan): BuildRecordAt {
  let make = records.get(plan);
  if (make === undefined) {
    const body = plan.fields.map((f) =>
      `this[${JSON.stringify(f.name)}] = S[${f.index}][r] === ${OK} ? V[${f.index}][r] : undefined;`);
    const Row = new Function('V', 'S', 'r', body.join('\n')) as unknown as new (V: readonly unknown[][], S: readonly Uint8Array[], r: number) => TypedRow;
    Row.prototype = Object.create(null) as object;
    make = (values, status, r) => new Row(values, status, r);
    records.set(plan, make);
  }
  return make;
}

const records = new WeakMap<Plan, BuildRecordAt>();
