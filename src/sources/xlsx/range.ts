/** A block of cells, 1-based and inclusive. */
export interface CellRange {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

const CELL = /^([A-Z]{1,3})?(\d+)?$/;

/**
 * Parses an A1-style range (`A3:F2000`, `B:F`, `2:500`); a RangeError for anything else.
 * @example parseRange('B2:D10') // { top: 2, bottom: 10, left: 2, right: 4 }
 */
export function parseRange(text: string): CellRange {
  const parts = text.trim().toUpperCase().replace(/\$/g, '').split(':');
  const a = parts.length === 2 ? CELL.exec(parts[0] as string) : null;
  const b = parts.length === 2 ? CELL.exec(parts[1] as string) : null;
  if (a === null || b === null || (a[1] === undefined) !== (b[1] === undefined) || (a[2] === undefined) !== (b[2] === undefined) ||
    (a[1] === undefined && a[2] === undefined)) {
    throw new RangeError(`ddss: the range "${text}" is not in A1 notation (such as A3:F2000, B:F or 2:500)`);
  }
  const col = (s: string | undefined, d: number) => (s === undefined ? d : columnNumber(s));
  const row = (s: string | undefined, d: number) => (s === undefined ? d : Number(s));
  const r = { top: row(a[2], 1), bottom: row(b[2], Infinity), left: col(a[1], 1), right: col(b[1], Infinity) };
  if (r.top < 1 || r.top > r.bottom || r.left > r.right) throw new RangeError(`ddss: the range "${text}" is empty or reversed`);
  return r;
}

/**
 * The number of a column from its letters: `A` → 1, `AB` → 28.
 * @example columnNumber('AB') // 28
 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

/** `1` → `A`, `28` → `AB`. */
export function columnName(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
