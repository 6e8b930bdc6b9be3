import type { FieldType } from '../core/types.js';
import { DefinitionError, type DefinitionPath } from './definition-error.js';

/** The field types whose values a rule can read, and how messages name them. */
export interface ColumnKind {
  readonly types: ReadonlySet<FieldType>;
  readonly label: string;
  /** What else makes the column readable, added to the message (an option in the form the field holds). */
  readonly hint?: string;
}

/** Rules comparing dates read `Date` values: a text column's "2024-01-05" is never one. */
export const DATES: ColumnKind = { types: new Set(['date', 'datetime']), label: 'date or datetime' };
/** Rules comparing amounts or coordinates read numbers: a text column's "1.5" is never one. */
export const NUMBERS: ColumnKind = { types: new Set(['integer', 'number']), label: 'integer or number' };
/**
 * Identifiers, codes and names are text (DOMAIN-VN §6): an integer field has already lost the leading zero
 * (`"012061147678"` reads as 12061147678), and a date, number or boolean is not the text the rule reads.
 */
export const TEXTUAL: ColumnKind = { types: new Set(['text', 'enum', 'any']), label: 'text, enum or any' };

/**
 * Refuses a column whose field type a rule cannot read: the rule would skip (or pass) every row of it without a
 * word, so the report would show a rule in force that never judged a value. Unknown columns are the caller's
 * concern (they are refused as unknown fields).
 * @example checkColumnKind('a', new Map([['a', 'text']]), DATES, ['rules', 0, 'from']) // throws: "a" is a text field; …
 */
export function checkColumnKind(column: string, fields: ReadonlyMap<string, FieldType>, kind: ColumnKind | undefined,
  path: DefinitionPath): void {
  const type = fields.get(column);
  if (kind === undefined || type === undefined || kind.types.has(type)) return;
  const article = /^[aeiou]/.test(type) ? 'an' : 'a';
  throw new DefinitionError(`"${column}" is ${article} ${type} field; this rule reads ${kind.label} fields, and would pass every row of it unchecked` +
    (kind.hint === undefined ? '' : ` (${kind.hint})`), path);
}
