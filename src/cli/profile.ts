import { cliPath } from './_cli-path.js';
import { profile as profileSource } from '../profile/profile.js';
import { suggestDefinition } from '../profile/suggest-definition.js';
import { notProfiled, profileText } from '../profile/profile-text.js';
import { profileHtml } from '../profile/profile-html.js';
import { jsonText } from '../outputs/_escape.js';
import type { Profile } from '../profile/types.js';
import type { Locale } from '../core/types.js';
import { CliError, EXIT } from './_errors.js';
import { isStdin, STDIN, stdinOf } from './_stdin.js';
import { checkOutputs, outputPath, writeOutput } from './_files.js';
import { checkEncoding, inputsFirst, openInput, requireReadable } from './_input.js';
import { noteSheet } from './_sheet-note.js';
import { JSON_UTF8, JSON_UTF8_VI, LEGACY_ENCODING, readError, rowsHold } from './_read-error.js';
import { readerWordsVi } from '../sources/reader-words-vi.js';
import type { CliIo } from './_io.js';
import { profileArgs, type ProfileFormat } from './_profile-args.js';
import { titleHint } from './_header-below.js';
import { listedColumns } from '../core/columns.js';
import { seenRecords, watchRecords, type RecordsSeen } from './_records-hint.js';
import { renamedPersonal, requireRenamed, type Rename } from './_rename.js';
import { PROFILE_HELP } from './help.js';
import { dirname, relative, sep } from 'node:path';
import { loadAdminUnits } from '../../rules/vn/admin/load-admin-units.js';
import type { CommuneTable } from '../../rules/vn/admin/parse-admin-units.js';

/**
 * `ddss profile <input>`: reads the file once and prints what its columns hold (text, json, html), or a suggested
 * dataset definition (yaml) that `ddss validate --dataset` accepts as written. Exit 0, 2 on a usage error, 3 when
 * the input cannot be read.
 * @example await profile(['parcels.csv', '--format', 'yaml', '--out', 'parcels.yaml'], io)
 */
export async function profile(argv: readonly string[], io: CliIo): Promise<number> {
  const args = await inputsFirst(() => profileArgs(argv), io.cwd);
  if (args.help) {
    io.stdout.write(PROFILE_HELP);
    return EXIT.ok;
  }
  const encoding = args.encoding === undefined ? undefined : checkEncoding(args.encoding);
  const input = isStdin(args.input) ? STDIN : cliPath(io.cwd, args.input);
  await requireReadable(input, args.input);
  const out = args.out === undefined ? undefined : outputPath('out', args.out, io.cwd);
  // Nor a --communes list it reads: `--format yaml --out communes.json --force` replaced the list with the suggestion.
  if (out !== undefined) {
    await checkOutputs([out], input, args.force, args.communes.map((f) => ({ what: 'a --communes file', path: cliPath(io.cwd, f) })));
  }
  const communes = args.communes.map((f) => loadCommunes(cliPath(io.cwd, f), f));
  // How the file is read, for the profile and for the title hint's second look.
  const options = { format: args.inputFormat, encoding, delimiter: args.delimiter, sheet: args.sheet, range: args.range, rename: args.rename,
    jsonRecords: args.jsonRecords };
  // A renamed column the header does not have would rename nothing: the profile would not show the name asked for.
  await requireRenamed(input, args.input, options, args.rename, 'rename');
  const opened = openInput(input, args.input, { ...options, stdin: stdinOf(io), onSheet: noteSheet(io, { locale: args.locale }) });
  // A wrapped JSON export profiled as one record: said, with the flag that reads its records.
  const seen: RecordsSeen = {};
  const source = args.inputFormat === 'json' ? watchRecords(opened, seen) : opened;
  let p: Profile;
  try {
    p = await profileSource(source, {
      showValues: args.showValues,
      workers: args.workers,
      personalColumns: renamedPersonal(args.rename),
      communes,
      ...(args.sample === undefined ? {} : { sample: args.sample }),
      ...(args.now === undefined ? {} : { now: args.now }),
    });
  } catch (e) {
    throw new CliError(`cannot profile "${args.input}": ${oneLine((e as Error).message.replace(/^ddss: /, ''))}`, EXIT.unevaluated);
  }
  const vi = args.locale === 'vi';
  const wrapped = seenRecords(seen, 'json-records', args.locale);
  // No column read (an empty input, a header too large, no JSON line that is a record): nothing was profiled, which
  // must not look like a profile of nothing in particular.
  // A header of blank names over no row (a file of blank lines) names no column either: "1 column, empty" said
  // nothing true.
  const unnamed = p.rows === 0 && p.columns.length > 0 && p.columns.every((c) => c.name.trim() === '');
  if (p.columns.length === 0 || unnamed) {
    const issues = p.issues.map((i) => `${i.count} ${i.code}`).join(', ');
    // Why, when the reader knows (an empty input, a gzip file): more use than the issue codes alone.
    const why = source.info().error ?? (unnamed ? listedColumns(p.columns.map((c) => c.name)) : undefined);
    const reason = why === undefined ? undefined : oneLine(readError(why, 'zcat FILE | ddss profile - …').replace(/^ddss: /, ''));
    throw new CliError(`cannot profile "${args.input}": no column could be read${issues === '' ? '' : ` (source issues: ${issues})`}` +
      (reason === undefined ? '' : `: ${reason}`) + (wrapped === undefined ? '' : `; ${wrapped}`), EXIT.unevaluated,
    // In Vietnamese: an input with nothing in it in its finding's words; a reader's other words stay as written.
    `không mô tả được "${args.input}": không đọc được cột nào${issues === '' ? '' : ` (lỗi nguồn: ${issues})`}` +
      (reason === undefined ? '' : `: ${readerWordsVi(reason) ?? reason}`) + (wrapped === undefined ? '' : `; ${wrapped}`));
  }
  // The lines below follow --locale (text and html profiles), as the profile does; a reader's words stay as written.
  if (wrapped !== undefined) {
    io.stderr.write(vi ? `ddss: "${args.input}" là một đối tượng JSON, được mô tả như một bản ghi; ${wrapped}\n`
      : `ddss: "${args.input}" is one JSON object, profiled as one record; ${wrapped}\n`);
  }
  if (p.columnsNotProfiled !== undefined) {
    io.stderr.write(vi ? `ddss: bản mô tả có ${p.columns.length} cột, ${notProfiled(p.columnsNotProfiled, 'vi')}\n`
      : `ddss: the profile describes ${p.columns.length} columns, ${notProfiled(p.columnsNotProfiled)}\n`);
  }
  const invalid = p.issues.find((i) => i.code === 'invalid_encoding');
  if (invalid !== undefined && encoding === undefined) {
    // JSON is read as UTF-8 only: `--encoding` would be refused.
    const json = source.kind === 'json' || source.kind === 'ndjson';
    io.stderr.write(vi ? `ddss: ${invalid.count} hàng chứa byte không phải UTF-8 (các cột của chúng được che); ${json ? JSON_UTF8_VI : LEGACY_ENCODING.vi}\n`
      : `ddss: ${rowsHold(invalid.count)} bytes that are not UTF-8 (their columns are masked); ${json ? JSON_UTF8 : LEGACY_ENCODING.en}\n`);
  }
  if (p.headerReadAsRecord === true && !args.showValues) {
    io.stderr.write(vi ? `ddss: dòng đầu của "${args.input}" được đọc như một bản ghi, không phải dòng tiêu đề, nên các ô của nó ` +
      '(trong đó có dữ liệu cá nhân) không được hiển thị và các cột được đặt tên column_1, column_2, …; hãy thêm dòng tiêu đề cho tệp\n'
      : `ddss: the first line of "${args.input}" reads as a record, not a header, so its cells (personal data ` +
      'among them) are not shown and the columns are named column_1, column_2, …; give the file a header line\n');
  }
  // A title above the table: most rows have more cells than the header, so say where the header seems to be.
  const title = await titleHint(p, input, args.input, options, 'profile', args.locale);
  if (title !== undefined) io.stderr.write(`${title}\n`);
  // The suggestion names the lists relative to where it is written (a definition reads `communes:` relative to itself).
  const listed = args.communes.map((f) => relative(out === undefined ? io.cwd : dirname(out.path), cliPath(io.cwd, f)).split(sep).join('/'));
  const text = renderProfile(p, args.format, args.rename, listed, args.locale);
  if (out === undefined) io.stdout.write(text);
  else await writeOutput(out, text, args.force);
  return EXIT.ok;
}

/**
 * A profile in one of the formats of `ddss profile`; `rename` (`--rename`) is the suggested definition's `rename:`,
 * `communes` (`--communes`, relative to the definition) its `communes:`.
 * @example renderProfile(p, 'yaml') // the suggested definition
 */
export function renderProfile(p: Profile, format: ProfileFormat, rename?: Rename, communes?: readonly string[],
  locale: Locale = 'en'): string {
  switch (format) {
    case 'json': return `${jsonText(p, 2)}\n`;
    case 'yaml': {
      try {
        return suggestDefinition(p, { rename, communes });
      } catch (e) {
        throw new CliError(oneLine((e as Error).message.replace(/^ddss: /, '')), EXIT.unevaluated);
      }
    }
    case 'html': return profileHtml(p, { locale });
    case 'text': return profileText(p, { locale });
  }
}

/** A `--communes` list, loaded; one that cannot be read or holds no commune is an input error (exit 3). */
function loadCommunes(path: string, given: string): CommuneTable {
  try {
    const table = loadAdminUnits(path);
    if (table.entries.length === 0) throw new Error('it holds no commune');
    return table;
  } catch (e) {
    throw new CliError(`cannot read --communes "${given}": ${oneLine((e as Error).message.replace(/^ddss: /, ''))}`, EXIT.unevaluated);
  }
}

function oneLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
