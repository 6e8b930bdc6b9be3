import type { FieldType } from '../core/types.js';
import { kindMismatch, type FieldKind } from '../core/field-kinds.js';
import { DefinitionError, type DefinitionPath } from './definition-error.js';

/** The field types whose values a rule can read, and how messages name them (the kinds TypeScript rules declare). */
export type ColumnKind = FieldKind;
export { DATES, NUMBERS, TEXTUAL } from '../core/field-kinds.js';

/**
 * Refuses a column whose field type a rule cannot read: the rule would skip (or pass) every row of it without a
 * word, so the report would show a rule in force that never judged a value. Unknown columns are the caller's
 * concern (they are refused as unknown fields).
 * @example checkColumnKind('a', new Map([['a', 'text']]), DATES, ['rules', 0, 'from']) // throws: "a" is a text field; …
 */
export function checkColumnKind(column: string, fields: ReadonlyMap<string, FieldType>, kind: ColumnKind | undefined,
  path: DefinitionPath): void {
  const type = fields.get(column);
  const wrong = kind === undefined || type === undefined ? undefined : kindMismatch(column, type, kind);
  if (wrong !== undefined) throw new DefinitionError(wrong, path);
}
