import { DefinitionError, type DefinitionPath } from './definition-error.js';
import { VN_MISSING_VALUES } from '../../rules/vn/dates/missing-values.js';
import type { ColumnKind } from './_column-kinds.js';

/**
 * One option of a pack rule as a file writes it: its JSON Schema (for `schema/dataset.schema.json`, so an editor
 * completes and checks it) and how the schema-checked value becomes the TypeScript option.
 */
export interface OptionSpec {
  readonly schema: Readonly<Record<string, unknown>>;
  readonly convert?: (value: unknown, path: DefinitionPath) => unknown;
  /** The value names a column of the row: it must be a field of the dataset (or of the one it extends). */
  readonly column?: boolean;
  /** The field types the column may have (a date that selects a table must be a date field); any when absent. */
  readonly columnKind?: ColumnKind;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Option kinds, by the JSON type a file gives them; `day` turns `yyyy-MM-dd` into the UTC-midnight Date a
 * TypeScript option takes.
 * @example const options = { acceptCmnd: opt.boolean('Also accept a 9-digit CMND.') };
 */
export const opt = {
  boolean: (description: string): OptionSpec => ({ schema: { type: 'boolean', description } }),
  string: (description: string): OptionSpec => ({ schema: { type: 'string', minLength: 1, maxLength: 200, description } }),
  /** A field of the dataset, which the rule reads from the row (`dateField`, `provinceField`). */
  column: (description: string, kind?: ColumnKind): OptionSpec => ({
    schema: { type: 'string', minLength: 1, maxLength: 200, description }, column: true, ...(kind === undefined ? {} : { columnKind: kind }),
  }),
  oneOf: (values: readonly string[], description: string): OptionSpec => ({ schema: { enum: [...values], description } }),
  /** A whole number of at least `min`. */
  integer: (min: number, description: string): OptionSpec => ({ schema: { type: 'integer', minimum: min, maximum: 1_000_000, description } }),
  /** A list of missing-value placeholders, or `vn`: the Vietnamese list (`VN_MISSING_VALUES`), as `missingValues` takes. */
  missingValues: (description: string): OptionSpec => ({
    schema: { $ref: '#/$defs/missingValues', description },
    convert: (v) => (v === 'vn' ? [...VN_MISSING_VALUES] : [...(v as string[])]),
  }),
  strings: (description: string): OptionSpec => ({
    schema: { type: 'array', minItems: 1, maxItems: 1000, items: { type: 'string' }, description },
    convert: (v) => [...(v as string[])],
  }),
  /** A calendar day `yyyy-MM-dd`, read as UTC midnight (the form date fields are read in). */
  day: (description: string): OptionSpec => ({
    schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description },
    convert: (v, path) => {
      const text = v as string;
      const d = new Date(`${text}T00:00:00Z`);
      if (!ISO_DAY.test(text) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text) {
        throw new DefinitionError('must be a calendar date (yyyy-MM-dd)', path);
      }
      return d;
    },
  }),
} as const;

/**
 * Copies the options a rule declares from a schema-checked file object, converted to their TypeScript form. Keys are
 * read one by one from the declared list (never spread: the object came from a file).
 * @example packOptions({ at: '2024-01-01', severity: 'warning' }, { at: opt.day('') }, []) // { at: Date(2024-01-01) }
 */
export function packOptions(o: Readonly<Record<string, unknown>>, specs: Readonly<Record<string, OptionSpec>>,
  path: DefinitionPath): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    if (!Object.hasOwn(o, key)) continue;
    const v = o[key];
    out[key] = spec.convert === undefined ? v : spec.convert(v, [...path, key]);
  }
  return out;
}
