import { crc32 } from './crc32.js';
import { readFailure } from './damaged-part.js';
import type { TypedCellScanner } from './typed-cells.js';
import { unprefixedTags } from './unprefixed-tags.js';

/** What `partText` checks a part of the workbook against, and how it reports a part that fails. */
export interface PartCheck {
  /** The local name of the part's root element (`worksheet`, `sst`, …): its text must end by closing it. */
  readonly root: string;
  /** The CRC-32 the zip records for the part, or undefined when it records none that can be read. */
  readonly crc: () => Promise<number | undefined>;
  /** The error for a damaged part: `why` says what is wrong with it (`was cut short …`). */
  readonly damaged: (why: string) => Error;
  /** The error for a part refused for its size: `why` says what is over which limit. */
  readonly tooLarge: (why: string) => Error;
  /** The most characters the whole part may hold: set for the parts held in memory whole (the shared strings). */
  readonly maxChars?: number;
  /** A sheet's pass over its text (`typedCellScanner`). */
  readonly scanner?: TypedCellScanner;
}

/** The longest text between two tags: 1,000 times Excel's 32,767 characters per cell; the XML parser holds a text whole. */
export const MAX_TEXT_RUN = 32 * 1024 * 1024;

// Room for the root's closing tag and what XML allows after it: white space, comments, processing instructions.
const TAIL = 4096;

/**
 * The text of one part of a workbook as its XML parser needs it, checked as it goes: UTF-8 decoded across chunk
 * boundaries (exceljs decodes each 16 KiB chunk alone, so a character cut between two became U+FFFD: its issues 2063,
 * 2316), and at the end the part must be whole. Why: exceljs' parsers never tell the XML parser that the text ended,
 * so a part cut short inside a valid zip (a failed export, a repacked file) read as fewer rows or fewer shared
 * strings without a word, and its unzipper does not compare an entry with its CRC-32, so bytes changed in the zip
 * that still inflate to well-formed XML (about one flipped bit in eight) read as other values. The part fails
 * (`check.damaged`) when its text does not close its root element, or its bytes do not match the CRC-32 the zip
 * records. Elements named with a namespace prefix are renamed without it (`unprefixedTags`), since exceljs' parsers
 * match names literally. Costs one CRC-32 (native in zlib) and a look at the last 4 KiB.
 * @example for await (const text of partText(chunks, check)) parser.write(text);
 */
export async function* partText(chunks: AsyncIterable<Uint8Array | string>, check: PartCheck): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let sum = 0;
  // A part handed over as text (its stream set to decode) has no bytes to sum: only its end is checked.
  let summed = true;
  let tail = '';
  // Characters decoded, and the length of the text since the last '<' (a run between tags, across chunks).
  let chars = 0;
  let run = 0;
  // Elements named with a prefix (`<x:row>`, as the .NET Open XML SDK writes) are renamed first, for exceljs' parsers
  // and the sheet's scanner alike.
  const names = unprefixedTags();
  const keep = (t: string): string => {
    tail = tail.length + t.length <= TAIL ? tail + t : (tail + t.slice(-TAIL)).slice(-TAIL);
    return t;
  };
  const pass = (text: string): string => {
    const t = names.scan(text);
    return keep(check.scanner === undefined ? t : check.scanner.scan(t));
  };
  const it = chunks[Symbol.asyncIterator]();
  let done = false;
  try {
    while (!done) {
      let next: IteratorResult<Uint8Array | string>;
      try {
        next = await it.next();
      } catch (e) {
        done = true; // a failed iterator is finished
        throw readFailure(e);
      }
      if (next.done === true) {
        done = true;
        break;
      }
      const c = next.value;
      let text: string;
      if (typeof c === 'string') {
        summed = false;
        text = c;
      } else {
        sum = crc32(c, sum);
        text = decoder.decode(c, { stream: true });
      }
      // Sizes are checked before the text goes on: a zip bomb (a few MB inflating to gigabytes) is refused with the
      // memory it has filled so far bounded, instead of a heap that grows until the process dies.
      chars += text.length;
      if (check.maxChars !== undefined && chars > check.maxChars) {
        throw check.tooLarge(`holds over ${mib(check.maxChars)} of XML, more than ddss holds in memory (a zip bomb, or a ` +
          'table no register needs): save the sheet as CSV UTF-8 in Excel and validate that, which is read as a stream');
      }
      const lt = text.lastIndexOf('<');
      const longest = lt === -1 ? run + text.length : Math.max(run + text.indexOf('<'), 0);
      run = lt === -1 ? run + text.length : text.length - lt - 1;
      if (Math.max(longest, run) > MAX_TEXT_RUN) {
        throw check.tooLarge(`holds a text of over ${mib(MAX_TEXT_RUN)} between two tags, 1,000 times what an Excel cell holds ` +
          '(a zip bomb, or not a workbook Excel wrote)');
      }
      const t = pass(text);
      if (t !== '') yield t;
    }
  } finally {
    // Stopped early (the parser failed, or the reader was left): the chunks' source is closed, as for await would.
    if (!done) await it.return?.();
  }
  const last = pass(decoder.decode());
  const named = names.end();
  const rest = last + keep(check.scanner === undefined ? named : check.scanner.scan(named) + check.scanner.end());
  if (rest !== '') yield rest;
  const expected = summed ? await check.crc() : undefined;
  if (expected !== undefined && expected !== sum) {
    throw check.damaged('does not match the checksum (CRC-32) the zip records for it: its bytes were changed after it ' +
      'was written (a damaged copy or download)');
  }
  if (!closes(tail, check.root)) {
    throw check.damaged(`ends before its XML does (no closing </${check.root}>): it was cut short (a failed export ` +
      'or a damaged copy), and what came after the cut is missing');
  }
}

const ROOT_TAGS = new Map<string, RegExp>();

/**
 * True when `tail` ends by closing the root element `root` (any namespace prefix), or is that element, empty, followed
 * only by what XML allows after it: white space, comments and processing instructions. Stepping back from the end
 * (rather than one regular expression over the tail) keeps the look linear in the tail whatever it holds.
 */
function closes(tail: string, root: string): boolean {
  let end = tail.length;
  for (;;) {
    while (end > 0 && /\s/.test(tail.charAt(end - 1))) end--;
    const t = tail.slice(0, end);
    const open = t.endsWith('-->') ? t.lastIndexOf('<!--') : t.endsWith('?>') ? t.lastIndexOf('<?') : -2;
    if (open === -2) break;
    if (open === -1) return false;
    end = open;
  }
  const lt = tail.lastIndexOf('<', end - 1);
  if (lt === -1 || tail.charAt(end - 1) !== '>') return false;
  let re = ROOT_TAGS.get(root);
  if (re === undefined) {
    const name = `(?:[A-Za-z_][\\w.-]*:)?${root}`;
    re = new RegExp(`^(?:</${name}\\s*>|<${name}(?:\\s[^<>]*)?/>)$`);
    ROOT_TAGS.set(root, re);
  }
  return re.test(tail.slice(lt, end));
}

function mib(chars: number): string {
  return `${Math.round(chars / (1024 * 1024))} MiB`;
}
