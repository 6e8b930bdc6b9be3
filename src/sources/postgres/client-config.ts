/**
 * The `pg.Client` config of ddss's own connections. A password given on its own goes into the URL (in memory only):
 * pg lets the connection string's empty password override a separate `password` option.
 * @example clientConfig('postgresql://ana@db/land', 's3cret').connectionString // 'postgresql://ana:s3cret@db/land'
 */
export function clientConfig(connectionString: string, password: string | undefined): Record<string, unknown> {
  let url = connectionString;
  if (password !== undefined) {
    try {
      const u = new URL(connectionString);
      u.password = encodeURIComponent(password);
      url = u.toString();
    } catch {
      // Not a URL (key=value form): pg reads the password option as it is.
    }
  }
  return { connectionString: url, application_name: 'ddss', connectionTimeoutMillis: connectTimeout(connectionString),
    ...(password === undefined ? {} : { password }) };
}

/** How long to wait for the server to answer a connection, by default: a run is never left hanging on it. */
const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;

/**
 * The connection's wait for the server: the URL's `connect_timeout` (seconds, as libpq reads it; 0 waits for ever),
 * else `PGCONNECT_TIMEOUT`, else 30 s. Why: a host that accepts the connection and never answers (a firewall, a
 * stuck proxy) left `ddss validate postgresql://…` waiting without a word until killed.
 */
function connectTimeout(connectionString: string): number {
  let given: string | null | undefined;
  try {
    given = new URL(connectionString).searchParams.get('connect_timeout');
  } catch {
    given = /(?:^|\s)connect_timeout\s*=\s*(\d+)/.exec(connectionString)?.[1];
  }
  const seconds = Number(given ?? process.env.PGCONNECT_TIMEOUT ?? Number.NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_CONNECT_TIMEOUT_MS;
}
