import { INVALID, type Parser } from '../core/types.js';
import { booleanParser, dateParser, numberParser, parseDateTime, parseInteger } from '../core/parsers.js';

/**
 * The date formats a profile tries, Vietnamese forms first: when a value reads in several (01/02/2020), the earlier
 * format wins a tie. `MM/yyyy` is a month (a contribution month).
 */
export const DATE_FORMATS: readonly string[] = [
  'dd/MM/yyyy', 'd/M/yyyy', 'yyyy-MM-dd', 'dd-MM-yyyy', 'dd.MM.yyyy', 'yyyy/MM/dd', 'MM/dd/yyyy', 'MM/yyyy',
];

/** A type a column's values may have, as the declarative format writes it. */
export interface TypeCandidate {
  /** `integer`, `number`, `number,` (decimal comma), `date:<format>`, `datetime`, `boolean`. */
  readonly id: string;
  readonly parse: Parser;
}

/**
 * Every candidate type, in the order a tie prefers (the narrower type first): the engine's own parsers, so a type a
 * profile infers reads the same values when the suggested definition is validated.
 * @example TYPE_CANDIDATES[0]?.id // 'integer'
 */
export const TYPE_CANDIDATES: readonly TypeCandidate[] = [
  { id: 'integer', parse: parseInteger },
  { id: 'number', parse: numberParser({ decimal: '.' }) },
  { id: 'number,', parse: numberParser({ decimal: ',' }) },
  ...DATE_FORMATS.map((f) => ({ id: `date:${f}`, parse: dateParser(f) })),
  { id: 'datetime', parse: parseDateTime },
  { id: 'boolean', parse: booleanParser() },
];

/**
 * The value a candidate reads from a cell, as a number to keep a minimum and maximum of (epoch ms for dates, 0/1 for
 * booleans), or undefined when the candidate cannot read it.
 * @example candidateValue(TYPE_CANDIDATES[0], '42') // 42
 */
export function candidateValue(c: TypeCandidate, raw: unknown): number | undefined {
  const v = c.parse(raw);
  if (v === INVALID) return undefined;
  if (typeof v === 'number') return v;
  if (v instanceof Date) return v.getTime();
  return v === true ? 1 : 0;
}
