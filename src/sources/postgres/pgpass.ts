import { readFileSync, statSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * The password libpq would use for a `postgresql://` URL that has none: `PGPASSWORD`, else the first matching line
 * of the password file (`PGPASSFILE`, else `~/.pgpass`; `host:port:database:user:password`, `*` matching anything,
 * `\:` and `\\` escaped), which, as libpq does, is ignored when group or others can read it. Undefined when neither
 * has one. `env` is the environment of the command (the process's, or a test's).
 * @example pgPassword('postgresql://ana@db:5432/land', { PGPASSWORD: 's3cret' }) // 's3cret'
 */
export function pgPassword(url: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.PGPASSWORD !== undefined && env.PGPASSWORD !== '') return env.PGPASSWORD;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const file = env.PGPASSFILE ?? join(env.HOME ?? homedir(), '.pgpass');
  let text: string;
  try {
    const st = statSync(file);
    if (!st.isFile() || (process.platform !== 'win32' && (st.mode & 0o077) !== 0)) return undefined;
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const user = decodeURIComponent(u.username) || env.PGUSER || env.USER || userInfo().username;
  const want = [
    decodeURIComponent(u.hostname).replace(/^\[|\]$/g, '') || env.PGHOST || 'localhost',
    u.port || env.PGPORT || '5432',
    decodeURIComponent(u.pathname.replace(/^\//, '')) || env.PGDATABASE || user,
    user,
  ];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const fields = splitLine(line);
    if (fields.length < 5) continue;
    if (want.every((w, i) => fields[i] === '*' || fields[i] === w)) return fields.slice(4).join(':');
  }
  return undefined;
}

/** The fields of one `.pgpass` line, split at unescaped colons, escapes removed. */
function splitLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === '\\' && i + 1 < line.length) cur += line[++i];
    else if (c === ':' && out.length < 4) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}
