import { createHash } from 'node:crypto';
import { cliPath } from './_cli-path.js';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Report } from '../core/types.js';
import type { HistoryThresholds } from '../history/anomalies.js';
import { historyEntry, type HistoryEntry, type HistoryInput } from '../history/history-entry.js';
import { appendHistory, readHistory } from '../history/read-history.js';
import { withHistory } from '../history/with-history.js';
import { appendPostgresHistory, postgresHistoryName, readPostgresHistory, type PostgresHistoryOptions } from '../history/postgres-history.js';
import { pgPassword } from '../sources/postgres/pgpass.js';
import { redactUrl, urlPassword } from '../sources/postgres/redact.js';
import { isPostgresUrl, type PostgresArgs } from './_postgres-args.js';
import { CliError, EXIT, cannotRead, usage } from './_errors.js';
import { isStdin, STDIN_NAME } from './_stdin.js';
import { requireReadable } from './_input.js';

/** A run's history file: the earlier runs read before the run, the line appended after it. */
export interface RunHistory {
  /** The report judged against the earlier runs. */
  judge(report: Report): Report;
  /** Appends the run's line (after its outputs were written: an interrupted run leaves no line). */
  append(report: Report): Promise<void>;
}

/** Where a run's history is: a file (resolved path, and the name given), or a PostgreSQL table. */
export type HistoryTarget =
  | { readonly kind: 'file'; readonly path: string; readonly given: string }
  | { readonly kind: 'postgres'; readonly options: PostgresHistoryOptions };

/**
 * The history target of `--history X [--history-table T]`: a `postgresql://` URL (its password from the URL, else
 * `PGPASSWORD`, else the password file, as the PostgreSQL source), else a file resolved against `cwd`.
 * @example historyTarget('h.ndjson', undefined, '/work', {}) // { kind: 'file', path: '/work/h.ndjson', given: 'h.ndjson' }
 */
export function historyTarget(given: string | undefined, table: string | undefined, cwd: string,
  env: Readonly<Record<string, string | undefined>>): HistoryTarget | undefined {
  if (given === undefined) return undefined;
  if (!isPostgresUrl(given)) return { kind: 'file', path: cliPath(cwd, given), given };
  const password = urlPassword(given) ?? pgPassword(given, env);
  return { kind: 'postgres', options: { connectionString: given, ...(password === undefined ? {} : { password }),
    ...(table === undefined ? {} : { table }) } };
}

/**
 * Checks, before anything is read or written, that a history file that exists can be read (a missing one is the empty
 * history of a first run), else stops as every command stops on an input it cannot read, and as `ddss history` stops
 * on this very file: one line, exit 3 (`ddss: cannot read "h.ndjson": it is a directory`, `permission denied`).
 * Before, `validate --history` said it was a usage error (exit 2) where `ddss history` said exit 3.
 * @example await requireHistoryReadable({ path: '/work/h.ndjson', given: 'h.ndjson' })
 */
export async function requireHistoryReadable(target: { readonly path: string; readonly given: string } | undefined): Promise<void> {
  if (target === undefined) return;
  // A name not there (or under a file, not a directory) is a new history: where it goes is checked as an output's.
  const found = await stat(target.path).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' || e.code === 'ENOTDIR' ? null : undefined));
  if (found === null) return;
  await requireReadable(target.path, target.given);
  // A history is read, then appended to: a named pipe is read once and cannot be both (opening one without a writer
  // waited for ever, past SIGTERM). A symbolic link to a file is that file.
  if (found?.isFIFO() === true || found?.isSocket() === true) {
    throw usage(`--history "${target.given}" is a named pipe, not a file: a history is read, then appended to; name a file`,
      `--history "${target.given}" là một đường ống có tên, không phải tệp: lịch sử được đọc rồi ghi thêm vào; hãy nêu một tệp`);
  }
}

/**
 * The CLI error of a history that could not be read. A damaged one (a line or row that is not a history entry, a
 * table that is not a history table) is the user's to repair: exit 2, `damaged` words it. A file that cannot be
 * read, or a server that cannot be reached, left the run unevaluated: exit 3, a file in the words of every
 * command's unreadable input (`cannot read "h.ndjson": permission denied`), a server in `unreachable`'s.
 * @example throw historyReadError(e, target, (m) => usage(m), (m) => new CliError(m, EXIT.unevaluated));
 */
export function historyReadError(e: unknown, target: HistoryTarget, damaged: (message: string) => CliError,
  unreachable: (message: string) => CliError): CliError {
  const message = (e as Error).message.replace(/^ddss: /, '');
  if (/is not (a ddss history|a table name)/.test(message)) return damaged(message);
  if (target.kind === 'postgres') return unreachable(message);
  return cannotRead(target.given, (e as Error).cause ?? e);
}

/**
 * Reads the history before any row is read (a damaged history is a usage error, exit 2; a file that cannot be read
 * or a database that cannot be reached, exit 3), creating a missing history table, and fingerprints the input (SHA-256 of its bytes, so
 * `history.stale_input` can tell an unchanged export). A PostgreSQL input (`postgres`) is named by its table or query.
 * @example const history = await openHistory(target, '/data/parcels.csv', 'parcels.csv', 'land-parcels', '2026-11-22T00:00:00.000Z', {});
 */
export async function openHistory(target: HistoryTarget | undefined, input: string, inputName: string,
  dataset: string, now: string, thresholds: HistoryThresholds, postgres?: PostgresArgs): Promise<RunHistory | undefined> {
  if (target === undefined) return undefined;
  if (postgres !== undefined) {
    const name = postgresInputName(postgres.url, postgres.query !== undefined ? queryName(postgres.query)
      : `${postgres.schema === undefined ? '' : `${postgres.schema}.`}${postgres.table ?? ''}`);
    return openHistoryOf(target, name, async () => ({ name }), dataset, now, thresholds);
  }
  return openHistoryOf(target, isStdin(inputName) ? STDIN_NAME : basename(inputName), () => inputFingerprint(input, inputName), dataset, now, thresholds);
}

/**
 * How the history names a PostgreSQL input: its database, a `/`, and the table as read (`schema.table` with
 * `--schema`) or the query (`queryName`). Why: the database alone named every table and query of it, so their runs
 * were judged against each other; the `/`, which no file's name holds, keeps them apart from file runs (`sameInput`).
 * @example postgresInputName('postgresql://ana:pw@db/land?sslmode=require', 'public.parcels') // 'land/public.parcels'
 */
export function postgresInputName(url: string, what: string): string {
  let database: string;
  try {
    database = decodeURIComponent(new URL(url).pathname.slice(1));
  } catch {
    database = basename(redactUrl(url));
  }
  return `${database}/${what}`;
}

/**
 * A query's name in the history: `query:` and the first 12 hexadecimal digits of its text's SHA-256 (the same text,
 * the same name; its text may hold values that are nobody's business in a history).
 * @example queryName('SELECT * FROM parcels') // 'query:…'
 */
export function queryName(query: string): string {
  return `query:${createHash('sha256').update(query).digest('hex').slice(0, 12)}`;
}

/**
 * `openHistory` with the input's fingerprint given (`ddss merge`, which has the shards' input, not a path to read):
 * the history is read (and checked) first, keeping the runs of the same input (`sameInput`: `inputName`), then
 * `fingerprinted()` is called. `now` is the instant the run is dated
 * (the report's `now`): it is judged against the runs not dated after it, so it must be known before the run.
 * @example const history = await openHistoryOf(target, 'parcels.csv', async () => ({ name: 'parcels.csv' }), 'land-parcels', head.now, {});
 */
export async function openHistoryOf(target: HistoryTarget, inputName: string, fingerprinted: () => Promise<HistoryInput>, dataset: string,
  now: string, thresholds: HistoryThresholds): Promise<RunHistory> {
  const keep = Math.max(1, thresholds.window ?? 10) + 1;
  const name = target.kind === 'file' ? target.given : postgresHistoryName(target.options);
  let earlier: HistoryEntry[];
  try {
    earlier = target.kind === 'file' ? await readHistory(target.path, dataset, keep, now, inputName)
      : await readPostgresHistory(target.options, dataset, keep, true, now, inputName);
  } catch (e) {
    throw historyReadError(e, target, (m) => usage(`--${m}`), (m) => new CliError(`--history ${name}: ${m}`, EXIT.unevaluated));
  }
  const fingerprint = await fingerprinted();
  return {
    judge: (report) => withHistory(report, earlier, name, fingerprint, thresholds),
    append: async (report) => {
      try {
        const entry = historyEntry(report, fingerprint);
        if (target.kind === 'file') await appendHistory(target.path, entry);
        else await appendPostgresHistory(target.options, entry);
      } catch (e) {
        throw new CliError(`--history ${name}: cannot append the run: ${(e as Error).message.replace(/^ddss: /, '')}`, EXIT.unevaluated);
      }
    },
  };
}

/**
 * The input's name, size and content hash when it is a regular file; its name alone otherwise (a `postgresql://` URL:
 * its last part, never its password).
 * @example await inputFingerprint('/data/parcels.csv', 'parcels.csv') // { name: 'parcels.csv', bytes: …, sha256: … }
 */
export async function inputFingerprint(path: string, name: string): Promise<HistoryInput> {
  // Standard input cannot be read again to hash it: its run is recorded by name, and history.stale_input skipped.
  if (isStdin(name)) return { name: STDIN_NAME };
  // A database is named by its URL's last part without the password, as ddss merge names it: the URL as given put
  // a password given as a parameter in every history line ('postgres?password=…').
  if (isPostgresUrl(name)) return { name: basename(redactUrl(name)) };
  const s = await stat(path).catch(() => undefined);
  if (s === undefined || !s.isFile()) return { name: basename(name) };
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch {
    return { name: basename(name), bytes: s.size };
  }
  return { name: basename(name), bytes: s.size, sha256: hash.digest('hex') };
}
