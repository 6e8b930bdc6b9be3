/** Cells of a reference that hold an array or an object, and the refusal they make of the table. */
export interface CompoundCells {
  /** Give it each cell the table reads that {@link isCompound} holds, with where it was read. */
  cell(value: object, column: string, row: number, line: number | undefined): void;
  /** Why the table cannot be used, when some cell it reads was an array or an object. */
  refused(): string | undefined;
}

/**
 * Whether a cell is an array or an object (a JSON record's nested value, a row given in code), not one value. A
 * `Date` is one value.
 * @example isCompound(['00004']) // true; isCompound('00004') // false; isCompound(new Date(0)) // false
 */
export function isCompound(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

/**
 * Watches reference `name` for key or kept cells that are an array or an object. Read as text, `["00004"]` is the
 * key "00004", `[1]` the key "1", `["00004","00006"]` "00004,00006" and an object "[object Object]": a checked row
 * naming such a key passed against a cell that holds a list, and a kept name read that way is compared as a guess.
 * The table is refused, naming the first such cell's line (else its 0-based row) and column and how many there are,
 * as a reference with records its reader dropped is; cells the rules do not read may hold anything.
 * @example const c = compoundCells('communes'); if (isCompound(v)) c.cell(v, 'code', 0, 1); c.refused() // "reference 'communes' holds 1 cell(s) …"
 */
export function compoundCells(name: string): CompoundCells {
  let count = 0;
  let first: string | undefined;
  return {
    cell(value, column, row, line) {
      count++;
      first ??= `${line === undefined ? `row ${row}` : `line ${line}`}, in '${column}': ${Array.isArray(value) ? 'an array' : 'an object'}`;
    },
    refused() {
      if (first === undefined) return undefined;
      return `reference '${name}' holds ${count} cell(s) the rules read that are an array or an object, not one value ` +
        `(the first at ${first}), so the key or value each stands for would be a guess; give each as a text or a number and run again`;
    },
  };
}
