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
  return { connectionString: url, application_name: 'ddss', ...(password === undefined ? {} : { password }) };
}
