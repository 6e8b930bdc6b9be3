import { missingTest } from '../core/missing.js';
import { INVALID, type DatasetDefinition } from '../core/types.js';

/** How text is folded before comparing. */
export interface TextOptions {
  readonly ignoreCase: boolean;
  readonly ignoreWhitespace: boolean;
  readonly nfc: boolean;
}

/** Turns a raw cell into the string it is compared as: equal strings mean equal cells. */
export type Canon = (raw: unknown) => string;

/** The text of a raw cell as read: absent cells are empty; numbers, booleans and bigints their decimal text. */
export function cellText(raw: unknown): string {
  if (raw === undefined || raw === null) return '';
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'bigint' || typeof raw === 'boolean') return String(raw);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? '' : raw.toISOString();
  return JSON.stringify(raw) ?? '';
}

/** The folding of text the options ask for, in a fixed order: NFC, then white space, then case. */
export function foldText(o: TextOptions): (text: string) => string {
  if (!o.ignoreCase && !o.ignoreWhitespace && !o.nfc) return (t) => t;
  return (t) => {
    let s = o.nfc ? t.normalize('NFC') : t;
    if (o.ignoreWhitespace) s = s.trim().replace(/\s+/g, ' ');
    return o.ignoreCase ? s.toLowerCase() : s;
  };
}

/**
 * The canonical form of one column's cells. Without a dataset field: the folded text. With one: missing cells (empty,
 * white space, the dataset's missing tokens) are all one value; valid cells are their typed value (numbers by value,
 * dates by instant, a date-time without an offset in the dataset's time zone, text folded); cells the field cannot parse are compared as folded text, never equal to a valid one.
 */
export function columnCanon(column: string, dataset: DatasetDefinition | undefined, o: TextOptions): Canon {
  const fold = foldText(o);
  const spec = dataset?.fields[column];
  if (dataset === undefined || spec === undefined) return (raw) => fold(cellText(raw));
  const isMissing = missingTest([...dataset.missingValues, ...spec.missingValues]);
  // A date-time without an offset is the wall-clock time of the dataset's zone, as in a run of it.
  const parse = dataset.timeZone === undefined || spec.zoned === undefined ? spec.parse : spec.zoned(dataset.timeZone);
  return (raw) => {
    if (isMissing(raw)) return '\u0000';
    const v = parse(raw);
    if (v === INVALID) return `x${fold(cellText(raw))}`;
    if (typeof v === 'string') return `s${fold(v)}`;
    if (typeof v === 'number') return `n${Object.is(v, -0) ? 0 : v}`;
    if (v instanceof Date) return `d${v.getTime()}`;
    if (typeof v === 'bigint' || typeof v === 'boolean') return `${typeof v}${String(v)}`;
    return `j${JSON.stringify(v) ?? ''}`;
  };
}
