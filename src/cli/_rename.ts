import { listedColumns } from '../core/columns.js';
import { personalColumnName } from '../profile/personal-column.js';
import { usage } from './_errors.js';
import { renamedAbsent } from './_header-below.js';
import type { InputOptions } from './_input.js';
import { isStdin } from './_stdin.js';
import { headerName, type Rename } from '../core/rename.js';
import { didYouMean } from '../core/rename-problem.js';
import type { DatasetDefinition } from '../core/types.js';

export type { Rename } from '../core/rename.js';

/** The values of one rename flag as given: `--rename`, `--rename-source`, `--rename-copy`. */
export interface RenameFlag {
  readonly flag: string;
  readonly values: readonly string[] | undefined;
}

/**
 * `--rename FROM=TO`, repeatable: the header column FROM is read as the field TO (`--rename "Mã thửa=parcel_id"`), for
 * files whose headers are not the definition's names (a Vietnamese header over a built-in register). Split at the
 * last `=`; a column renamed twice, two columns renamed to one name, or an empty side are usage errors. `flag` names
 * the flag in those errors (`compare`'s `--rename-source`). Every command parses its rename flags here, so each says
 * the same about the same mistake.
 * @example renameMap('csv', ['Mã thửa=parcel_id']) // { 'Mã thửa': 'parcel_id' }
 */
export function renameMap(inputFormat: string, values: readonly string[] | undefined, flag = 'rename'): Rename | undefined {
  return renameOf(inputFormat, [{ flag, values }]);
}

/**
 * The rename of one input from several flags (`compare`'s `--rename`, which renames both files, and `--rename-source`
 * for one), checked as one map: a column named by two of them, or two columns read as one field, is a usage error
 * naming both flags; so is a flag given for JSON input, whose record keys are its columns.
 * @example renameOf('csv', [{ flag: 'rename', values: ['a=x'] }, { flag: 'rename-copy', values: ['b=y'] }]) // { a: 'x', b: 'y' }
 */
export function renameOf(inputFormat: string, flags: readonly RenameFlag[]): Rename | undefined {
  const given = flags.filter((f) => f.values !== undefined && f.values.length > 0);
  if (given.length === 0) return undefined;
  if (inputFormat !== 'csv' && inputFormat !== 'tsv' && inputFormat !== 'xlsx') {
    const flag = (given[0] as RenameFlag).flag;
    throw usage(`--${flag} applies to CSV and .xlsx input, not ${inputFormat} (a JSON record's keys are its columns)`,
      `--${flag} dùng cho đầu vào CSV và .xlsx, không dùng cho ${inputFormat} (các khóa của bản ghi JSON là các cột của nó)`);
  }
  const map: Record<string, string> = Object.create(null) as Record<string, string>;
  // Which flag gave each column and each field, for errors that name both flags of a conflict.
  const columnBy = new Map<string, string>();
  const fieldBy = new Map<string, string>();
  for (const { flag, values } of given) {
    for (const v of values ?? []) {
      const at = v.lastIndexOf('=');
      const from = at < 0 ? '' : v.slice(0, at);
      const to = at < 0 ? '' : v.slice(at + 1);
      if (from.trim() === '' || to.trim() === '') {
        throw usage(`--${flag} takes COLUMN=FIELD (the header's name, then the field's), got "${v}"`,
          `--${flag} nhận COLUMN=FIELD (tên trong dòng tiêu đề, rồi tên trường), nhận được "${v}"`);
      }
      // The same column however written (spaces, accents' composition): both would rename it.
      const before = columnBy.get(headerName(from));
      if (before !== undefined) throw usage(`${flags2(before, flag)} the column "${from}" twice`, `${flags2(before, flag, 'nêu', 'nêu', 'và')} cột "${from}" hai lần`);
      const earlier = fieldBy.get(to);
      if (earlier !== undefined) {
        throw usage(`${flags2(earlier, flag, 'reads', 'read')} two columns as the field "${to}"`,
          `${flags2(earlier, flag, 'đọc', 'đọc', 'và')} hai cột thành cùng trường "${to}"`);
      }
      map[from] = to;
      columnBy.set(headerName(from), flag);
      fieldBy.set(to, flag);
    }
  }
  return map;
}

/** `whose` of {@link requireRenamed} in Vietnamese (` of the source`, ` of the copy`: the two inputs of `compare`). */
function viWhose(whose: string): string {
  return whose === ' of the source' ? ' của tệp nguồn' : whose === ' of the copy' ? ' của bản sao' : whose;
}

/** `--rename names` (one flag) or `--rename and --rename-source name` (a conflict between two). */
function flags2(first: string, second: string, one = 'names', two = 'name', and = 'and'): string {
  return first === second ? `--${first} ${one}` : `--${first} ${and} --${second} ${two}`;
}

/**
 * Refuses, before anything is read, a renamed column the input's header does not have: it would rename nothing, and
 * its field would only show as missing (or, for `compare`, a key not in the header). `whose` says which input, when a
 * command reads two (`" of the copy"`); `hint` ends the message. Standard input is not read twice: it is not checked.
 * @example await requireRenamed(path, 'vi.csv', options, { 'Ma thua': 'parcel_id' }, 'rename') // throws: --rename names "Ma thua", …
 */
export async function requireRenamed(path: string, given: string, o: InputOptions, rename: Rename | undefined, flag: string,
  whose = '', hint: string | { readonly en: string; readonly vi: string } = ''): Promise<void> {
  if (rename === undefined || isStdin(given)) return;
  const { absent, columns } = await renamedAbsent(path, o, rename);
  if (absent.length === 0) return;
  const names = absent.map((c) => JSON.stringify(c)).join(', ');
  const [en, vi] = typeof hint === 'string' ? [hint, hint] : [hint.en, hint.vi];
  throw usage(`--${flag} names ${names}, which the header${whose} does not have (${listedColumns(columns)})${en}`,
    `--${flag} nêu ${names}, mà dòng tiêu đề${viWhose(whose)} không có (${listedColumns(columns, false, true)})${vi}`);
}

/**
 * Refuses a `--rename` to a field the definition does not have (exit 2), naming the nearest: the column would be read
 * as an undeclared one and the field meant would be missing, with a hint to give a --rename already given. A
 * definition's own `rename:` refuses the same typo when it is built.
 * @example requireRenameFields({ 'Số CCCD': 'owner_idd' }, landParcels) // throws: --rename "Số CCCD=owner_idd" reads the column as …
 */
export function requireRenameFields(rename: Rename | undefined, definition: DatasetDefinition): void {
  const fields = Object.keys(definition.fields);
  const unknown = Object.entries(rename ?? {}).find(([, to]) => !Object.hasOwn(definition.fields, to));
  if (unknown === undefined) return;
  const [from, to] = unknown;
  throw usage(`--rename "${from}=${to}" reads the column as "${to}", which is not a field of dataset "${definition.name}"${didYouMean(to, fields)}`,
    `--rename "${from}=${to}" đọc cột thành "${to}", mà đó không phải là trường của tập dữ liệu "${definition.name}"${didYouMean(to, fields, true)}`);
}

/**
 * The fields a rename gives to columns whose name says personal data (`Ngày sinh=d1`, `Địa chỉ=addr2`) when the field's
 * own name does not: what judges personal data by name (`profile`, `compare` on columns a dataset does not declare)
 * must still mask them, or renaming a column would show its values.
 * @example renamedPersonal({ 'Ngày sinh': 'd1', 'Mã thửa': 'parcel_id' }) // ['d1']
 */
export function renamedPersonal(rename: Rename | undefined): string[] {
  if (rename === undefined) return [];
  return Object.entries(rename).filter(([from, to]) => personalColumnName(from) && !personalColumnName(to)).map(([, to]) => to);
}
