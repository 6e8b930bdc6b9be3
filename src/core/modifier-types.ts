import type { FieldRule, FieldType } from './types.js';

/** The field types a modifier's rule can judge, and how messages name them. */
export interface ModifierTypes {
  readonly types: ReadonlySet<FieldType>;
  readonly label: string;
}

const ORDERED: ModifierTypes = { types: new Set(['integer', 'number', 'date', 'datetime']), label: 'integer, number, date and datetime' };
const TEXTUAL: ModifierTypes = { types: new Set(['text', 'enum', 'any']), label: 'text, enum and any' };
// A Date tested as text is its toString(), which names the machine's time zone: no pattern means anything there. A
// boolean is tested as "true" or "false", whatever its cells say ("có", "1", "x"): a pattern written for the cells
// fails every value, and one written for "true" is `oneOf`.
const PATTERNED: ModifierTypes = {
  types: new Set(['text', 'enum', 'integer', 'number', 'any']), label: 'text, enum, integer, number and any',
};

/**
 * Which field types each type-bound modifier applies to; a modifier not listed (`required`, `unique`, `oneOf`,
 * `check`, `use`) applies to all. Elsewhere its rule would fail every value (`min` on text: no text is a number) or
 * check nothing (`trimmed` on a number, `within` on text). TypeScript definitions and definition files share it, so
 * both refuse the same mistakes.
 * @example MODIFIER_TYPES.min?.types.has('text') // false
 */
export const MODIFIER_TYPES: Readonly<Record<string, ModifierTypes>> = {
  pattern: PATTERNED,
  notPattern: PATTERNED,
  min: ORDERED,
  max: ORDERED,
  length: TEXTUAL,
  trimmed: TEXTUAL,
  nfc: TEXTUAL,
  // On an integer field the value is a year (a birth year): not after the run's year.
  notInFuture: { types: new Set(['date', 'datetime', 'integer']), label: 'date, datetime and integer (a year)' },
  within: { types: new Set(['date', 'datetime']), label: 'date and datetime' },
};

/** What a field modifier records on the rule it adds, so `defineDataset` can judge the rule against its field. */
export interface ModifierMark {
  /** The modifier (`min`, `trimmed`), a key of `MODIFIER_TYPES` or not. */
  readonly modifier: string;
  /** `min`/`max`: the bound as given, and whether it is exclusive. */
  readonly bound?: number | Date;
  readonly exclusive?: boolean;
  /** `oneOf`/`notOneOf`: the values listed, each of which must be of the field's kind. */
  readonly listed?: readonly unknown[];
}

// Under a symbol, like a rule's fingerprint: reports never show it, and `override` (a spread) keeps it.
const MARK: unique symbol = Symbol.for('ddss.rule.modifier') as never;

/**
 * The rule with a mark saying which modifier added it (a copy: the rule given is not changed).
 * @example markRule(min(0), { modifier: 'min', bound: 0 })
 */
export function markRule<R extends FieldRule>(rule: R, mark: ModifierMark): R {
  return { ...rule, [MARK]: mark };
}

/**
 * The mark of a rule added by a field modifier; undefined for rules added otherwise (`use`, `check`), which say
 * nothing about the field types they fit.
 * @example modifierOf(field.text().trimmed().rules[0]) // { modifier: 'trimmed' }
 */
export function modifierOf(rule: FieldRule): ModifierMark | undefined {
  return (rule as unknown as Record<symbol, ModifierMark | undefined>)[MARK];
}
