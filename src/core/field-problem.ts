import { MODIFIER_TYPES, modifierOf, type ModifierMark } from './modifier-types.js';
import type { FieldSpecData, FieldType } from './types.js';

interface Bound {
  readonly at: number;
  readonly exclusive: boolean;
  readonly shown: string;
}

/**
 * Why no definition should hold this field, or undefined: a modifier its type cannot use (`min` on text fails every
 * value, `trimmed` on a number checks nothing), a bound of the wrong kind (a number on a date field), or bounds no
 * value could meet (`min` 10 and `max` 0; `min` 5 exclusive and `max` 5; on an integer field, `min` 1.2 and `max` 1.8;
 * `max(-Infinity)`), or that any value meets (`min(-Infinity)`).
 * Bounds of rules with a `when` are left out: they may apply to different rows. Several `min`s (or `max`s) count
 * by the tightest.
 * @example fieldProblem(field.number().min(10).max(0)) // 'min (10) is greater than max (0)'
 */
export function fieldProblem(spec: FieldSpecData): string | undefined {
  let lo: Bound | undefined;
  let hi: Bound | undefined;
  for (const rule of spec.rules) {
    const mark = modifierOf(rule);
    if (mark === undefined) continue;
    const fits = MODIFIER_TYPES[mark.modifier];
    if (fits !== undefined && !fits.types.has(spec.type)) return `${mark.modifier} applies to ${fits.label} fields only, not ${spec.type}`;
    const stranger = mark.listed === undefined ? undefined : _stranger(mark.modifier, mark.listed, spec.type);
    if (stranger !== undefined) return stranger;
    if (mark.modifier !== 'min' && mark.modifier !== 'max') continue;
    const bound = _bound(mark, spec.type);
    if (typeof bound === 'string') return bound;
    if (rule.when !== undefined) continue;
    // The tightest: the highest min, the lowest max, and of two at one place the exclusive one.
    if (mark.modifier === 'min' && (lo === undefined || bound.at > lo.at || (bound.at === lo.at && bound.exclusive))) lo = bound;
    if (mark.modifier === 'max' && (hi === undefined || bound.at < hi.at || (bound.at === hi.at && bound.exclusive))) hi = bound;
  }
  return lo === undefined || hi === undefined ? undefined : _emptyRange(lo, hi, spec.type);
}

function _bound(mark: ModifierMark, type: FieldType): Bound | string {
  const b = mark.bound;
  const dated = type === 'date' || type === 'datetime';
  const at = b instanceof Date ? b.getTime() : typeof b === 'number' ? b : Number.NaN;
  // A bound of the other kind compares a date's milliseconds with a number; NaN compares false with everything.
  if ((dated ? !(b instanceof Date) : typeof b !== 'number') || Number.isNaN(at)) {
    return `${mark.modifier} must be ${dated ? 'a date' : 'a number'} on ${type === 'integer' ? 'an' : 'a'} ${type} field, not ${_show(b)}`;
  }
  // Values are finite (the parsers refuse Infinity, as YAML and JSON definitions refuse `.inf` and 1e400): `max(-Infinity)`
  // or `min(Infinity)` failed every value, `min(-Infinity)` or `max(Infinity)` checked nothing.
  if (!Number.isFinite(at)) {
    const none = (mark.modifier === 'min') === (at > 0);
    return `${mark.modifier} must be a finite number, not ${_show(b)}: ${none ? 'no value could meet it' : 'every value meets it, so it checks nothing'}`;
  }
  return { at, exclusive: mark.exclusive === true, shown: `${_show(b)}${mark.exclusive === true ? ', exclusive' : ''}` };
}

// What each type's values are, as `oneOf`/`notOneOf` compare them (exactly; a Date by its time). `any` holds anything.
const KINDS: Readonly<Record<FieldType, readonly [string, (v: unknown) => boolean] | undefined>> = {
  text: ['a text', (v) => typeof v === 'string'],
  enum: ['a text', (v) => typeof v === 'string'],
  integer: ['a whole number', (v) => Number.isInteger(v)],
  number: ['a number', (v) => typeof v === 'number' && !Number.isNaN(v)],
  boolean: ['a boolean', (v) => typeof v === 'boolean'],
  date: ['a Date', (v) => v instanceof Date && !Number.isNaN(v.getTime())],
  datetime: ['a Date', (v) => v instanceof Date && !Number.isNaN(v.getTime())],
  any: undefined,
};

/**
 * A listed value no value of the field can equal (`'0'` on an integer field, `0` on a text field), named: with it
 * `notOneOf` passed every value and `oneOf` failed every value, without a word.
 */
function _stranger(modifier: string, listed: readonly unknown[], type: FieldType): string | undefined {
  const kind = KINDS[type];
  if (kind === undefined) return undefined;
  const bad = listed.find((v) => !kind[1](v));
  if (bad === undefined && listed.every((v) => kind[1](v))) return undefined;
  const shown = typeof bad === 'string' ? JSON.stringify(bad) : _show(bad);
  return `${modifier} lists ${shown}, which is not ${kind[0]}: no value of ${type === 'integer' ? 'an' : 'a'} ${type} field ever equals it`;
}

function _emptyRange(lo: Bound, hi: Bound, type: FieldType): string | undefined {
  const both = `min (${lo.shown})`;
  if (!lo.exclusive && !hi.exclusive && lo.at > hi.at) return `${both} is greater than max (${hi.shown})`;
  if ((lo.exclusive || hi.exclusive) && lo.at >= hi.at) return `${both} is not less than max (${hi.shown})`;
  if (type !== 'integer') return undefined;
  // Integers only: `min` 1.2 and `max` 1.8 (or 1 and 2, both exclusive) leave none.
  const first = lo.exclusive ? Math.floor(lo.at) + 1 : Math.ceil(lo.at);
  const last = hi.exclusive ? Math.ceil(hi.at) - 1 : Math.floor(hi.at);
  return first > last ? `no integer is between ${both} and max (${hi.shown})` : undefined;
}

function _show(b: unknown): string {
  if (!(b instanceof Date)) return String(b);
  if (Number.isNaN(b.getTime())) return 'Invalid Date';
  const iso = b.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
