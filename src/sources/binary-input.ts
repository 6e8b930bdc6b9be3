import type { SourceIssue } from '../core/source.js';

/** The finding and the read error of an input whose first bytes are a known binary format, not text. */
export interface BinaryInput {
  readonly issue: SourceIssue;
  readonly error: string;
}

/** Bytes `binaryInput` needs from the start of an input to recognise every format it knows. */
export const SIGNATURE_BYTES = 16;

interface Signature {
  readonly format: string;
  /** The leading bytes; `null` matches any byte. */
  readonly bytes: readonly (number | null)[];
  /** What to do instead, in the error. */
  readonly hint: string;
  /** The same in Vietnamese (`binaryInputVi`). */
  readonly hintVi: string;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/**
 * The pipe the gzip error suggests, in its own words so that a command reading its input otherwise (`ddss compare`
 * reads two, `ddss fix` no standard input) can say its own in place of it.
 */
export const GZIP_PIPE = 'zcat FILE | ddss validate - …';

/**
 * Formats users hand to a text reader by mistake (a compressed export, a workbook, a database file), by signatures
 * long enough that no text file starts with them: each holds a byte that is a control character, or bytes no
 * legacy Vietnamese encoding produces at the start of a header line.
 */
const SIGNATURES: readonly Signature[] = [
  { format: 'gzip', bytes: [0x1f, 0x8b, 0x08], hint: `decompress it first (gunzip, or \`${GZIP_PIPE}\`)`,
    hintVi: `hãy giải nén trước (gunzip, hoặc \`${GZIP_PIPE}\`)` },
  { format: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04], hint: 'an Excel workbook (.xlsx) is a zip archive: read it with --input-format xlsx; any other archive, extract it first',
    hintVi: 'sổ tính Excel (.xlsx) là một tệp nén zip: hãy đọc nó bằng --input-format xlsx; tệp nén khác thì hãy giải nén trước' },
  { format: 'zip', bytes: [0x50, 0x4b, 0x05, 0x06], hint: 'an empty zip archive holds no file to read',
    hintVi: 'tệp zip rỗng không chứa tệp nào để đọc' },
  { format: 'legacy Office (OLE2, e.g. an Excel 97–2003 .xls workbook)', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], hint: 'save it as .xlsx or CSV (UTF-8) first',
    hintVi: 'hãy lưu nó thành .xlsx hoặc CSV (UTF-8) trước' },
  { format: 'bzip2', bytes: [...ascii('BZh'), null, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59], hint: 'decompress it first (bunzip2)', hintVi: 'hãy giải nén trước (bunzip2)' },
  { format: 'xz', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], hint: 'decompress it first (unxz)', hintVi: 'hãy giải nén trước (unxz)' },
  { format: 'zstd', bytes: [0x28, 0xb5, 0x2f, 0xfd], hint: 'decompress it first (unzstd)', hintVi: 'hãy giải nén trước (unzstd)' },
  { format: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], hint: 'extract it first', hintVi: 'hãy giải nén trước' },
  { format: 'SQLite database', bytes: [...ascii('SQLite format 3'), 0x00], hint: 'export the table as CSV first (sqlite3 -csv -header …)',
    hintVi: 'hãy xuất bảng thành CSV trước (sqlite3 -csv -header …)' },
  { format: 'PDF', bytes: ascii('%PDF-'), hint: 'export the data as CSV from its source; a PDF table is not data ddss can read',
    hintVi: 'hãy xuất dữ liệu thành CSV từ nguồn của nó; bảng trong PDF không phải dữ liệu ddss đọc được' },
  { format: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], hint: 'an image is not data ddss can read', hintVi: 'hình ảnh không phải dữ liệu ddss đọc được' },
  { format: 'JPEG image', bytes: [0xff, 0xd8, 0xff], hint: 'an image is not data ddss can read', hintVi: 'hình ảnh không phải dữ liệu ddss đọc được' },
  // Programs: read as CSV an ELF binary gave "705 rows" and an encoding hint (a file given in place of another).
  { format: 'ELF executable', bytes: [0x7f, ...ascii('ELF')], hint: 'a program is not data ddss can read', hintVi: 'chương trình không phải dữ liệu ddss đọc được' },
  { format: 'Windows executable', bytes: [...ascii('MZ'), 0x90, 0x00], hint: 'a program is not data ddss can read', hintVi: 'chương trình không phải dữ liệu ddss đọc được' },
];

/**
 * The finding for an input that is a compressed file, a workbook, a database or a document rather than text, told by
 * its first bytes (at least {@link SIGNATURE_BYTES} of them, or all there are). Read as text such an input gives rows
 * of binary junk, a delimiter hint and an encoding hint — all beside the point — so it is `source.binary_input`
 * (sufficient, error, file scope: nothing in it could be read as the declared format) and the read fails, like an
 * empty input. `undefined` for anything else: text in any encoding, and binary data of no known format (which the
 * encoding checks report).
 * @example binaryInput(Uint8Array.of(0x1f, 0x8b, 0x08, 0)).error // 'the input is gzip data, not text: decompress it first …'
 */
export function binaryInput(head: Uint8Array): BinaryInput | undefined {
  const found = SIGNATURES.find((s) => s.bytes.length <= head.length && s.bytes.every((b, i) => b === null || head[i] === b));
  if (found === undefined) return undefined;
  return {
    issue: { code: 'binary_input', criterion: 'sufficient', severity: 'error', scope: 'file', params: { format: found.format } },
    error: `the input is ${found.format} data, not text: ${found.hint}`,
  };
}

/**
 * A {@link binaryInput} error in Vietnamese, its hint too: the error as a command quotes it, with the gzip pipe in that
 * command's own words (`readError`), which the Vietnamese keeps. Undefined for any other text.
 * @example binaryInputVi('the input is gzip data, not text: decompress it first (gunzip)') // 'đầu vào là dữ liệu gzip, không phải văn bản: hãy giải nén trước (gunzip)'
 */
export function binaryInputVi(error: string): string | undefined {
  for (const s of SIGNATURES) {
    const head = `the input is ${s.format} data, not text: `;
    if (!error.startsWith(head)) continue;
    const hint = error.slice(head.length);
    const vi = (hintVi: string) => `đầu vào là dữ liệu ${s.format}, không phải văn bản: ${hintVi}`;
    if (hint === s.hint) return vi(s.hintVi);
    // The gzip hint, its pipe left out or in a command's own words.
    const pipe = `, or \`${GZIP_PIPE}\``;
    const at = s.hint.indexOf(pipe);
    if (at < 0) continue;
    const [before, after] = [s.hint.slice(0, at), s.hint.slice(at + pipe.length)];
    if (!hint.startsWith(before) || !hint.endsWith(after) || hint.length < before.length + after.length) continue;
    const own = hint.slice(before.length, hint.length - after.length);
    if (own !== '' && !own.startsWith(', or `')) continue;
    const atVi = s.hintVi.indexOf(`, hoặc \`${GZIP_PIPE}\``);
    return vi(`${s.hintVi.slice(0, atVi)}${own === '' ? '' : `, hoặc ${own.slice(', or '.length)}`}${after}`);
  }
  return undefined;
}

/** What {@link screenBinary} found: the format, if the input is one, and then how many bytes it skipped. */
export interface BinaryScreen {
  found?: BinaryInput | undefined;
  skipped: number;
}

/**
 * The chunks of `input` as they come, once its first {@link SIGNATURE_BYTES} bytes (or all of a shorter input) say it
 * is no known binary format; when they do, `screen.found` says which, and the chunks are only counted
 * (`screen.skipped`), never handed on to be decoded. Chunks held meanwhile are handed on before a failure of the
 * input is rethrown, so the records before it still count. A text chunk (a string) ends the screening: text is text.
 * `recognise` tells the formats (default {@link binaryInput}; a reader adds what it cannot decode, as JSON UTF-16).
 * @example const screen: BinaryScreen = { skipped: 0 }; for await (const c of screenBinary(chunks, screen)) …
 */
export async function* screenBinary<T>(input: AsyncIterable<T> | Iterable<T>, screen: BinaryScreen,
  recognise: (head: Uint8Array) => BinaryInput | undefined = binaryInput): AsyncGenerator<T> {
  const head = new Uint8Array(SIGNATURE_BYTES);
  let kept = 0;
  let held: T[] | undefined = [];
  const size = (c: T): number => (c instanceof Uint8Array ? c.length : 0);
  const decide = (): T[] => {
    const chunks = held ?? [];
    held = undefined;
    screen.found = recognise(head.subarray(0, kept));
    if (screen.found === undefined) return chunks;
    for (const c of chunks) screen.skipped += size(c);
    return [];
  };
  try {
    for await (const chunk of input) {
      if (held === undefined) {
        if (screen.found === undefined) yield chunk;
        else screen.skipped += size(chunk);
        continue;
      }
      held.push(chunk);
      if (!(chunk instanceof Uint8Array)) {
        yield* decide();
        continue;
      }
      const n = Math.min(chunk.length, SIGNATURE_BYTES - kept);
      head.set(chunk.subarray(0, n), kept);
      kept += n;
      if (kept === SIGNATURE_BYTES) yield* decide();
    }
  } catch (e) {
    if (held !== undefined) yield* decide();
    throw e;
  }
  if (held !== undefined) yield* decide();
}
