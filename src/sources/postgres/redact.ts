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
  let out = connection;
  for (let v = keywordPassword(out); v !== undefined; v = keywordPassword(out)) out = out.slice(0, v.start) + '***' + out.slice(v.end);
  return out;
}

/** Where the value of the first `password=` (not yet hidden) of a `key=value` connection string is, and what it says. */
function keywordPassword(connection: string): { start: number; end: number; value: string } | undefined {
  const re = /\bpassword\s*=\s*/gi;
  for (let m = re.exec(connection); m !== null; m = re.exec(connection)) {
    const start = m.index + m[0].length;
    if (connection.startsWith('***', start)) continue;
    if (connection[start] !== "'") {
      let end = start;
      while (end < connection.length && !/\s/.test(connection[end] as string)) end++;
      return { start, end, value: connection.slice(start, end) };
    }
    // A quoted value: \' and \\ are escapes, as libpq reads them.
    let value = '';
    let end = start + 1;
    for (; end < connection.length && connection[end] !== "'"; end++) value += connection[end] === '\\' ? connection[++end] ?? '' : connection[end];
    return { start, end: Math.min(end + 1, connection.length), value };
  }
  return undefined;
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
    return keywordPassword(connection)?.value;
  }
}
