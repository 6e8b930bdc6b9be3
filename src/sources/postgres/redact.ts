/**
 * A connection string without its password, for reports, messages and logs: the URL form loses its password
 * (`postgresql://ana@db:5432/land`), the `key=value` form its `password=…`; text that is neither is returned as is.
 * A URL that cannot be parsed (a port of 99999, a password with a `/` not encoded) loses everything between `//` and
 * its last `@` but the user name (see `rawUserInfo`).
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
      return redactRawUrl(connection);
    }
  }
  return hideKeywordPasswords(connection);
}

/** `text` with the value of each `password=` (`key=value` form) as `***`. */
function hideKeywordPasswords(text: string): string {
  let out = text;
  for (let v = keywordPassword(out); v !== undefined; v = keywordPassword(out)) out = out.slice(0, v.start) + '***' + out.slice(v.end);
  return out;
}

/**
 * An unparsed `postgres://` URL without its password: its `password=` parameters hidden first (their value may hold
 * an `@`), then its user-info cut down to the user name.
 */
function redactRawUrl(connection: string): string {
  const out = connection.replace(/([?&]password=)[^&#]*/gi, '$1***');
  const info = rawUserInfo(out);
  if (info === undefined) return out;
  return `${out.slice(0, info.start)}${info.user === undefined ? '' : `${info.user}@`}${out.slice(info.end + 1)}`;
}

/**
 * Where the user-info of a `postgres://` URL is, read without `new URL` (which refuses the URL): from `//` to the
 * last `@`, since a password may hold `/`, `:` and `@` not encoded (the old `//[^@/]*@` stopped at its `/` and left it
 * whole in the message); its user name is what comes before the first `:`, shown only when it holds no `/`, `?` or
 * `#` (else the `@` was not the user-info's, and nothing of it is kept). `end` is the index of that `@`.
 * @example rawUserInfo('postgresql://ana:Pa/ss@db:99999/land') // { start: 13, end: 21, user: 'ana', password: 'Pa/ss' }
 */
export function rawUserInfo(connection: string): { start: number; end: number; user: string | undefined; password: string | undefined } | undefined {
  const start = connection.indexOf('//') + 2;
  const end = connection.lastIndexOf('@');
  if (start < 2 || end < start) return undefined;
  const info = connection.slice(start, end);
  const colon = info.indexOf(':');
  const user = colon < 0 ? info : info.slice(0, colon);
  return { start, end, user: user === '' || /[/?#]/.test(user) ? undefined : user, password: colon < 0 ? undefined : info.slice(colon + 1) };
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
 * `text` with the password hidden where it stands as a password: in each `postgres://` URL the text quotes (shown as
 * `redactUrl` shows it), in `password=…` of a `key=value` string or a URL's parameters (`***`), and, for `secret`
 * (as given and URL-encoded), as the user-info's password of a URL the text holds in another form (`:secret@`, a
 * path that lost a `/`). The last guard on messages that quote what the driver or server said. Why not every
 * occurrence of its text: a short or common password (`postgres`, `1`, `ddss`) garbled the message (for `1`,
 * `127.0.0.1:42011` came out `***27.0.0.***:420******`; for `ddss`, `for user "***"`) and, set beside the report's
 * header that names the URL without it, gave it away.
 * @example hideSecret('could not connect to postgresql://ana:1@db:5431/land', '1') // 'could not connect to postgresql://ana@db:5431/land'
 */
export function hideSecret(text: string, secret: string | undefined): string {
  // Rewritten only when it has a password: a URL serialised again may differ from the one quoted (percent-encoding).
  let out = hideKeywordPasswords(text.replace(/postgres(?:ql)?:\/\/[^\s"'<>]*/gi, (url) => (urlPassword(url) === undefined ? url : redactUrl(url))));
  if (secret === undefined || secret === '') return out;
  for (const s of new Set([secret, encodeURIComponent(secret)])) out = out.split(`:${s}@`).join('@');
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
    if (!/^postgres(?:ql)?:\/\//i.test(connection)) return keywordPassword(connection)?.value;
    // As redactRawUrl reads it: the user-info's password once parameters are hidden, else the parameter's.
    const hidden = connection.replace(/([?&]password=)[^&#]*/gi, '$1***');
    const raw = rawUserInfo(hidden)?.password ?? /[?&]password=([^&#]*)/i.exec(connection)?.[1];
    if (raw === undefined || raw === '') return undefined;
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
}
