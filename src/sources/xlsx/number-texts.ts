import type { TypedCellScanner } from './typed-cells.js';

// A number cell (no `t`, or `t="n"`) and its value: the tag's attributes, then an optional formula, then `<v>`.
const CELL = /<c((?:\s[^<>]*)?)>((?:<f[^<>]*\/>|<f[^<>]*>[^<]*<\/f>)?)<v>([^<]*)<\/v>/g;
// What makes a chunk worth looking into: a value with a character other than a digit (a decimal point included), or
// of 16 digits or more.
const WORTH = /<v>\d*[^0-9<][^<]*<\/v>|<v>\d{16}/;
// Digits alone: an integer, whose text a double may not hold.
const DIGITS = /^\s*-?\d{16,}\s*$/;
// A number as Excel stores it (`12`, `-1.5`, `1.2E+15`); spaces around it are left by some writers.
const NUMBER = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
const TYPE = /\st\s*=\s*["']([^"']*)["']/;
// The longest number cell worth holding back across chunks: its formula may run long; a longer one passes unchecked.
const LONGEST_CELL = 4096;

/**
 * A pass over a sheet's XML text that hands exceljs a number cell whose value is no number (`<c><v>1,5</v></c>`, as
 * writers that print numbers in the Vietnamese way write them) as the text it holds (`t="str"`), for the rules to
 * judge. Why: exceljs reads a number cell with parseFloat, which stops at the first character that is not part of a
 * number: `1,5` read as 1, `12abc` as 12 and `1.2.3` as 1.2, without a word. Read as text, a number field reports it
 * (`invalid_type`), or reads it in its declared format (`decimal: ','`). A cell cut by the end of a chunk is held back
 * to the next one. So is an integer of more digits than a number holds (`12345678901234567890`, an identifier written
 * as a number by a program: Excel keeps 15), which read as 12345678901234567000: as text, an identifier keeps its
 * digits. Chunks whose values are all digits, fewer than 16, pass as they are.
 * @example numberTexts().scan('<c r="B2"><v>1,5</v></c>') // '<c r="B2" t="str"><v>1,5</v></c>'
 */
export function numberTexts(): TypedCellScanner {
  let held = '';
  const look = (t: string): string => {
    if (!WORTH.test(t)) return t;
    return t.replace(CELL, (cell: string, attrs: string, formula: string, value: string) => {
      const type = TYPE.exec(attrs)?.[1];
      if ((type !== undefined && type !== 'n') || (NUMBER.test(value) && !lostDigits(value))) return cell;
      const typed = type === undefined ? `${attrs} t="str"` : attrs.replace(TYPE, ' t="str"');
      return `<c${typed}>${formula}<v>${value}</v>`;
    });
  };
  return {
    scan(text) {
      const t = held + text;
      held = '';
      const start = Math.max(t.lastIndexOf('<c '), t.lastIndexOf('<c>'));
      const tagEnd = start === -1 ? -1 : t.indexOf('>', start);
      const open = tagEnd === -1 || t.charCodeAt(tagEnd - 1) !== 47; // not `<c …/>`, an empty cell
      if (start !== -1 && t.length - start < LONGEST_CELL && open && !t.includes('</c>', start)) {
        held = t.slice(start);
        return look(t.slice(0, start));
      }
      return look(t);
    },
    end() {
      const rest = held;
      held = '';
      return look(rest);
    },
  };
}

/** True for an integer whose digits a number does not hold (`12345678901234567890` reads as …67000). */
function lostDigits(value: string): boolean {
  if (!DIGITS.test(value)) return false;
  const text = value.trim().replace(/^(-?)0+(?=\d)/, '$1');
  return String(Number(text)) !== text;
}
