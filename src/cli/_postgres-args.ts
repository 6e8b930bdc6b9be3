import { usage } from './_errors.js';
import { clientConfig } from '../sources/postgres/client-config.js';
import { hideSecret, rawUserInfo, redactUrl, urlPassword } from '../sources/postgres/redact.js';

/** What to read from a `postgresql://` input: a table (with its schema) or a query, and the order of its rows. */
export interface PostgresArgs {
  readonly url: string;
  readonly table: string | undefined;
  readonly query: string | undefined;
  readonly schema: string | undefined;
  readonly orderBy: readonly string[] | undefined;
  readonly unordered: boolean;
}

/** The `parseArgs` options of the PostgreSQL flags. */
export const POSTGRES_FLAGS = {
  table: { type: 'string' },
  query: { type: 'string' },
  schema: { type: 'string' },
  'order-by': { type: 'string' },
  unordered: { type: 'boolean' },
} as const;

interface Given { table?: string; query?: string; schema?: string; 'order-by'?: string; unordered?: boolean }

/**
 * Whether an input names a PostgreSQL database (`postgresql://…` or `postgres://…`) rather than a file.
 * @example isPostgresUrl('postgres://db/land') // true
 */
export function isPostgresUrl(input: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(input);
}

/**
 * Refuses a `postgresql://` input to a command that reads files (`profile`, `compare`), naming it without its
 * password and the command that reads databases: it was taken for a file name, and its format or its absence was
 * reported quoting the whole URL, password and all.
 * @example refuseDatabase('postgresql://ana:pw@db/land', 'profile') // throws: profile reads files, not a PostgreSQL database ("postgresql://ana@db/land"); …
 */
export function refuseDatabase(input: string, command: string): void {
  if (!isPostgresUrl(input)) return;
  throw usage(`${command} reads files, not a PostgreSQL database ("${redactUrl(input)}"); ` +
    'ddss validate reads a table or query (--table, --query) with --dataset');
}

/**
 * `text` with each `postgresql://` URL among `argv` (alone or after `--flag=`) shown without its password, and that
 * password hidden wherever else it stands as a URL's password (`hideSecret`: a path that lost a `/` of `//`), never
 * every occurrence of its text: the last guard on a message that echoes a command's arguments, whichever command
 * wrote it.
 * @example hideUrlPasswords('cannot read "postgresql://ana:pw@db/land"', ['merge', 'postgresql://ana:pw@db/land']) // 'cannot read "postgresql://ana@db/land"'
 */
export function hideUrlPasswords(text: string, argv: readonly string[]): string {
  let out = text;
  for (const arg of argv) {
    const at = arg.search(/postgres(?:ql)?:\/\//i);
    if (at < 0) continue;
    const url = arg.slice(at);
    out = out.split(url).join(redactUrl(url));
    // The password as written: the URL may not parse (a port of 99999), or encode it otherwise than encodeURIComponent.
    const raw = rawUserInfo(url)?.password;
    for (const secret of [urlPassword(url), raw]) out = hideSecret(out, secret);
  }
  return out;
}

/**
 * Checks the PostgreSQL flags against the input; every mistake is a usage error (exit 2) naming the flag, and shows
 * the URL without its password.
 * @example postgresArgs('postgresql://ana@db/land', { table: 'parcels' })?.table // 'parcels'
 */
export function postgresArgs(input: string, v: Given): PostgresArgs | undefined {
  const flags = (['table', 'query', 'schema', 'order-by', 'unordered'] as const).filter((f) => v[f] !== undefined);
  if (!isPostgresUrl(input)) {
    if (flags.length > 0) {
      throw usage(`--${flags[0] as string} applies to a postgresql:// input, not a file`, `--${flags[0] as string} dùng cho đầu vào postgresql://, không dùng cho tệp`);
    }
    return undefined;
  }
  checkPostgresUrl(input, '');
  const where = redactUrl(input);
  if ((v.table === undefined) === (v.query === undefined)) {
    throw usage(`reading ${where} needs --table NAME or --query SQL (one of them)`, `đọc ${where} cần --table TÊN hoặc --query SQL (một trong hai)`);
  }
  for (const f of ['table', 'query', 'schema', 'order-by'] as const) {
    if (v[f] !== undefined && v[f].trim() === '') throw usage(`--${f} needs a value`, `--${f} cần một giá trị`);
  }
  if (v.schema !== undefined && v.table === undefined) throw usage('--schema applies to --table, not --query', '--schema dùng với --table, không dùng với --query');
  const orderBy = v['order-by']?.split(',').map((c) => c.trim());
  if (orderBy?.some((c) => c === '') === true) throw usage(`--order-by needs column names separated by commas, got "${v['order-by']}"`,
    `--order-by cần các tên cột cách nhau bằng dấu phẩy, nhận được "${v['order-by']}"`);
  if (v.query !== undefined && orderBy === undefined && v.unordered !== true) {
    throw usage('--query needs --order-by COLUMNS (so row numbers are the same on every run) or --unordered',
      '--query cần --order-by CÁC_CỘT (để số hàng giống nhau ở mọi lần chạy) hoặc --unordered');
  }
  if (orderBy !== undefined && v.unordered === true) throw usage('--order-by and --unordered exclude each other', '--order-by và --unordered loại trừ nhau');
  return { url: input, table: v.table, query: v.query, schema: v.schema, orderBy, unordered: v.unordered === true };
}

/**
 * Refuses, as a usage error (exit 2) said before connecting, a `postgresql://` URL that cannot be parsed (a port of
 * 99999, a stray space, a `/` in the password not encoded) or that ddss refuses to connect with (sslmode=verify-ca
 * without its CA file, in the URL or PGSSLMODE). The URL is not echoed, since it may hold a password. `flag` names
 * where it was given (`--history`), empty for the input: the same URL as `--history` was exit 3, "Invalid URL".
 * @example checkPostgresUrl('postgresql://ana@db:99999/land', '--history') // throws: --history: the postgresql:// URL cannot be read: …
 */
export function checkPostgresUrl(url: string, flag: string): void {
  const where = flag === '' ? '' : `${flag}: `;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.port !== '' && Number(parsed.port) > 65535)) {
    throw usage(`${where}the postgresql:// URL cannot be read: postgresql://[user[:password]@]host[:port]/database[?options] ` +
      '(a character of the password such as / @ : # ? % or a space written percent-encoded: / as %2F)');
  }
  try {
    clientConfig(url, undefined);
  } catch (e) {
    throw usage(`${where}${(e as Error).message.replace(/^ddss: /, '')}`);
  }
}
