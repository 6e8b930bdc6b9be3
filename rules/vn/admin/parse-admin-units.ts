import type { DatedTable } from '../tables/dated.js';
import { parseCsv } from './_csv.js';
import { checkJsonEntries } from './_json-entries.js';
import { withVi } from '../../../src/core/rule-base.js';

/** An error about the list, in English and in Vietnamese (`ddss refdata import --locale vi`). */
function listError(en: string, vi: string): Error {
  return withVi(new Error(`ddss: ${en}`), `ddss: ${vi}`);
}

/** Where a message says a row of the list is, in both languages: `line 5` (`dòng 5`), `entry 2` (`mục 2`). */
interface Where {
  readonly en: string;
  readonly vi: string;
}

/** One commune-level unit (xã, phường, thị trấn, đặc khu) of an administrative-unit list. */
export interface AdminUnit {
  /** 5-digit commune code (QĐ 124/2004/QĐ-TTg). */
  readonly code: string;
  readonly name: string;
  /** The unit's level as the list writes it (`Xã`, `Phường`, `Thị trấn`, `Đặc khu`). */
  readonly level?: string;
  /** 2-digit province code. */
  readonly province: string;
  /** 3-digit district code (lists before 1/7/2025 only). */
  readonly district?: string;
  /** Codes of the units of the next scheme that took over this one (a many-to-many mapping). */
  readonly successors?: readonly string[];
}

/** A dated commune list: `{ version, validFrom, validTo?, source, entries: AdminUnit[] }`. */
export type CommuneTable = DatedTable<readonly AdminUnit[]>;

export interface AdminUnitColumns {
  readonly code: string;
  readonly name: string;
  readonly level?: string;
  readonly province: string;
  readonly district?: string;
  readonly successors?: string;
}

export interface AdminUnitOptions {
  /** Input format; default: JSON when the text starts with `{` or `[`, else CSV. */
  readonly format?: 'csv' | 'json';
  /** Column names; default: recognised from common headers (see `HEADER_ALIASES`). */
  readonly columns?: Partial<AdminUnitColumns>;
  /** Scheme name, e.g. `'2025-07-01'` (required unless the JSON is a whole table). */
  readonly scheme?: string;
  /** First day the list is in force, `yyyy-MM-dd` (required unless the JSON is a whole table). */
  readonly validFrom?: string;
  readonly validTo?: string;
  /** Where the list comes from (required unless the JSON is a whole table). */
  readonly source?: string;
}

const fold = (h: string): string =>
  h.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().trim().replace(/[\s_]+/g, ' ');

/** Headers recognised without `columns`, folded (no accents, lower case), in order of preference. */
export const HEADER_ALIASES: Readonly<Record<keyof AdminUnitColumns, readonly string[]>> = {
  code: ['code', 'commune code', 'ward code', 'ma', 'ma xa', 'ma px', 'ma phuong xa', 'ma dvhc'],
  name: ['name', 'commune full name', 'full name', 'ten', 'ten day du', 'phuong xa', 'ten xa', 'ten dvhc', 'commune name', 'ward name'],
  level: ['level', 'unit type', 'cap', 'loai'],
  province: ['province', 'province code', 'ma tp', 'ma tinh', 'ma tinh tp'],
  district: ['district', 'district code', 'ma qh', 'ma huyen', 'ma quan huyen'],
  successors: ['successors', 'new code', 'ma moi'],
};

const WIDTH = { code: 5, province: 2, district: 3 } as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What a code is, in both languages. */
const CODE_WORDS = {
  commune: { en: 'commune code', vi: 'mã xã' },
  successor: { en: 'successor', vi: 'mã kế thừa' },
  province: { en: 'province code', vi: 'mã tỉnh' },
  district: { en: 'district code', vi: 'mã huyện' },
} as const;

/** A code cell: trimmed, digits only, left-padded to its width (lists saved from spreadsheets lose leading zeros). */
function codeOf(raw: string, width: number, what: keyof typeof CODE_WORDS, where: Where): string {
  const t = raw.trim();
  if (!/^\d+$/.test(t) || t.length > width) {
    throw listError(`${where.en}: ${CODE_WORDS[what].en} "${raw}" is not a ${width}-digit code`,
      `${where.vi}: ${CODE_WORDS[what].vi} "${raw}" không phải là mã ${width} chữ số`);
  }
  return t.padStart(width, '0');
}

/**
 * Whether `day` is a calendar day written `yyyy-MM-dd`. `Date` reads 2008-13-45 as no time at all (its ISO text then
 * throws "Invalid time value") and 2008-02-30 as 1 March: only a day that comes back as written is one.
 * @example isDay('2008-02-29') // true; isDay('2009-02-29') // false
 */
export function isDay(day: string): boolean {
  if (!DAY.test(day)) return false;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(day);
}

/**
 * A commune table that would end before it starts. `given` says which dates the options set rather than the list, so
 * a caller can tell its own mistake (`ddss refdata import --valid-to`: a usage error) from the file's.
 * @example new TableDatesError('2025-07-01', '2020-01-01', { validFrom: false, validTo: true }).message
 * // "ddss: validTo 2020-01-01 is before the table's own validFrom 2025-07-01"
 */
export class TableDatesError extends RangeError {
  constructor(readonly validFrom: string, readonly validTo: string,
    readonly given: { readonly validFrom: boolean; readonly validTo: boolean }) {
    super(given.validTo === given.validFrom ? `ddss: validTo ${validTo} is before validFrom ${validFrom}`
      : given.validTo ? `ddss: validTo ${validTo} is before the table's own validFrom ${validFrom}`
        : `ddss: validFrom ${validFrom} is after the table's own validTo ${validTo}`);
    withVi(this, given.validTo === given.validFrom ? `ddss: validTo ${validTo} trước validFrom ${validFrom}`
      : given.validTo ? `ddss: validTo ${validTo} trước validFrom ${validFrom} của chính bảng`
        : `ddss: validFrom ${validFrom} sau validTo ${validTo} của chính bảng`);
  }
}

function checkDay(day: string | undefined, what: string): void {
  if (day !== undefined && !isDay(day)) throw listError(`${what} must be a date yyyy-MM-dd, got "${day}"`, `${what} phải là một ngày yyyy-MM-dd, nhận được "${day}"`);
}

/** Where the column names of a list are: a CSV's header, or the keys of a JSON list's entries. */
type Keys = 'header' | 'entries';

/** A row of a list: its cells as text and, for JSON, the cells that held an array or an object (by column). */
interface Row {
  readonly cells: readonly string[];
  /** Where messages say the row is: `line 5`, or `entry 2` of a JSON list whose lines are not known. */
  readonly where: Where;
  readonly compound?: ReadonlyMap<number, 'an array' | 'an object'>;
}

/** Builds the table from rows of cells under a header, with the columns resolved by name or alias. */
function fromRows(header: readonly string[], rows: readonly Row[], o: AdminUnitOptions, keys: Keys): readonly AdminUnit[] {
  const folded = header.map(fold);
  // A JSON list has no header: its column names are its entries' keys.
  const word = keys === 'header' ? 'column' : 'key';
  const wordVi = keys === 'header' ? 'cột' : 'khóa';
  const place = keys === 'header' ? { en: 'the header', vi: 'dòng tiêu đề' } : { en: 'the entries', vi: 'các mục' };
  const index = (key: keyof AdminUnitColumns, required: boolean): number | undefined => {
    const wanted = o.columns?.[key];
    const names = wanted !== undefined ? [fold(wanted)] : HEADER_ALIASES[key];
    const all = folded.flatMap((h, at) => (names.includes(h) ? [at] : []));
    // Two columns that both name the code (`Mã xã` twice, `code` and `Mã xã`): the first was read without a word,
    // though the list may have meant the other. A reference refuses the same (duplicate_header).
    if (all.length > 1) {
      const which = all.map((at) => `"${header[at] ?? ''}"${keys === 'header' ? ` (column ${at + 1})` : ''}`).join(', ');
      const whichVi = all.map((at) => `"${header[at] ?? ''}"${keys === 'header' ? ` (cột ${at + 1})` : ''}`).join(', ');
      const same = all.every((at) => folded[at] === folded[all[0] as number]);
      throw listError(`the ${keys === 'header' ? 'header holds' : 'entries hold'} ${all.length} ${word}s for the ${key}: ${which}, ` +
        `so which one is meant is not known; ${same ? `name each ${word} once` : `name the one to read (columns: { ${key}: … }; ddss refdata import --column ${key}=NAME)`}`,
      `${place.vi} có ${all.length} ${wordVi} cho ${key}: ${whichVi}, nên không biết ${wordVi} nào được dùng; ` +
        `${same ? `hãy đặt tên mỗi ${wordVi} một lần` : `hãy chỉ rõ ${wordVi} cần đọc (columns: { ${key}: … }; ddss refdata import --column ${key}=TÊN)`}`);
    }
    const i = wanted !== undefined ? all[0] ?? -1 : HEADER_ALIASES[key].map((a) => folded.indexOf(a)).find((x) => x >= 0) ?? -1;
    if (i >= 0) return i;
    if (required || wanted !== undefined) {
      throw listError(`no ${wanted === undefined ? `${key} ${word} (looked for ${HEADER_ALIASES[key].join(', ')})` : `${word} "${wanted}"`} ` +
        `in ${place.en}`,
      `không có ${wanted === undefined ? `${wordVi} ${key} (đã tìm ${HEADER_ALIASES[key].join(', ')})` : `${wordVi} "${wanted}"`} trong ${place.vi}`);
    }
    return undefined;
  };
  const at = { code: index('code', true), name: index('name', true), level: index('level', false), province: index('province', true),
    district: index('district', false), successors: index('successors', false) };
  const seen = new Set<string>();
  const out: AdminUnit[] = [];
  for (const { cells, where, compound } of rows) {
    // A cell past the header's columns belongs to no column: it was dropped without a word, and the row's other cells
    // may be shifted (a name with an unquoted comma).
    const extra = keys === 'header' ? cells.findIndex((c, i) => i >= header.length && c.trim() !== '') : -1;
    if (extra >= 0) {
      throw listError(`${where.en}: a cell past the header's ${header.length} columns ("${cells[extra] ?? ''}"): ` +
        'the row does not fit the header (quote a value that holds the delimiter)',
      `${where.vi}: một ô nằm ngoài ${header.length} cột của dòng tiêu đề ("${cells[extra] ?? ''}"): dòng không khớp với ` +
        'dòng tiêu đề (hãy đặt giá trị có chứa dấu phân cách trong dấu ngoặc kép)');
    }
    // A JSON value read as text is a guess (["00007"] the code 00007, an object the name "[object Object]"): only
    // successors may be a list.
    for (const [i, kind] of compound ?? []) {
      const read = i === at.code || i === at.name || i === at.level || i === at.province || i === at.district || i === at.successors;
      if (read && !(i === at.successors && kind === 'an array')) {
        throw listError(`${where.en}: "${header[i] ?? ''}" is ${kind}, not one value`,
          `${where.vi}: "${header[i] ?? ''}" là ${kind === 'an array' ? 'một mảng' : 'một đối tượng'}, không phải một giá trị`);
      }
    }
    const cell = (i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim());
    const code = codeOf(cell(at.code), WIDTH.code, 'commune', where);
    if (seen.has(code)) throw listError(`${where.en}: commune code ${code} appears twice`, `${where.vi}: mã xã ${code} xuất hiện hai lần`);
    seen.add(code);
    const name = cell(at.name).normalize('NFC');
    if (name === '') throw listError(`${where.en}: commune ${code} has no name`, `${where.vi}: xã ${code} không có tên`);
    const level = cell(at.level).normalize('NFC');
    const district = cell(at.district);
    const successors = cell(at.successors).split(/[\s;|,]+/).filter((s) => s !== '').map((s) => codeOf(s, WIDTH.code, 'successor', where));
    out.push({
      code, name, ...(level === '' ? {} : { level }), province: codeOf(cell(at.province), WIDTH.province, 'province', where),
      ...(district === '' ? {} : { district: codeOf(district, WIDTH.district, 'district', where) }),
      ...(successors.length === 0 ? {} : { successors }),
    });
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * JSON rows (objects) as header + cells, reading own properties only; arrays and objects are marked (`Row.compound`).
 * `lines`: the line each entry starts on, as the file's reader saw them (the entry's number when they do not match).
 */
function jsonRows(items: readonly unknown[], lines: readonly number[]): { header: string[]; rows: Row[] } {
  const header: string[] = [];
  for (const item of items) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw listError('JSON entries must be objects', 'các mục JSON phải là đối tượng');
    for (const k of Object.keys(item)) if (!header.includes(k)) header.push(k);
  }
  const cellText = (v: unknown) => (v === undefined || v === null ? '' : Array.isArray(v) ? v.join(' ') : String(v));
  const known = lines.length === items.length && lines.every((l) => l > 0);
  const starts = new Map<number, number>();
  if (known) for (const l of lines) starts.set(l, (starts.get(l) ?? 0) + 1);
  return { header, rows: items.map((item, i) => {
    const values = header.map((k) => (Object.hasOwn(item as object, k) ? (item as Record<string, unknown>)[k] : undefined));
    const compound = new Map<number, 'an array' | 'an object'>();
    values.forEach((v, c) => {
      if (typeof v === 'object' && v !== null) compound.set(c, Array.isArray(v) ? 'an array' : 'an object');
    });
    // Named "line 2" by its entry number, an entry on line 5 was looked for on the wrong line. Entries sharing a
    // line (a list on one line) are told apart by their number.
    const line = known ? lines[i] ?? 0 : 0;
    const where = line === 0 ? { en: `entry ${i + 1}`, vi: `mục ${i + 1}` }
      : (starts.get(line) ?? 0) > 1 ? { en: `line ${line}, entry ${i + 1}`, vi: `dòng ${line}, mục ${i + 1}` } : { en: `line ${line}`, vi: `dòng ${line}` };
    return { cells: values.map(cellText), where, ...(compound.size === 0 ? {} : { compound }) };
  }) };
}

/**
 * Parses a commune list into a dated table (DOMAIN-VN §3.3), from text. Accepted inputs:
 * - CSV with a header row (`,`, `;` or tab; UTF-8, BOM allowed), e.g. the statistics office's list
 *   (`Mã, Tên, Cấp, Mã TP`) or any export whose headers are given in `columns`;
 * - a JSON array of row objects (same column rules);
 * - a JSON table as written by `importAdminUnits`: `{ "version", "validFrom", "validTo"?, "source",
 *   "entries": [{ "code": "00004", "name": "Phường Ba Đình", "level": "Phường", "province": "01",
 *   "district"?: "001", "successors"?: ["00004"] }] }` (options override its version, dates and source).
 * Codes are left-padded (commune 5, province 2, district 3 digits); entries come out sorted by code. Throws, naming
 * the line, on a missing column, a bad or duplicate code, an empty name, a list with no communes, a missing
 * scheme/validFrom/source, or a validTo before validFrom.
 * @example parseAdminUnits('code,name,province\n4,Phường Ba Đình,1', { scheme: '2025-07-01', validFrom: '2025-07-01', source: 'GSO' })
 */
export function parseAdminUnits(text: string, o: AdminUnitOptions = {}): CommuneTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const format = o.format ?? (/^\s*[[{]/.test(body) ? 'json' : 'csv');
  let meta: { version?: unknown; validFrom?: unknown; validTo?: unknown; source?: unknown } = {};
  let entries: readonly AdminUnit[];
  if (format === 'json') {
    // Duplicate keys, leading zeros and syntax errors, named with their line (JSON.parse keeps or rejects them mutely).
    const lines = checkJsonEntries(body, /^\s*\{/.test(body));
    const doc: unknown = JSON.parse(body);
    const items = Array.isArray(doc) ? doc : typeof doc === 'object' && doc !== null && Object.hasOwn(doc, 'entries') ? (doc as { entries: unknown }).entries : undefined;
    if (!Array.isArray(items)) throw listError('JSON must be an array of units or a table with "entries"', 'JSON phải là một mảng các đơn vị hoặc một bảng có "entries"');
    if (!Array.isArray(doc)) meta = doc as typeof meta;
    // A table without communes would pass for a list and make every code unknown (or be refused for a missing column).
    if (items.length === 0) {
      throw listError(`the list has no communes (${Array.isArray(doc) ? 'an empty array' : '"entries" is empty'})`,
        `danh mục không có xã nào (${Array.isArray(doc) ? 'một mảng rỗng' : '"entries" rỗng'})`);
    }
    const { header, rows } = jsonRows(items, lines);
    entries = fromRows(header, rows, o, 'entries');
  } else {
    const { header, rows } = parseCsv(body);
    if (header.length === 0) throw listError('the list has no communes (the file is empty)', 'danh mục không có xã nào (tệp rỗng)');
    entries = fromRows(header, rows.map((r) => ({ cells: r.cells, where: { en: `line ${r.line}`, vi: `dòng ${r.line}` } })), o, 'header');
    if (entries.length === 0) throw listError('the list has no communes (a header and no rows)', 'danh mục không có xã nào (chỉ có dòng tiêu đề, không có dòng dữ liệu)');
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const version = o.scheme ?? str(meta.version);
  const validFrom = o.validFrom ?? str(meta.validFrom);
  const validTo = o.validTo ?? str(meta.validTo);
  const source = o.source ?? str(meta.source);
  if (version === undefined || validFrom === undefined || source === undefined) {
    throw listError('a commune table needs scheme, validFrom and source (options, or the JSON table\'s fields)',
      'bảng xã cần scheme, validFrom và source (trong tùy chọn, hoặc các trường của bảng JSON)');
  }
  checkDay(validFrom, 'validFrom');
  checkDay(validTo, 'validTo');
  // Both inclusive: a table that ends before it starts is in force on no day, and no code would ever be found in it.
  if (validTo !== undefined && validTo < validFrom) {
    throw new TableDatesError(validFrom, validTo, { validFrom: o.validFrom !== undefined, validTo: o.validTo !== undefined });
  }
  return { version, validFrom, ...(validTo === undefined ? {} : { validTo }), source, entries };
}
