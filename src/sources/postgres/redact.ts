/**
 * A connection string without its password, for reports, messages and logs: the URL form loses its password
 * (`postgresql://ana@db:5432/land`), the `key=value` form its `password=…`; text that is neither is returned as is.
 * @example redactUrl('postgresql://ana:s3cret@db:5432/land') // 'postgresql://ana@db:5432/land'
 */
export function redactUrl(connection: string): string {
  if (/^postgres(?:ql)?:\/\//i.test(connection)) {
    try {
      const u = new URL(connection);
      u.password = '';
      u.searchParams.delete('password');
      return u.toString().replace(/\?$/, '');
    } catch {
      return connection.replace(/\/\/[^@/]*@/, '//');
    }
  }
  return connection.replace(/\bpassword\s*=\s*(?:'(?:[^'\\]|\\.)*'|\S*)/gi, 'password=***');
}

/**
 * `text` with every occurrence of `secret` (as given and URL-encoded) replaced by `***`: the last guard on messages
 * that quote what the driver or server said.
 * @example hideSecret('bad password s3cret', 's3cret') // 'bad password ***'
 */
export function hideSecret(text: string, secret: string | undefined): string {
  if (secret === undefined || secret === '') return text;
  let out = text;
  for (const s of new Set([secret, encodeURIComponent(secret)])) out = out.split(s).join('***');
  return out;
}

/**
 * The password in a `postgres://` URL, decoded, when it has one.
 * @example urlPassword('postgresql://ana:p%40ss@db/land') // 'p@ss'
 */
export function urlPassword(connection: string): string | undefined {
  try {
    const u = new URL(connection);
    const p = u.password !== '' ? decodeURIComponent(u.password) : u.searchParams.get('password') ?? '';
    return p === '' ? undefined : p;
  } catch {
    return /\bpassword\s*=\s*'?([^'\s]*)/i.exec(connection)?.[1];
  }
}
