import { maskValue } from '../../core/mask.js';
import { hideSecret } from './redact.js';

interface DriverError {
  readonly message?: string;
  readonly code?: string;
  readonly errors?: readonly DriverError[];
}

/**
 * Why a connection could not be made, in one line that names the server (without its password) and what to do:
 * refused, unknown host, failed authentication, a missing password, anything else as the driver said it.
 * @example connectionError(e, 'postgresql://ana@db:5432/land', secret).message // 'ddss: could not connect to … connection refused …'
 */
export function connectionError(e: unknown, where: string, secret: string | undefined): Error {
  const d = first(e);
  const said = oneLine(d.message ?? String(e));
  let why: string;
  if (d.code === 'ECONNREFUSED') why = 'connection refused (is the server running and listening on that host and port?)';
  else if (d.code === 'ENOTFOUND' || d.code === 'EAI_AGAIN') why = `unknown host (${d.code})`;
  else if (d.code === 'ETIMEDOUT') why = 'the connection timed out';
  else if (d.code === '28P01' || d.code === '28000') why = `authentication failed: ${said}`;
  else if (/client password must be a string/i.test(said)) why = 'the server asks for a password: give it in PGPASSWORD, ~/.pgpass or the URL';
  // libpq's sslmode=prefer connects unencrypted to a server without TLS; pg has no such fallback, and said only this.
  else if (/server does not support SSL/i.test(said)) {
    why = 'the server does not accept TLS (SSL) connections, and the URL\'s sslmode (or PGSSLMODE) asks for one (with sslmode=prefer too: ddss, ' +
      'through node-postgres, does not fall back to an unencrypted connection as libpq does): connect with sslmode=disable to read without TLS';
  }
  else why = said;
  return new Error(hideSecret(`ddss: could not connect to ${where}: ${why}`, secret), { cause: e });
}

/**
 * A failure while reading, in one line: ddss's own messages as they are, a lost connection as one, the server's as
 * `the query failed: …` with its SQLSTATE code.
 * @example queryError(e, undefined).message // 'ddss: the query failed: relation "x" does not exist (42P01)'
 */
export function queryError(e: unknown, secret: string | undefined): Error {
  const d = first(e);
  const said = oneLine(d.message ?? String(e));
  if (said.startsWith('ddss:')) return e instanceof Error ? e : new Error(said);
  // A socket error (EPIPE, ECONNRESET) or pg's "Connection terminated unexpectedly" is no failure of the query: a
  // network drop or a server gone mid-read was told as "the query failed: write EPIPE (EPIPE)", a code no SQLSTATE.
  if (/^E[A-Z]+$/.test(d.code ?? '') || /^Connection terminated/i.test(said)) {
    return new Error(hideSecret(`ddss: the connection to the server was lost (${said})`, secret), { cause: e });
  }
  // From the first quote to the last: the value may hold quotes of its own, which the server does not escape.
  const told = quotesValue(d.code) ? said.replace(/"(.*)"/, (_all, v: string) => `"${maskValue(v)}"`) : said;
  return new Error(hideSecret(`ddss: the query failed: ${told}${d.code === undefined ? '' : ` (${d.code})`}`, secret), { cause: e });
}

/**
 * Whether an error of this SQLSTATE quotes a value of the data: a data exception (class 22) such as `invalid input
 * syntax for type bigint: "07912345678X"` (22P02) quotes the cell a cast failed on, which may be a person's ID or
 * name; it is masked like a personal value. Not the encoding errors, which quote encoding names.
 */
function quotesValue(code: string | undefined): boolean {
  return code !== undefined && code.startsWith('22') && code !== '22021' && code !== '22P05';
}

/** An AggregateError (one per address tried) is described by its first error. */
function first(e: unknown): DriverError {
  const d = (typeof e === 'object' && e !== null ? e : { message: String(e) }) as DriverError;
  return d.errors !== undefined && d.errors.length > 0 && (d.message ?? '') === '' ? d.errors[0] as DriverError : d;
}

function oneLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
