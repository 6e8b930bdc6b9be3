/** Longest value text outputs show: longer values are cut, with an ellipsis. */
const MAX_VALUE_LENGTH = 200;

/** A value as text for outputs: strings as they are, dates in ISO form, long values cut. */
export function display(value: unknown): string | undefined {
  let text: string;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') text = value;
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  else if (typeof value === 'object') {
    try {
      text = JSON.stringify(value) ?? Object.prototype.toString.call(value);
    } catch {
      // Cycles, BigInts inside: still something readable, never a throw.
      text = Object.prototype.toString.call(value);
    }
  } else text = String(value); // primitives only: symbols and bigints stringify, objects were handled above
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}
