import { constants, fstatSync } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { TabularSource } from '../core/source.js';
import { encodingName } from '../sources/decode/decoder.js';
import { readCsv } from '../sources/csv/read-csv.js';
import { readJson } from '../sources/json/read-json.js';
import { readXlsx } from '../sources/xlsx/read-xlsx.js';
import type { SheetChoice } from '../sources/xlsx/sheet-choice.js';
import { withSheetFlag } from './_sheet-flag.js';
import { readPostgres } from '../sources/postgres/read-postgres.js';
import { pgPassword } from '../sources/postgres/pgpass.js';
import { redactUrl, urlPassword } from '../sources/postgres/redact.js';
import type { PostgresArgs } from './_postgres-args.js';
import { UnknownFormatError, cannotRead, usage } from './_errors.js';
import { isStdin, STDIN_NAME } from './_stdin.js';
import { cliPath } from './_cli-path.js';
import type { InputFormat } from './_validate-args.js';

const ENCODINGS = 'utf8, utf16le, utf16be, windows-1258, tcvn3, vni';

/**
 * The canonical name of `--encoding` (or of `flag`: `compare`'s `--encoding-copy`), or a usage error listing those ddss
 * reads.
 */
export function checkEncoding(name: string, flag = 'encoding'): string {
  const e = encodingName(name.trim());
  if (e === undefined) throw usage(`--${flag} "${name}" is not supported; use one of ${ENCODINGS}`, `--${flag} "${name}" không được hỗ trợ; hãy dùng một trong ${ENCODINGS}`);
  return e;
}

export interface InputOptions {
  readonly format: InputFormat;
  readonly encoding: string | undefined;
  readonly delimiter: string | undefined;
  /** The workbook sheet, for xlsx input. */
  readonly sheet?: string | undefined;
  /** The cells of the sheet to read (`A3:T2000`, `3:1048576`), for xlsx input. */
  readonly range?: string | undefined;
  /** Where the records are inside a JSON document (`--json-records`: `data`, `result.items`), for JSON input. */
  readonly jsonRecords?: string | undefined;
  /** Header columns read under other names (`{ 'Mã thửa': 'parcel_id' }`), for CSV and xlsx input. */
  readonly rename?: Readonly<Record<string, string>> | undefined;
  /** The flag that picks this input's sheet, named in read errors (default `--sheet`; `compare`: `--sheet-copy`). */
  readonly sheetFlag?: string | undefined;
  /** Told the sheet read, for xlsx input: the run's own read names it on stderr (`noteSheet`), a second look does not. */
  readonly onSheet?: ((choice: SheetChoice) => void) | undefined;
  /** Standard input, read when the input is `-` (`CliIo.stdin`). */
  readonly stdin?: (() => Readable) | undefined;
}

/**
 * The source for an input file. Nothing is opened until the engine reads it: a command first checks the file with
 * {@link requireReadable}; a file that fails later (removed meanwhile, a disk error) becomes a partial report (status
 * `error`, exit 3) like any other read failure, not an exception here.
 */
export function openInput(path: string, given: string, o: InputOptions): TabularSource {
  const name = isStdin(given) ? STDIN_NAME : basename(given);
  try {
    // Standard input is a stream, read once (so in one thread): a path is opened only when the engine reads it.
    const input = isStdin(given) || socketStdin(path) ? (o.stdin ?? (() => process.stdin))() : path;
    if (o.format === 'xlsx') {
      return withSheetFlag(readXlsx(input, { name, ...(o.sheet === undefined ? {} : { sheet: o.sheet }), ...(o.range === undefined ? {} : { range: o.range }),
        ...(o.rename === undefined ? {} : { header: o.rename }), ...(o.onSheet === undefined ? {} : { onSheet: o.onSheet }) }), o.sheetFlag ?? '--sheet');
    }
    if (o.format === 'json' || o.format === 'ndjson') {
      return readJson(input, { format: o.format, name, ...(o.jsonRecords === undefined ? {} : { records: o.jsonRecords }) });
    }
    return readCsv(input, {
      name,
      ...(o.encoding === undefined ? {} : { encoding: o.encoding }),
      ...(o.delimiter === undefined ? {} : { delimiter: o.delimiter }),
      // Byte ranges of a renamed file are each handed the header line as written and the rename (see readCsvRange).
      ...(o.rename === undefined ? {} : { header: o.rename }),
    });
  } catch (e) {
    // Options are checked before this point; anything thrown here is still a reason the input cannot be read.
    return _failing(name, o.format, e);
  }
}

/**
 * The source for a `postgresql://` input. The password comes from the URL, else `PGPASSWORD`, else the password file
 * (`pgPassword`); the report and every message name the URL without it. Nothing connects until the engine reads.
 * @example openPostgres(postgresArgs(url, { table: 'parcels' }), io.env)
 */
export function openPostgres(p: PostgresArgs, env: Readonly<Record<string, string | undefined>>): TabularSource {
  const password = urlPassword(p.url) ?? pgPassword(p.url, env);
  const what = p.table !== undefined ? { table: p.table, ...(p.schema === undefined ? {} : { schema: p.schema }) } : { query: p.query as string };
  try {
    return readPostgres({
      connectionString: p.url, ...what, unordered: p.unordered,
      ...(password === undefined ? {} : { password }),
      ...(p.orderBy === undefined ? {} : { orderBy: p.orderBy }),
    });
  } catch (e) {
    return _failing(redactUrl(p.url), 'postgres', e);
  }
}

/** The names by which a process opens its own standard input. */
const STDIN_PATHS = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/**
 * Whether `path` names this process's standard input and that is a socket, which cannot be opened by name (`ENXIO`):
 * a program spawning ddss from Node (`spawn`, `execFile` with `input`) hands it one. It is read as `-` is.
 */
function socketStdin(path: string): boolean {
  if (!STDIN_PATHS.has(path)) return false;
  try {
    return fstatSync(0).isSocket();
  } catch {
    return false;
  }
}

function _failing(name: string, kind: string, error: unknown): TabularSource {
  return {
    kind,
    info: () => ({ kind, name }),
    // eslint-disable-next-line require-yield -- a source that fails on first read
    async *batches() {
      throw error instanceof Error ? error : new Error(String(error));
    },
  };
}

/**
 * Whether the input can be read a second time, by the hints that look at it again after a run (or at its header
 * before one): only a regular file can. Standard input, a named pipe or `/dev/stdin` over a pipe are streams, read
 * once by the run itself: opening a named pipe again waits for a writer that has gone (the run never ended), and a
 * second read of a pipe takes the records the run was to read. `/dev/stdin` redirected from a file (`< parcels.csv`)
 * is that file, and is read again.
 * @example await readsAgain(resolve(io.cwd, 'parcels.csv'), 'parcels.csv') // true; false for a FIFO or '-'
 */
export async function readsAgain(path: string, given: string): Promise<boolean> {
  if (isStdin(given)) return false;
  return (await stat(path).catch(() => undefined))?.isFile() === true;
}

/**
 * Refuses an input that cannot be read twice (a pipe, a device, standard input) for a command that reads it more than
 * once (`why`): the second read of a pipe finds it empty (a misleading "the input is empty") or, for a named pipe,
 * waits forever for a writer. A path that does not exist passes: reading it says so. `remedy` says what to do instead.
 * @example await requireRereadable('/dev/stdin', '/dev/stdin', 'fix reads its input several times') // throws
 */
export async function requireRereadable(input: string, given: string, why: string, remedy?: string): Promise<void> {
  const s = isStdin(given) ? undefined : await stat(input).catch(() => undefined);
  if (isStdin(given) || (s !== undefined && !s.isFile())) {
    const what = isStdin(given) ? 'the input cannot be standard input ("-")'
      : `"${given}" must be a regular file (not a pipe, a device or a directory)`;
    throw usage(`${why}, so ${what}${remedy === undefined ? '' : `: ${remedy}`}`);
  }
}

/**
 * Checks, before anything is read or written, that an input file exists and can be read, else stops with one line in
 * words and exit 3 (`ddss: cannot read "nope.csv": file not found`; `it is a directory`, `permission denied`). Before,
 * a missing file came out as a whole report of "could not evaluate" on 0 rows, quoting Node's "ENOENT: no such file
 * or directory, open '…'": a report of no data at all, about a mistake in the command. Standard input (`-`) is not a
 * file and passes; so do pipes and devices, which are only looked at (`stat` and `access` never open them: opening a
 * named pipe waits for its writer).
 * @example await requireReadable(resolve(io.cwd, 'parcels.csv'), 'parcels.csv')
 */
export async function requireReadable(path: string, given: string): Promise<void> {
  if (isStdin(given)) return;
  // An empty argument (an unset shell variable, "$FILE") named the working directory: `cannot read "": it is a directory`, exit 3.
  if (given === '') {
    throw usage('the input is an empty argument (an unset shell variable?): name a file',
      'đầu vào là một đối số rỗng (một biến shell chưa được đặt?): hãy nêu tên một tệp');
  }
  try {
    if ((await stat(path)).isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    await access(path, constants.R_OK);
  } catch (e) {
    throw cannotRead(given, e);
  }
}

/**
 * A command's arguments, parsed by `parse`; when an input's format is not told by its name (`ddss validate /data`, a
 * typo without an extension), whether the file can be read is said first, as for any input (exit 3: `cannot read
 * "/data": it is a directory`, `file not found`), and only then that its format is unknown (exit 2).
 * @example const args = await inputsFirst(() => validateArgs(argv), io.cwd)
 */
export async function inputsFirst<T>(parse: () => T, cwd: string): Promise<T> {
  try {
    return parse();
  } catch (e) {
    if (e instanceof UnknownFormatError) await requireReadable(cliPath(cwd, e.input), e.input);
    throw e;
  }
}
