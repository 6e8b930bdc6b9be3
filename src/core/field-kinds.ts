import type { FieldType, RecordRule } from './types.js';

/** The field types whose values a rule can read, how messages name them, and what else would make a field readable. */
export interface FieldKind {
  readonly types: ReadonlySet<FieldType>;
  readonly label: string;
  /** What else makes the field readable, added to the message (an option in the form the field holds). */
  readonly hint?: string;
}

/** Rules comparing dates read `Date` values: a text field's "2024-01-05" is never one. */
export const DATES: FieldKind = { types: new Set(['date', 'datetime']), label: 'date or datetime' };
/** Rules comparing amounts or coordinates read numbers: a text field's "1.5" is never one. */
export const NUMBERS: FieldKind = { types: new Set(['integer', 'number']), label: 'integer or number' };
/**
 * Identifiers, codes and names are text (DOMAIN-VN §6): an integer field has already lost the leading zero
 * (`"012061147678"` reads as 12061147678), and a date, number or boolean is not the text the rule reads.
 */
export const TEXTUAL: FieldKind = { types: new Set(['text', 'enum', 'any']), label: 'text, enum or any' };

/**
 * The key under which a record rule keeps the field kinds it can read (field name → kind); shared by every copy of
 * ddss in a process. Kept under a symbol: reports and signatures never show it.
 */
export const FIELD_KINDS: unique symbol = Symbol.for('ddss.rule.fieldKinds') as never;

/**
 * The field kinds a rule reads, by field name, from (field, kind) pairs: a field given twice (the same column as a
 * salary and as its month) must be of both kinds, so the rule reads it whatever it holds only when both hold.
 * @example kindsByField([['salary', NUMBERS], ['month', DATES]]) // { salary: NUMBERS, month: DATES }
 */
export function kindsByField(pairs: readonly (readonly [string, FieldKind])[]): Readonly<Record<string, FieldKind>> {
  const out: Record<string, FieldKind> = {};
  for (const [field, kind] of pairs) {
    const had = Object.hasOwn(out, field) ? out[field] : undefined;
    if (had === undefined || had === kind) {
      out[field] = kind;
      continue;
    }
    const hint = had.hint ?? kind.hint;
    out[field] = {
      types: new Set([...had.types].filter((t) => kind.types.has(t))), label: `${had.label}, and ${kind.label}`,
      ...(hint === undefined ? {} : { hint }),
    };
  }
  return out;
}

/**
 * The field kinds a rule declared (`recordRule`'s `fieldKinds`), by field name; empty for a rule that declared none
 * or is not a record rule. Definition files read them to name the file key of a column the rule cannot read.
 * @example fieldKindsOf(vn.datesOrdered(['a', 'b'])) // { a: DATES, b: DATES }
 */
export function fieldKindsOf(rule: object): Readonly<Record<string, FieldKind>> {
  return (rule as { [FIELD_KINDS]?: Readonly<Record<string, FieldKind>> })[FIELD_KINDS] ?? {};
}

/**
 * What is wrong with a field of type `type` for a rule reading `kind`, or undefined when the rule can read it. The
 * one wording of TypeScript datasets and definition files.
 * @example kindMismatch('a', 'text', DATES) // '"a" is a text field; this rule reads date or datetime fields, and would pass every row of it unchecked'
 */
export function kindMismatch(field: string, type: FieldType, kind: FieldKind): string | undefined {
  if (kind.types.has(type)) return undefined;
  const article = /^[aeiou]/.test(type) ? 'an' : 'a';
  return `"${field}" is ${article} ${type} field; this rule reads ${kind.label} fields, and would pass every row of it unchecked` +
    (kind.hint === undefined ? '' : ` (${kind.hint})`);
}

/**
 * Throws when a record rule reads a field of a type it cannot read: it would pass every row of it, counted as
 * checked (a date rule never sees a Date in a text field; idGender's default genders are the texts Nam and Nữ,
 * which an integer field's 1 never equals). Undeclared fields are the caller's concern.
 * @example checkFieldKinds(idGender({ id: 'a', gender: 'g' }), 'idGender', () => 'integer') // throws: "g" is an integer field; …
 */
export function checkFieldKinds(rule: RecordRule, id: string, fieldType: (name: string) => FieldType | undefined): void {
  for (const [field, kind] of Object.entries(fieldKindsOf(rule))) {
    const type = fieldType(field);
    const wrong = type === undefined ? undefined : kindMismatch(field, type, kind);
    if (wrong !== undefined) throw new Error(`ddss: rule "${id}": ${wrong}`);
  }
}
