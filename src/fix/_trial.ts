import { validate } from '../validate.js';
import type { Plan, Slot } from '../core/compile.js';
import type { FixKind, ValidateOptions, Violation } from '../core/types.js';

/** A fix a rule offers for a cell: its kind, the rule and code, and the replacement. */
export interface Offer {
  readonly kind: FixKind;
  readonly rule: string;
  readonly code: string;
  readonly suggestion: string;
}

/** What the record rules say about one record: its failures, and the fixes offered per field. */
export interface Verdict {
  /** `rule code field` of every failing finding of a record-level rule. */
  readonly failing: ReadonlySet<string>;
  readonly offers: ReadonlyMap<string, readonly Offer[]>;
  /** Fields whose cell is not a valid value of the field's type. */
  readonly unparsed: ReadonlySet<string>;
}

/** The slots that judge one record alone (not uniqueness or other aggregates), by rule id. */
export function recordSlots(plan: Plan): ReadonlyMap<string, Slot> {
  return new Map(plan.slots.filter((s) => s.kind !== 'aggregate').map((s) => [s.id, s]));
}

/**
 * Runs the definition's record-level rules on some records (unmasked, no samples kept) and tells, per record, what
 * fails and which fixes of the wanted kinds are offered. Findings of aggregates (uniqueness) and of the source are
 * left out: records are judged one by one.
 */
export async function judge(plan: Plan, slots: ReadonlyMap<string, Slot>, rows: readonly Record<string, string>[],
  kinds: ReadonlySet<FixKind>, options: ValidateOptions): Promise<Verdict[]> {
  const out = rows.map(() => ({ failing: new Set<string>(), offers: new Map<string, Offer[]>(), unparsed: new Set<string>() }));
  const collect = (v: Violation): void => {
    const slot = slots.get(v.rule);
    const at = v.row === undefined ? undefined : out[v.row];
    if (slot === undefined || at === undefined) return;
    const field = v.field ?? '';
    // An info finding never fails a record (it lowers no score), but it may still offer a fix.
    if (v.severity !== 'info') at.failing.add(`${v.rule} ${v.code} ${field}`);
    if (slot.kind === 'type') at.unparsed.add(field);
    const kind = slot.rule?.fixes?.[v.code];
    if (kind === undefined || !kinds.has(kind) || v.suggestion === undefined || !plan.fieldIndex.has(field)) return;
    const offers = at.offers.get(field) ?? [];
    offers.push({ kind, rule: v.rule, code: v.code, suggestion: v.suggestion });
    at.offers.set(field, offers);
  };
  await validate(plan.definition, rows, { ...options, showValues: true, maxSamplesPerRule: 0, workers: 1, onViolation: collect });
  return out;
}
