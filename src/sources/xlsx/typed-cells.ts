import { columnNumber } from './range.js';

/**
 * A cell's stored type that exceljs' streaming reader loses: an error (`t="e"`), a boolean (`t="b"`) or an ISO 8601
 * date (`t="d"`).
 */
export type StoredType = 'e' | 'b' | 'd';

/** Row number → column number → the stored type of that cell, for the cells stored as an error, a boolean or a date. */
export type TypedCells = Map<number, Map<number, StoredType>>;

/** A pass over a sheet's XML text, chunk by chunk (`scan`, then `end` for what it held back). */
export interface TypedCellScanner {
  scan(text: string): string;
  end(): string;
}

// Excel and the other writers quote attributes with ", and a cell tag holds no '>' (its attributes are r, s, t, cm, vm)
// nor '<' (never in XML attributes): stopping at '<' keeps the search linear in text with no '>'.
const TYPED = /\st="[ebd]"/;
// A cell tag may be named with a prefix (`<x:c …>`, as the .NET Open XML SDK writes): the scanner sees it either way.
const CELL_TAG = /<(?:[A-Za-z_][\w.-]*:)?c\s[^<>]*>/g;
const TYPE = /\st="([ebd])"/;
const REF = /\sr="([A-Z]{1,3})(\d{1,7})"/;
// A tag cut by the end of a chunk is held back to the next one; text that long after a '<' is no row or cell tag.
const LONGEST_TAG = 1024;

/**
 * Records in `cells` the cells stored as an error, a boolean or a date, and hands exceljs an error or a date cell as
 * text (`t="str"`).
 * Why: exceljs reads a formula's cached result as a number whatever its type, and then drops what is not truthy: a
 * formula whose result is an error (`#DIV/0!`) came out as NaN and was dropped (a formula "without a value"), one
 * whose result is TRUE or FALSE as 1 or 0. Read as text, the error keeps its words (`#DIV/0!`), and `cellValue` makes
 * it an `error_cell` because the cell is recorded here as an error. A date cell (`<c t="d"><v>2024-03-05T00:00:00</v>`,
 * ECMA-376's ISO 8601 cells, which some writers use) was read with parseFloat: the year alone, 2024, or with a date
 * format the 2024th day of 1900; read as text, `cellValue` makes it a date. Only chunks that hold `t="e"`, `t="b"` or
 * `t="d"` are rewritten; the others pass as they are.
 * @example const s = typedCellScanner(cells); s.scan('<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>') // … t="str" …
 */
export function typedCellScanner(cells: TypedCells): TypedCellScanner {
  const mark = (tag: string): string => {
    const type = TYPE.exec(tag)?.[1] as StoredType | undefined;
    const ref = REF.exec(tag);
    if (type === undefined || ref === null) return tag;
    const row = Number(ref[2]);
    const inRow = cells.get(row) ?? new Map<number, StoredType>();
    cells.set(row, inRow.set(columnNumber(ref[1] as string), type));
    return type === 'b' ? tag : tag.replace(TYPE, ' t="str"');
  };
  return wholeTags((t) => (TYPED.test(t) ? t.replace(CELL_TAG, mark) : t));
}

/**
 * A pass over a sheet's text that sees whole tags only: a tag cut by a chunk's end (a '<' with no '>' after it) is held
 * back and handed on with the next chunk, or at the end. Shared by the passes that rewrite tags.
 * @example const s = wholeTags((t) => t); s.scan('<c r="A1"/><c r') // '<c r="A1"/>' (and '<c r' waits for the next chunk)
 */
export function wholeTags(pass: (text: string) => string): TypedCellScanner {
  let held = '';
  return {
    scan(text) {
      let t = held === '' ? text : held + text;
      held = '';
      const lt = t.lastIndexOf('<');
      if (lt !== -1 && t.length - lt < LONGEST_TAG && !t.includes('>', lt)) {
        held = t.slice(lt);
        t = t.slice(0, lt);
      }
      return pass(t);
    },
    end() {
      const rest = held;
      held = '';
      return pass(rest);
    },
  };
}
