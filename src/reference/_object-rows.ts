/** An in-code reference's rows with those that are not records held back, and the refusal they make of the table. */
export interface ObjectRows {
  /** The rows that are records (objects, Maps), in order. */
  readonly rows: Iterable<unknown> | AsyncIterable<unknown>;
  /** Why the table cannot be used, when some row was not a record. */
  refused(): string | undefined;
}

/**
 * Screens rows given in code (an array, an iterable): only objects and Maps are records. A row that is `null`, a
 * string, a number or an array has no named cells, so it would be read as a record with every cell empty (or, an
 * array, by position against the first record's property order: a guess). For a reference (`subject` "reference
 * 'population'") every checked row naming the person or code it stood for would get a confident but false
 * `not_in_reference`; for a comparison (`subject` "the copy") the row would be compared as empty cells. The caller
 * refuses the whole input, as one whose file could not be read whole, naming the first such row's 0-based index and
 * how many there are (`consequence` says what judging the rest would do); it must hand over records, not have part
 * of them judged.
 * @example const o = objectRows("reference 'communes'", [{ code: '00004' }, null], 'their keys would be reported as not in it'); …read o.rows…; o.refused() // "…1 row(s)…index 1…"
 */
export function objectRows(subject: string, input: Iterable<unknown> | AsyncIterable<unknown>, consequence: string): ObjectRows {
  let count = 0;
  let first: { index: number; type: string } | undefined;
  let index = 0;
  const record = (row: unknown): boolean => {
    const at = index++;
    if (typeof row === 'object' && row !== null && !Array.isArray(row)) return true;
    count++;
    first ??= { index: at, type: row === null ? 'null' : Array.isArray(row) ? 'an array' : `a ${typeof row}` };
    return false;
  };
  // An array stays an array (a source reports `kind: 'array'` for it); an iterable is screened as it is read.
  const rows = Array.isArray(input) ? input.filter(record) : Symbol.asyncIterator in input
    ? (async function* screened(): AsyncGenerator<unknown> { for await (const r of input) if (record(r)) yield r; })()
    : (function* screened(): Generator<unknown> { for (const r of input) if (record(r)) yield r; })();
  return {
    rows,
    refused() {
      if (first === undefined) return undefined;
      return `${subject} holds ${count} row(s) that are not records (the first at index ${first.index}: ${first.type}), ` +
        `so ${consequence}; give each row as an object and run again`;
    },
  };
}
