import { validate } from '../validate.js';
import type { Plan, Slot } from '../core/compile.js';
import type { FixKind, ValidateOptions, Violation } from '../core/types.js';
import { reformatDate } from './_date-format.js';

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
    const offer = offerOf(plan, slot, v, kinds);
    if (offer === undefined || !plan.fieldIndex.has(field)) return;
    const offers = at.offers.get(field) ?? [];
    offers.push(offer);
    at.offers.set(field, offers);
  };
  await validate(plan.definition, rows, { ...options, showValues: true, maxSamplesPerRule: 0, workers: 1, onViolation: collect });
  return out;
}

/**
 * The fix a violation offers, of a wanted kind: its rule's declared fix (`RuleBase.fixes`) with the suggestion, or,
 * for a date field's type rule, the date rewritten in the field's format when that is unambiguous (`date-format`).
 */
function offerOf(plan: Plan, slot: Slot, v: Violation, kinds: ReadonlySet<FixKind>): Offer | undefined {
  if (slot.kind === 'type') {
    const format = plan.fields[slot.fieldIndex]?.spec.format;
    const date = format === undefined || v.value === undefined || !kinds.has('date-format') ? undefined : reformatDate(v.value, format);
    return date === undefined ? undefined : { kind: 'date-format', rule: v.rule, code: v.code, suggestion: date };
  }
  const kind = slot.rule?.fixes?.[v.code];
  return kind === undefined || !kinds.has(kind) || v.suggestion === undefined ? undefined
    : { kind, rule: v.rule, code: v.code, suggestion: v.suggestion };
}

/** Whether a violation may offer a fix of a wanted kind (its suggestion, masked or not, is not needed to tell). */
export function mayOffer(plan: Plan, slot: Slot | undefined, v: Violation, kinds: ReadonlySet<FixKind>): boolean {
  if (slot === undefined) return false;
  if (slot.kind === 'type') return kinds.has('date-format') && plan.fields[slot.fieldIndex]?.spec.format !== undefined;
  const kind = slot.rule?.fixes?.[v.code];
  return kind !== undefined && kinds.has(kind) && v.suggestion !== undefined;
}
