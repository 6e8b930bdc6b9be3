import { argKind, shownArg } from './arg-kind.js';
import { checkOptionKeys } from './option-keys.js';

/**
 * Checks of the arguments that say how a field reads its values (`field.date(format)`, `field.number(format)`,
 * `field.boolean(format)`, the lists of `field.enum` and `oneOf`), for JavaScript callers and options objects
 * TypeScript does not check. Why: each was read loosely, so a mistake changed what the field accepted without a word —
 * `field.number({ decimal: ';' })` read `.` decimals, `field.number({ decimals: ',' })` too (a Vietnamese `1,5` then
 * failed every row as no number), `field.boolean({ true: 'có' })` accepted `c` and `ó`, `oneOf('Nam')` listed `N`, `a`
 * and `m` — or failed with a TypeError naming nothing (`format.replace is not a function` for
 * `field.date({ format: 'dd/MM/yyyy' })`).
 */

/**
 * Whether `x` is a list of texts (missing values, a boolean format's lists): an array of texts only. A text is not one
 * (`'NA'` is iterable, letter by letter), and neither is an array with a hole (`['NA', , '-']`): `every` skips holes,
 * so the hole passed and failed later as `Cannot read properties of undefined (reading 'trim')`.
 * @example isTextList(['NA', '-']) // true; isTextList('NA') // false
 */
export function isTextList(x: unknown): x is readonly string[] {
  return Array.isArray(x) && Array.from(x as unknown[], (v) => typeof v === 'string').every(Boolean);
}

/**
 * What was given where a list of texts was expected, for the error: a text quoted (`"NA"`), a list by its first entry
 * that is no text (`a list holding undefined` for a hole, `a list holding 0`), anything else by its kind.
 * @example shownTextList('NA') // '"NA"'; shownTextList(['NA', , '-']) // 'a list holding undefined'
 */
export function shownTextList(x: unknown): string {
  if (!Array.isArray(x)) return typeof x === 'string' ? JSON.stringify(x) : argKind(x);
  return `a list holding ${shownArg(Array.from(x as unknown[]).find((v) => typeof v !== 'string'))}`;
}

/** A date format is text: `field.date('dd/MM/yyyy')`. */
export function checkDateFormatArg(format: unknown): asserts format is string {
  if (typeof format === 'string') return;
  const hint = typeof format === 'object' && format !== null && typeof (format as { format?: unknown }).format === 'string'
    ? ` (did you mean field.date(${JSON.stringify((format as { format: string }).format)})?)` : '';
  throw new TypeError(`ddss: field.date takes its date-fns format as text, e.g. field.date('dd/MM/yyyy'); got ${argKind(format)}${hint}`);
}

const DECIMALS = ['.', ','];
const THOUSANDS = ['.', ',', ' '];

/** A number format: `{ decimal?: '.' | ',', thousands?: '.' | ',' | ' ' }`, nothing else. */
export function checkNumberFormatArg(format: unknown): void {
  if (format === undefined) return;
  checkOptionKeys(format as object, ['decimal', 'thousands'], 'field.number');
  const { decimal, thousands } = format as { decimal?: unknown; thousands?: unknown };
  if (decimal !== undefined && !DECIMALS.includes(decimal as string)) {
    throw new TypeError(`ddss: field.number: decimal must be "." or ",", got ${shownArg(decimal)}`);
  }
  if (thousands !== undefined && !THOUSANDS.includes(thousands as string)) {
    throw new TypeError(`ddss: field.number: thousands must be ".", "," or " ", got ${shownArg(thousands)}`);
  }
}

/** A boolean format: `{ true?: string[], false?: string[] }`, each a list of texts. */
export function checkBooleanFormatArg(format: unknown): void {
  if (format === undefined) return;
  checkOptionKeys(format as object, ['true', 'false'], 'field.boolean');
  for (const side of ['true', 'false'] as const) {
    const list = (format as Record<string, unknown>)[side];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      throw new TypeError(`ddss: field.boolean: ${side} must be a list of texts, e.g. { ${side}: [${JSON.stringify(typeof list === 'string' ? list : side === 'true' ? 'có' : 'không')}] }; got ${argKind(list)}`);
    }
    if (!isTextList(list)) {
      const bad = Array.from(list as unknown[]).find((v) => typeof v !== 'string'); // a hole reads as undefined
      throw new TypeError(`ddss: field.boolean: ${side} must be a list of texts; it holds ${shownArg(bad)}`);
    }
  }
}

/**
 * A list of values (`oneOf`, `notOneOf`, `field.enum`): any iterable but a text, whose characters were read as the
 * list. `texts`: every value must be text (an enum is a text field: a number in its list was never equal to any cell).
 */
export function listArg(what: string, values: unknown, texts = false): unknown[] {
  if (typeof values === 'string') {
    throw new TypeError(`ddss: ${what} takes a list of values, not a text: did you mean ${what}([${JSON.stringify(values)}])?`);
  }
  if (typeof values !== 'object' || values === null || typeof (values as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new TypeError(`ddss: ${what} takes a list of values, got ${argKind(values)}`);
  }
  const list = [...(values as Iterable<unknown>)]; // a hole of an array is undefined here
  const at = texts ? list.findIndex((v) => typeof v !== 'string') : -1;
  if (at >= 0) {
    const bad = list[at];
    throw new TypeError(`ddss: ${what} lists texts (it is a text field); it holds ${shownArg(bad)}${typeof bad === 'number' ? ` (write ${JSON.stringify(String(bad))}, or use field.integer().oneOf([…]))` : ''}`);
  }
  return list;
}
