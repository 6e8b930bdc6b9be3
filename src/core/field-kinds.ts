import type { FieldType, RecordRule } from './types.js';

/** The field types whose values a rule can read, how messages name them, and what else would make a field readable. */
export interface FieldKind {
  readonly types: ReadonlySet<FieldType>;
  readonly label: string;
  /** What else makes the field readable, added to the message (an option in the form the field holds). */
  readonly hint?: string;
}

/**
 * The key under which a record rule keeps the field kinds it can read (field name → kind); shared by every copy of
 * ddss in a process. Kept under a symbol: reports and signatures never show it.
 */
export const FIELD_KINDS: unique symbol = Symbol.for('ddss.rule.fieldKinds') as never;

/**
 * Throws when a record rule reads a field of a type it cannot read: it would pass every row of it, counted as
 * checked (idGender's default genders are the texts Nam and Nữ, which an integer field's 1 never equals).
 * @example checkFieldKinds(idGender({ id: 'a', gender: 'g' }), 'idGender', () => 'integer') // throws: "g" is an integer field; …
 */
export function checkFieldKinds(rule: RecordRule, id: string, fieldType: (name: string) => FieldType | undefined): void {
  const kinds = (rule as { [FIELD_KINDS]?: Readonly<Record<string, FieldKind>> })[FIELD_KINDS];
  for (const [field, kind] of Object.entries(kinds ?? {})) {
    const type = fieldType(field);
    if (type === undefined || kind.types.has(type)) continue;
    const article = /^[aeiou]/.test(type) ? 'an' : 'a';
    throw new Error(`ddss: rule "${id}": "${field}" is ${article} ${type} field; this rule reads ${kind.label} fields, ` +
      'and would pass every row of it unchecked' + (kind.hint === undefined ? '' : ` (${kind.hint})`));
  }
}
