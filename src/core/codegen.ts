import type { FieldPlan, Plan, Slot } from './compile.js';
import type { RuleState } from './state.js';
import { INVALID, type CheckResult, type RuleContext } from './types.js';

/** What the generated evaluator calls back into: the rare paths (failures, errors, `when`) stay plain functions. */
export interface Hooks {
  /** A rule returned a failing result for the current row. */
  fail(ordinal: number, result: CheckResult): void;
  /** A rule (or its `when`) threw. */
  error(ordinal: number, e: unknown): void;
  /** The rule's `when` holds for the current row (evaluating it, isolated). */
  applies(ordinal: number): boolean;
}

/**
 * Evaluates one row; fills `raws` (object mode reads them from `row`), `values` and `status`; counts into `rules`.
 * In `cells` mode the caller has already filled `raws` (arrays through the header, Maps) and `row` is unused.
 */
export type Evaluate = (rules: RuleState[], row: unknown, raws: unknown[], values: unknown[], status: Uint8Array, ctx: RuleContext) => void;

export const OK = 0;
export const MISSING = 1;
export const BAD = 2;

const MISSING_FINDING = Object.freeze({ code: 'missing_value' });
const INVALID_FINDING = Object.freeze({ code: 'invalid_type' });

/**
 * Generates one evaluation function per plan. Why: a generic loop calls every rule's `check` from one call site,
 * which V8 sees as megamorphic and cannot inline; here each rule has its own call site, so its check is inlined
 * like a hand-written loop; in `object` mode each property load has its own site too. Field names enter the source
 * only as `JSON.stringify` string literals and everything else only as slot numbers, so a definition cannot inject
 * code. Names that exist on `Object.prototype` (`__proto__`, `constructor`) are read as own properties only.
 */
export function generateEvaluate(plan: Plan, hooks: Hooks, mode: 'object' | 'cells'): Evaluate {
  const lines: string[] = [];
  const head: string[] = [];
  const uses = (o: number) => `R[${o}]`;
  const guard = (s: Slot) => `${uses(s.ordinal)}.error === null${s.when === undefined ? '' : ` && h.applies(${s.ordinal})`}`;
  const call = (s: Slot, expr: string) => [
    `try { res = ${expr}; } catch (e) { h.error(${s.ordinal}, e); res = undefined; }`,
    `if (res !== undefined && res !== true && res !== null) h.fail(${s.ordinal}, res);`,
  ];

  // Phase 1: parse every cell once, so phase 2 (and any `when`) sees the whole typed row.
  for (const f of plan.fields) {
    const i = f.index;
    head.push(`const m${i} = fields[${i}].isMissing, p${i} = fields[${i}].parse;`);
    const name = JSON.stringify(f.name);
    const read = f.name in Object.prototype ? `Object.hasOwn(row, ${name}) ? row[${name}] : undefined` : `row[${name}]`;
    lines.push(
      mode === 'object' ? `raw = raws[${i}] = ${read};` : `raw = raws[${i}];`,
      `if (raw === undefined || raw === null || (typeof raw === 'string' ? m${i}(raw) : raw !== raw)) { S[${i}] = ${MISSING}; }`,
      `else { v = p${i}(raw); if (v === INVALID) { S[${i}] = ${BAD}; } else { S[${i}] = ${OK}; V[${i}] = v; } }`,
    );
  }
  // Phase 2: required → type → value rules → field aggregates, per field.
  for (const f of plan.fields) lines.push(...fieldCode(f, head, guard, call));
  // Phase 3: record rules and dataset aggregates on the typed row.
  for (const s of [...plan.recordSlots, ...plan.datasetAggregates]) {
    const o = s.ordinal;
    const ready = s.needs.map((i) => `S[${i}] === ${OK}`).join(' && ') || 'true';
    if (s.kind === 'record') {
      head.push(`const c${o} = slots[${o}].rule.check;`);
      lines.push(`if (${ready} && ${guard(s)}) {`, `  ${uses(o)}.checked++;`, ...call(s, `c${o}(ctx.record, ctx)`).map((l) => `  ${l}`), '}');
    } else {
      head.push(`const a${o} = slots[${o}].rule.add;`);
      lines.push(`if (${ready} && ${guard(s)}) { try { a${o}(${uses(o)}.agg, ctx.record, ctx); } catch (e) { h.error(${o}, e); } }`);
    }
  }

  const source = [
    ...head,
    'return function evaluate(R, row, raws, V, S, ctx) {',
    '  let raw, v, res;',
    ...lines.map((l) => `  ${l}`),
    '};',
  ].join('\n');
  const fields = plan.fields.map((f) => ({ parse: f.parse, isMissing: f.isMissing }));
  const factory = new Function('h', 'fields', 'slots', 'INVALID', 'MISSING_FINDING', 'INVALID_FINDING', source) as (
    ...args: unknown[]
  ) => Evaluate;
  return factory(hooks, fields, plan.slots, INVALID, MISSING_FINDING, INVALID_FINDING);
}

function fieldCode(f: FieldPlan, head: string[], guard: (s: Slot) => string,
  call: (s: Slot, expr: string) => string[]): string[] {
  const i = f.index;
  const out: string[] = [];
  const req = f.requiredSlot;
  const type = f.typeSlot;
  out.push(`if (S[${i}] === ${MISSING}) {`);
  if (req !== undefined) out.push(`  if (${guard(req)}) { R[${req.ordinal}].checked++; h.fail(${req.ordinal}, MISSING_FINDING); }`);
  out.push('} else {');
  if (req !== undefined) out.push(`  if (${guard(req)}) R[${req.ordinal}].checked++;`);
  out.push(`  if (${guard(type)}) {`, `    R[${type.ordinal}].checked++;`);
  out.push(`    if (S[${i}] === ${BAD}) h.fail(${type.ordinal}, INVALID_FINDING);`, '    else {', `      v = V[${i}];`);
  for (const s of f.valueSlots) {
    head.push(`const c${s.ordinal} = slots[${s.ordinal}].rule.check;`);
    out.push(`      if (${guard(s)}) {`, `        R[${s.ordinal}].checked++;`,
      ...call(s, `c${s.ordinal}(v, ctx)`).map((l) => `        ${l}`), '      }');
  }
  for (const s of f.aggregateSlots) {
    head.push(`const a${s.ordinal} = slots[${s.ordinal}].rule.add;`);
    out.push(`      if (${guard(s)}) { try { a${s.ordinal}(R[${s.ordinal}].agg, v, ctx); } catch (e) { h.error(${s.ordinal}, e); } }`);
  }
  out.push('    }', '  }', '}');
  return out;
}
