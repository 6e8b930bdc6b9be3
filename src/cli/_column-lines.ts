import { headerName, type Rename } from '../core/rename.js';
import type { Locale, Report } from '../core/types.js';
import { formOf } from '../sources/csv/header.js';
import { shellArg } from './_shell-arg.js';

/** The renames a run read its input with: the definition's `rename:` and the `--rename` flags (which win). */
export interface RunRenames {
  readonly definition?: Rename;
  readonly flags?: Rename;
}

/**
 * The stderr lines about the header against the declared fields: the declared columns it lacks (with the near names,
 * a definition's `rename:` header the file does not have either, and the `--rename` flags to give when `canRename`),
 * and a field named twice because a renamed column and a column of the field's own name are both there. A long list
 * of failing rules can push either out of the summary. `missing`: whether to say the first (not when the header is
 * one column holding another delimiter, which another line explains).
 * @example columnLines(report, true, true, { definition: { 'Số CCCD': 'owner_id' } })
 *   // ['ddss: 1 declared column is not in the header: owner_id (nor "Số CCCD", its rename: in the definition) (source.missing_column); …']
 */
export function columnLines(report: Report, canRename: boolean, missing: boolean, renamed: RunRenames): string[] {
  return [...(missing ? missingLine(report, canRename, renamed) : []), ...unknownLine(report), ...twiceLines(report, renamed),
    ...formLines(report)];
}

/**
 * The columns rules read that no JSON record has (`source.unknown_column`), with the key each likely meant: the
 * summary names only the finding, and the rule that read the name fails or passes every row for a reason it does not
 * say (it read the cell as missing).
 * @example unknownLine(report) // ['ddss: a rule reads a column no record has: "ownerid" (the records have "owner_id") (source.unknown_column); …']
 */
function unknownLine(report: Report): string[] {
  const unknown = report.rules.find((r) => r.id === 'source.unknown_column');
  if (unknown === undefined || unknown.failed === 0) return [];
  const vi = report.locale === 'vi';
  const w = MISSING_WORDS[vi ? 'vi' : 'en'];
  const named = unknown.samples.slice(0, 5).map((x) => `"${oneLine(String(x.value ?? ''))}"` +
    (x.suggestion === undefined ? '' : ` (${w.has(true, oneLine(x.suggestion))})`));
  const more = unknown.failed > named.length ? `, ${w.more(unknown.failed - named.length)}` : '';
  const one = unknown.failed === 1;
  return [vi ? `ddss: ${one ? 'một quy tắc đọc một cột' : `các quy tắc đọc ${unknown.failed} cột`} mà không bản ghi nào có: ` +
    `${named.join(', ')}${more} (source.unknown_column); ${one ? 'quy tắc đã đọc nó' : 'các quy tắc đã đọc từng cột'} là trống ở ` +
    'mọi hàng: hãy sửa tên trong định nghĩa'
    : `ddss: ${one ? 'a rule reads a column' : `rules read ${unknown.failed} columns`} no record has: ` +
    `${named.join(', ')}${more} (source.unknown_column); ${one ? 'the rule read it' : 'the rules read each'} as missing ` +
    'on every row: correct the name in the definition'];
}

/**
 * Header cells read as declared fields although written in another form (`source.header_form`, info, not judged):
 * said, so a file whose header an export wrote decomposed is seen to differ from the definition, and the export can be
 * fixed before another tool that matches names byte for byte reads it.
 */
function formLines(report: Report): string[] {
  const form = report.rules.find((r) => r.id === 'source.header_form');
  if (form === undefined || form.failed === 0) return [];
  const vi = report.locale === 'vi';
  const w = MISSING_WORDS[vi ? 'vi' : 'en'];
  const forms = (cell: string) => (vi ? formOf(cell).replace('spaces', 'khoảng trắng') : formOf(cell));
  const named = form.samples.slice(0, 5).map((x) => `${x.field ?? ''} (${forms(String(x.value ?? ''))})`);
  const more = form.failed > named.length ? `, ${w.more(form.failed - named.length)}` : '';
  return [vi ? `ddss: ${form.failed} ô tiêu đề là tên đã khai báo nhưng viết ở dạng khác, được đọc là tên đó: ${named.join(', ')}${more} ` +
    '(source.header_form; NFD: dấu viết tách rời, NBSP: khoảng trắng không ngắt, BOM: dấu thứ tự byte)'
    : `ddss: ${form.failed} header cell${form.failed === 1 ? ' is a declared name' : 's are declared names'} written in ` +
    `another form, read as ${form.failed === 1 ? 'it' : 'them'}: ${named.join(', ')}${more} (source.header_form; NFD: accents ` +
    'decomposed, NBSP: a no-break space, BOM: a byte order mark)'];
}

/**
 * The words of the header lines (missing columns above all), in the report's language: a Vietnamese register's export
 * under a built-in definition (a Vietnamese header) is the commonest reason for them, and its reader had a Vietnamese
 * summary above English lines.
 */
const MISSING_WORDS = {
  en: {
    absent: (n: number, json: boolean) => `${n} declared column${n === 1 ? ' is' : 's are'} ${json ? 'a key of no record' : 'not in the header'}`,
    alias: (names: string) => `nor ${names}, its rename: in the definition`,
    aliasJoin: ' nor ',
    has: (json: boolean, name: string) => `${json ? 'the records have' : 'the header has'} "${name}"`,
    more: (n: number) => `${n} more`,
    query: (one: boolean, select: string) => `; read ${one ? 'it' : 'them'} as the declared name${one ? '' : 's'} with an alias in --query: ${select}`,
    flags: (one: boolean, flags: string) => `; read ${one ? 'it' : 'them'} as the declared name${one ? '' : 's'} with ${flags}`,
    any: '; read a column as a field with --rename "COLUMN=FIELD"',
    alike: (why: string) => `, which is it but for ${why}`,
    and: ' and ',
    bom: 'a byte order mark before it',
    spaces: 'spaces around it (a no-break space or a tab counts)',
    nfd: 'its accents written decomposed (Unicode NFD)',
    nbsp: 'a no-break space inside it',
  },
  vi: {
    absent: (n: number, json: boolean) => `${n} cột đã khai báo ${json ? 'không là khóa của bản ghi nào' : 'không có trong dòng tiêu đề'}`,
    alias: (names: string) => `cũng không có ${names}, tên đổi (rename:) của nó trong định nghĩa`,
    aliasJoin: ' hay ',
    has: (json: boolean, name: string) => `${json ? 'các bản ghi có' : 'dòng tiêu đề có'} "${name}"`,
    more: (n: number) => `${n} cột khác`,
    query: (one: boolean, select: string) => `; hãy đọc ${one ? 'cột đó' : 'các cột đó'} theo tên đã khai báo bằng bí danh trong --query: ${select}`,
    flags: (one: boolean, flags: string) => `; hãy đọc ${one ? 'cột đó' : 'các cột đó'} theo tên đã khai báo bằng ${flags}`,
    any: '; hãy đọc một cột thành một trường bằng --rename "COLUMN=FIELD"',
    alike: (why: string) => `, chính là tên đó nhưng có ${why}`,
    and: ' và ',
    bom: 'dấu thứ tự byte (BOM) ở trước',
    spaces: 'khoảng trắng ở quanh (kể cả khoảng trắng không ngắt hay tab)',
    nfd: 'dấu được viết tách rời (Unicode NFD)',
    nbsp: 'khoảng trắng không ngắt ở bên trong',
  },
} satisfies Record<Locale, unknown>;

function missingLine(report: Report, canRename: boolean, renamed: RunRenames): string[] {
  const absent = report.rules.find((r) => r.id === 'source.missing_column');
  if (absent === undefined || absent.failed === 0) return [];
  const w = MISSING_WORDS[report.locale === 'vi' ? 'vi' : 'en'];
  // JSON records have no header: their keys are the columns (and are not renamed).
  const json = report.source?.kind === 'json' || report.source?.kind === 'ndjson';
  // A field the definition renames from another header: the file has neither name (else it would have been read).
  const own = renamed.definition ?? {};
  const aliases = (field: string | undefined) => Object.keys(own).filter((from) => own[from] === field).map((from) => `"${oneLine(from)}"`);
  const named = absent.samples.slice(0, 5).map((x) => {
    const also = json ? [] : aliases(x.field);
    const notes = [...(also.length === 0 ? [] : [w.alias(also.join(w.aliasJoin))]),
      ...(x.suggestion === undefined ? [] : [w.has(json, oneLine(x.suggestion)) + alike(String(x.suggestion), x.field ?? '', w)])];
    return notes.length === 0 ? `${x.field}` : `${x.field} (${notes.join('; ')})`;
  });
  const more = absent.failed > named.length ? `${named.length > 0 ? ', ' : ''}${w.more(absent.failed - named.length)}` : '';
  // Columns the header has under other names (a Vietnamese header over a built-in register) can be read as the fields.
  const other = report.rules.find((r) => r.id === 'source.unexpected_column');
  // With near names (`Owner ID` for owner_id) the flags to give are known: say them.
  const suggested = absent.samples.filter((x) => x.suggestion !== undefined).slice(0, 3)
    .map((x) => ({ column: String(x.suggestion), field: x.field ?? '' }));
  const near = suggested.map((x) => `--rename ${shellArg(`${x.column}=${x.field}`)}`);
  // A database's columns are not renamed by --rename (refused for a postgresql:// input): an alias in --query is.
  const table = report.source?.kind === 'postgres';
  const aliased = suggested.map((x) => `"${x.column.replaceAll('"', '""')}" AS ${x.field}`);
  const rename = !canRename || json || other === undefined || other.failed === 0 ? ''
    : table ? w.query(aliased.length === 1, `SELECT ${aliased.length > 0 ? aliased.join(', ') : '"COLUMN" AS field'}, … FROM …`)
      : near.length > 0 ? w.flags(near.length === 1, near.join(' '))
        : w.any;
  return [`ddss: ${w.absent(absent.failed, json)}: ${named.join(', ')}${more} (source.missing_column)${rename}`];
}

/**
 * What keeps a header cell that prints as the field's name from being it (`parcel_id` and a no-break space, `Mã thửa`
 * with its accents decomposed): said, or the line reads `Mã thửa (the header has "Mã thửa")`. Empty otherwise.
 */
function alike(cell: string, field: string, w: typeof MISSING_WORDS[Locale]): string {
  const bare = cell.replace(/^\uFEFF/, '');
  if (cell === field || headerName(cell.replace(/\u00A0/g, ' ')) !== field.normalize('NFC')) return '';
  const why = [...(bare === cell ? [] : [w.bom]),
    ...(bare.trim() === bare ? [] : [w.spaces]),
    ...(bare.trim() === bare.trim().normalize('NFC') ? [] : [w.nfd]),
    ...(bare.trim().includes('\u00A0') ? [w.nbsp] : [])];
  return w.alike(why.join(w.and));
}

/**
 * A field the header names twice through a rename: the file has the renamed header and the field's own name (an
 * export that already carries both). The finding alone says "header appears again", which hides why.
 */
function twiceLines(report: Report, renamed: RunRenames): string[] {
  const twice = report.rules.find((r) => r.id === 'source.duplicate_header');
  if (twice === undefined || twice.failed === 0 || report.source?.kind === 'json' || report.source?.kind === 'ndjson') return [];
  const fields = [...new Set(twice.samples.map((x) => x.field).filter((f): f is string => f !== undefined))];
  return fields.flatMap((field) => {
    const byFlag = Object.keys(renamed.flags ?? {}).find((from) => renamed.flags?.[from] === field);
    const own = renamed.definition ?? {};
    const from = byFlag ?? Object.keys(own).find((k) => own[k] === field);
    if (from === undefined) return [];
    const vi = report.locale === 'vi';
    const flag = `--rename ${shellArg(`${from}=${field}`)}`;
    if (vi) {
      return [`ddss: dòng tiêu đề có ${field} hai lần: một cột "${oneLine(from)}", được đọc là ${field} nhờ ` +
        `${byFlag !== undefined ? flag : 'rename: của định nghĩa'}, và chính cột ${field}; trường được đọc từ cột đứng trước ` +
        '(source.duplicate_header): hãy bỏ một cột khỏi tệp, hoặc đọc cột kia dưới một tên riêng bằng --rename'];
    }
    const by = byFlag !== undefined ? flag : 'the definition\'s rename:';
    return [`ddss: the header names ${field} twice: a column "${oneLine(from)}", read as ${field} by ${by}, and a column ${field} ` +
      'itself; the field is read from the first of them (source.duplicate_header): remove one from the file, or read the ' +
      `other under a name of its own with --rename`];
  });
}

function oneLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
