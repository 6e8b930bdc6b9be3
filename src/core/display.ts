import { WallClockDate } from './wall-clock-date.js';

/** Longest value text outputs show: longer values are cut, with an ellipsis. */
const MAX_VALUE_LENGTH = 200;

/**
 * A value as text for outputs: strings as they are, dates in ISO form, long values cut. A date and time that names no
 * zone (a `WallClockDate`: an Excel date-time cell, a PostgreSQL `timestamp`) is shown without the `Z`, as the cell
 * holds it: in a run in Vietnam its 15:00 is 08:00Z, and `…T15:00:00.000Z` would name another instant.
 * Bytes are shown as PostgreSQL shows a `bytea`, `\x` and hex.
 * @example display(new WallClockDate(Date.UTC(2026, 10, 21, 15))) // '2026-11-21T15:00:00.000'
 * @example display(Buffer.from([0xde, 0xad])) // '\\xdead'
 */
export function display(value: unknown): string | undefined {
  let text: string;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') text = value;
  else if (value instanceof Date) {
    text = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (value instanceof WallClockDate && text.endsWith('Z')) text = text.slice(0, -1);
  }
  else if (value instanceof Uint8Array) {
    // Bytes (a PostgreSQL bytea, a Buffer) in PostgreSQL's hex form: JSON showed {"type":"Buffer","data":[…]}. Only
    // as many bytes as the cut keeps are written out, so a large value costs no more than a small one.
    text = `\\x${Buffer.from(value.buffer, value.byteOffset, Math.min(value.byteLength, MAX_VALUE_LENGTH)).toString('hex')}`;
  } else if (typeof value === 'object') {
    try {
      text = JSON.stringify(value) ?? Object.prototype.toString.call(value);
    } catch {
      // Cycles, BigInts inside: still something readable, never a throw.
      text = Object.prototype.toString.call(value);
    }
  } else text = String(value); // primitives only: symbols and bigints stringify, objects were handled above
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}
