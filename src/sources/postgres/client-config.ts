/**
 * The `pg.Client` config of ddss's own connections. A password given on its own goes into the URL (in memory only):
 * pg lets the connection string's empty password override a separate `password` option. The URL's `sslmode`, else
 * `PGSSLMODE`, means what it means to libpq (see `envSslMode`, `libpqSsl`). Throws a `ddss:` line when the URL or
 * `PGSSLMODE` asks for what cannot be done. `env` is the environment pg reads too (the process's).
 * @example clientConfig('postgresql://ana@db/land', 's3cret').connectionString // 'postgresql://ana:s3cret@db/land'
 */
export function clientConfig(connectionString: string, password: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env): Record<string, unknown> {
  let url = connectionString;
  let u: URL | undefined;
  try {
    u = new URL(connectionString);
  } catch {
    // Not a URL (key=value form): pg reads the password option as it is.
  }
  if (u !== undefined) {
    requireSslMode(u.searchParams.get('sslmode'), 'sslmode');
    // An empty PGSSLMODE is taken as unset, as pg takes it.
    if (!u.searchParams.has('sslmode') && !u.searchParams.has('ssl')) requireSslMode(env.PGSSLMODE === '' ? null : env.PGSSLMODE ?? null, 'PGSSLMODE');
    const fromEnv = envSslMode(u, env);
    const ssl = libpqSsl(u, fromEnv ? 'PGSSLMODE' : 'sslmode');
    if (password !== undefined) u.password = encodeURIComponent(password);
    // Rewritten only when something changed: a URL the user wrote stays byte for byte what pg parses.
    if (fromEnv || ssl || password !== undefined) url = u.toString();
  }
  return { connectionString: url, application_name: 'ddss', connectionTimeoutMillis: connectTimeout(connectionString, env),
    ...(password === undefined ? {} : { password }) };
}

/** The modes an `sslmode` may name: libpq's, and node-postgres's own `no-verify` (TLS without a certificate check). */
const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'];

/**
 * Refuses an `sslmode` (or `PGSSLMODE`) that names no mode, as libpq does ("invalid sslmode value"). Why: pg took
 * any other value (`sslmode=bogus`) as a request for TLS, and a server without it was then reported as "the server
 * does not accept TLS … connect with sslmode=disable" (exit 3), about a typo in the URL.
 */
function requireSslMode(mode: string | null, said: 'sslmode' | 'PGSSLMODE'): void {
  if (mode === null || SSL_MODES.includes(mode)) return;
  throw new Error(`ddss: ${said}=${mode} is not an SSL mode: use ${SSL_MODES.slice(0, -2).join(', ')} or verify-full ` +
    '(or no-verify, node-postgres\'s TLS without a certificate check)');
}

/** The libpq modes pg reads from `PGSSLMODE` in its own way: `allow` and pg's own `no-verify` are left to it. */
const LIBPQ_MODES = new Set(['disable', 'prefer', 'require', 'verify-ca', 'verify-full']);

/**
 * Puts `PGSSLMODE` into a URL that says nothing of TLS itself (no `sslmode`, no `ssl`), so that it means there what
 * the URL's own would (`libpqSsl`), as it does to psql. Why: pg reads `PGSSLMODE` apart, only when the URL has no
 * SSL option at all, and took `prefer`, `require` and `verify-ca` as verify-full (a server with a self-signed
 * certificate was refused with PGSSLMODE=require, which psql accepts), while the same mode in the URL meant libpq's.
 * pg also ignored it beside a URL's `sslrootcert`, which libpq combines with it; `disable` there gave a TLS
 * connection. `allow` (libpq: try without TLS first) stays with pg, which connects without TLS, as does pg's own
 * `no-verify`, which libpq does not know. Returns whether it changed the URL.
 */
function envSslMode(u: URL, env: Readonly<Record<string, string | undefined>>): boolean {
  const mode = env.PGSSLMODE;
  if (mode === undefined || !LIBPQ_MODES.has(mode) || u.searchParams.has('sslmode') || u.searchParams.has('ssl')) return false;
  // Appended, not set through searchParams: the rest of the query string stays as written.
  u.search = `${u.search === '' ? '?' : `${u.search}&`}sslmode=${mode}`;
  return true;
}

/** The SSL modes pg 8 took as verify-full, warning once per thread that their meaning will change (pg 9: libpq's). */
const ALIASED = new Set(['prefer', 'require', 'verify-ca']);

/**
 * Asks pg for libpq's meaning of the URL's `sslmode` (`uselibpqcompat=true`, pg-connection-string's own switch), so
 * a URL copied from psql connects as psql does: `require` encrypts without checking the server's certificate (or
 * checks it against `sslrootcert` when the URL names one), `verify-ca` checks it against `sslrootcert`, `prefer`
 * encrypts without checking; `disable` and `verify-full` mean the same to both. Why: pg 8 took prefer, require and
 * verify-ca as verify-full (a server with a self-signed or in-house certificate, common on agency networks, was
 * refused) and printed a many-line SECURITY WARNING about it to stderr, once per worker thread; with the switch it
 * prints nothing. The URL's own `uselibpqcompat` is kept. `said` names where the mode came from, for the refusal.
 * Returns whether it changed the URL.
 */
function libpqSsl(u: URL, said: 'sslmode' | 'PGSSLMODE'): boolean {
  const mode = u.searchParams.get('sslmode');
  if (mode === null || !ALIASED.has(mode) || u.searchParams.has('uselibpqcompat')) return false;
  // libpq reads ~/.postgresql/root.crt when the URL names no CA; pg reads no default file, and refused in a paragraph.
  if (mode === 'verify-ca' && (u.searchParams.get('sslrootcert') ?? '') === '') {
    throw new Error(`ddss: ${said}=verify-ca checks the server's certificate against a certificate authority: give its file in the URL ` +
      `(sslrootcert=…${said === 'PGSSLMODE' ? '; PGSSLROOTCERT is not read' : ''}), or use ${said}=verify-full to check it against ` +
      'the authorities Node trusts, and the host name');
  }
  // Appended, not set through searchParams: the rest of the query string stays as written.
  u.search = `${u.search === '' ? '?' : `${u.search}&`}uselibpqcompat=true`;
  return true;
}

/** How long to wait for the server to answer a connection, by default: a run is never left hanging on it. */
const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;

/**
 * The connection's wait for the server: the URL's `connect_timeout` (seconds, as libpq reads it; 0 waits for ever),
 * else `PGCONNECT_TIMEOUT`, else 30 s. Why: a host that accepts the connection and never answers (a firewall, a
 * stuck proxy) left `ddss validate postgresql://…` waiting without a word until killed.
 */
function connectTimeout(connectionString: string, env: Readonly<Record<string, string | undefined>>): number {
  let given: string | null | undefined;
  try {
    given = new URL(connectionString).searchParams.get('connect_timeout');
  } catch {
    given = /(?:^|\s)connect_timeout\s*=\s*(\d+)/.exec(connectionString)?.[1];
  }
  const seconds = Number(given ?? env.PGCONNECT_TIMEOUT ?? Number.NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_CONNECT_TIMEOUT_MS;
}
