import { cliPath } from './_cli-path.js';
import { importAdminUnits } from '../../rules/vn/admin/import-admin-units.js';
import { isDay, TableDatesError, type AdminUnitOptions } from '../../rules/vn/admin/parse-admin-units.js';
import { choice, parse } from './_args.js';
import { CliError, EXIT, usage } from './_errors.js';
import { checkOutputs, outputPath, writeOutput } from './_files.js';
import type { CliIo } from './_io.js';
import { fileErrorText } from '../core/file-error-text.js';
import { readError } from './_read-error.js';
import { REFDATA_HELP } from './help.js';

const COLUMNS = ['code', 'name', 'level', 'province', 'district', 'successors'] as const;

/**
 * `ddss refdata import <file>`: converts an official commune list (CSV or JSON) into the dated JSON table that
 * `vn.commune({ table })` reads, on stdout or into `--out` (never overwritten without `--force`). A list that
 * cannot be read or converted exits 3; flag mistakes exit 2.
 * @example await refdata(['import', 'danh-muc.csv', '--scheme', '2025-07-01', '--valid-from', '2025-07-01', '--source', 'GSO', '--out', 'communes.json'], io)
 */
export async function refdata(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: v, positionals } = parse(argv, {
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    scheme: { type: 'string' },
    'valid-from': { type: 'string' },
    'valid-to': { type: 'string' },
    source: { type: 'string' },
    'input-format': { type: 'string' },
    column: { type: 'string', multiple: true },
    // The language of its errors (the table it writes is data: its keys are English).
    locale: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  // Read by `main` from the command line (the errors below carry both languages); checked here.
  choice('locale', v.locale, ['en', 'vi'] as const, 'en');
  if (v.help === true) {
    io.stdout.write(REFDATA_HELP);
    return EXIT.ok;
  }
  const [sub, file, ...more] = positionals;
  if (sub !== 'import') {
    throw sub === undefined ? usage('refdata needs a subcommand: import (see ddss refdata --help)', 'refdata cần một lệnh con: import (xem ddss refdata --help)')
      : usage(`unknown refdata subcommand "${sub}"; use import`, `refdata không có lệnh con "${sub}"; hãy dùng import`);
  }
  if (file === undefined) throw usage('refdata import needs a <file> (a commune list, CSV or JSON)', 'refdata import cần một <file> (danh mục xã, CSV hoặc JSON)');
  if (more.length > 0) throw usage(`refdata import takes one <file>, got ${more.length + 1}`, `refdata import nhận một <file>, nhận được ${more.length + 1}`);
  for (const flag of ['valid-from', 'valid-to'] as const) {
    const day = v[flag];
    // A calendar day, not just its shape: 2008-13-45 reached the importer and came back as "Invalid time value", exit 3.
    if (day !== undefined && !isDay(day)) throw usage(`--${flag} must be a date yyyy-MM-dd, got "${day}"`, `--${flag} phải là một ngày yyyy-MM-dd, nhận được "${day}"`);
  }
  _checkLabels(v.scheme, v.source);
  const [from, to] = [v['valid-from'], v['valid-to']];
  if (from !== undefined && to !== undefined && to < from) {
    throw usage(`--valid-to ${to} is before --valid-from ${from}: the table would be in force on no day (both are inclusive)`,
      `--valid-to ${to} trước --valid-from ${from}: bảng sẽ không có hiệu lực ngày nào (cả hai ngày đều được tính)`);
  }
  const format = v['input-format'] === undefined ? undefined : choice('input-format', v['input-format'], ['csv', 'json'] as const, 'csv');
  const isJson = format === 'json' || (format === undefined && /\.json$/i.test(file));
  if (!isJson && (v.scheme === undefined || v['valid-from'] === undefined || v.source === undefined)) {
    throw usage('a CSV list needs --scheme, --valid-from and --source (a JSON table may carry them itself)',
      'danh mục CSV cần --scheme, --valid-from và --source (bảng JSON có thể tự mang chúng)');
  }
  const options: AdminUnitOptions = {
    ...(format === undefined ? {} : { format }),
    ...(v.scheme === undefined ? {} : { scheme: v.scheme }),
    ...(v['valid-from'] === undefined ? {} : { validFrom: v['valid-from'] }),
    ...(v['valid-to'] === undefined ? {} : { validTo: v['valid-to'] }),
    ...(v.source === undefined ? {} : { source: v.source }),
    ...(v.column === undefined ? {} : { columns: _columns(v.column) }),
  };
  const input = cliPath(io.cwd, file);
  const out = v.out === undefined ? undefined : outputPath('out', tableName(v.out), io.cwd);
  const force = v.force === true;
  if (out !== undefined) await checkOutputs([out], input, force);
  let json: string;
  try {
    // An absolute path: the importer reads text that starts with `[` or `{` as content, never a path like that.
    json = importAdminUnits(input, options);
  } catch (e) {
    // A flag that contradicts the list's own dates is a mistake in the command, not in the list.
    if (e instanceof TableDatesError && e.given.validTo !== e.given.validFrom) {
      throw e.given.validTo
        ? usage(`--valid-to ${e.validTo} is before the validFrom ${e.validFrom} of "${file}": the table would be in force on no day (both are inclusive)`,
          `--valid-to ${e.validTo} trước validFrom ${e.validFrom} của "${file}": bảng sẽ không có hiệu lực ngày nào (cả hai ngày đều được tính)`)
        : usage(`--valid-from ${e.validFrom} is after the validTo ${e.validTo} of "${file}": the table would be in force on no day (both are inclusive)`,
          `--valid-from ${e.validFrom} sau validTo ${e.validTo} của "${file}": bảng sẽ không có hiệu lực ngày nào (cả hai ngày đều được tính)`);
    }
    // A file path, never standard input: a gzip list is to be decompressed, not piped.
    const text = readError(fileErrorText(e), undefined);
    const textVi = readError(fileErrorText(e, { locale: 'vi' }), undefined);
    throw new CliError(`cannot import "${file}": ${text.split('\n')[0] ?? text}`, EXIT.unevaluated,
      `không nhập được "${file}": ${textVi.split('\n')[0] ?? textVi}`);
  }
  if (out === undefined) io.stdout.write(json);
  else await writeOutput(out, json, force);
  return EXIT.ok;
}

function _columns(pairs: readonly string[]): Partial<Record<(typeof COLUMNS)[number], string>> {
  const out: Partial<Record<(typeof COLUMNS)[number], string>> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = pair.slice(0, eq);
    const header = pair.slice(eq + 1);
    if (eq < 1 || header === '' || !(COLUMNS as readonly string[]).includes(key)) {
      throw usage(`--column must be key=Header with key one of ${COLUMNS.join(', ')}, got "${pair}"`,
        `--column phải có dạng key=Tiêu đề, với key là một trong ${COLUMNS.join(', ')}, nhận được "${pair}"`);
    }
    out[key as (typeof COLUMNS)[number]] = header;
  }
  return out;
}

/**
 * Refuses (exit 2) a `--scheme` or `--source` that would label the table with nothing useful: both are written into
 * it and shown wherever the list is named (`only 4 in the commune lists given (2025-07-01)`). A scheme is named by
 * the day it took effect, as every scheme of ddss is (`2008-08-01`, `2025-07-01`): `--scheme bogus` was accepted.
 * A source says where the list comes from, which a reader checks a finding against: `--source ""` was accepted.
 * @example _checkLabels('2025-07-01', 'GSO, 1/7/2025') // passes
 */
function _checkLabels(scheme: string | undefined, source: string | undefined): void {
  if (scheme !== undefined && !isDay(scheme)) {
    throw usage(`--scheme must be the day the scheme took effect, yyyy-MM-dd (2008-08-01, 2025-07-01), got "${scheme}"`,
      `--scheme phải là ngày hệ thống mã có hiệu lực, yyyy-MM-dd (2008-08-01, 2025-07-01), nhận được "${scheme}"`);
  }
  if (source !== undefined && source.trim() === '') {
    throw usage('--source must say where the list comes from (e.g. --source "GSO, 1/7/2025"), got an empty text',
      '--source phải nêu nguồn của danh mục (ví dụ --source "TCTK, 1/7/2025"), nhận được văn bản rỗng');
  }
}

/**
 * The `--out` name of a table, which must end in `.json`: the table is JSON, and a definition's `communes:` and
 * `profile --communes` read a list as JSON only by that name (anything else as CSV, which then fails). `--out
 * communes.yaml` wrote JSON under a YAML name.
 * @example tableName('communes-2025.json') // 'communes-2025.json'
 */
function tableName(given: string): string {
  if (!/\.json$/i.test(given)) {
    throw usage(`--out "${given}": refdata import writes a JSON table; name the file .json (a commune list is read as JSON only by that name)`,
      `--out "${given}": refdata import ghi một bảng JSON; hãy đặt đuôi .json (danh mục xã chỉ được đọc là JSON với tên như vậy)`);
  }
  return given;
}
