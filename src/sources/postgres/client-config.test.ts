import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { clientConfig } from './client-config.js';
import { readPostgres } from './read-postgres.js';

// A host that accepts the connection and never answers left `ddss validate postgresql://…` waiting until killed.
describe('the connection timeout of ddss\'s own connections', () => {
  it('is 30 s unless the URL says otherwise (connect_timeout, in seconds, as libpq reads it)', () => {
    expect(clientConfig('postgresql://ana@db/land', undefined).connectionTimeoutMillis).toBe(30_000);
    expect(clientConfig('postgresql://ana@db/land?connect_timeout=3', 'pw').connectionTimeoutMillis).toBe(3_000);
    expect(clientConfig('host=db dbname=land connect_timeout=5', undefined).connectionTimeoutMillis).toBe(5_000);
  });

  it('ends a read from a server that never answers, with a message', async () => {
    const sockets: Array<{ destroy(): void }> = [];
    const server = createServer((s) => { sockets.push(s); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const started = Date.now();
      const read = async () => { for await (const row of readPostgres({ connectionString: `postgresql://ana@127.0.0.1:${port}/land?connect_timeout=1`, table: 't' })) void row; };
      await expect(read()).rejects.toThrow(/timeout|timed out/i);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

// pg 8 took sslmode=prefer, require and verify-ca as verify-full and printed a many-line SECURITY WARNING about it (once
// per thread, so once per worker); psql and every libpq tool read the same URL otherwise. ddss asks pg for libpq's
// meaning (its uselibpqcompat switch), so the URL means what the user meant and pg prints nothing.
describe('sslmode in the URL of ddss\'s own connections', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ddss-ssl-'));
  const ca = join(dir, 'root.crt');
  writeFileSync(ca, 'CA');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => { vi.restoreAllMocks(); });
  /** What pg connects with: the `ssl` option its connection-string parser gives the client (false: no TLS). */
  const ssl = (url: string): unknown => (new pg.Client(clientConfig(url, 'pw')) as unknown as { ssl: unknown }).ssl;
  const check = expect.any(Function); // checkServerIdentity: the certificate is checked, not the host name

  it.each([
    ['disable', false],
    ['prefer', { rejectUnauthorized: false }], // encrypted (when the server can: see connectionError), no certificate check
    ['require', { rejectUnauthorized: false }], // encrypted, no certificate check
    ['require&sslrootcert=CA_FILE', { ca: 'CA', checkServerIdentity: check }], // with a CA file: as verify-ca
    ['verify-ca&sslrootcert=CA_FILE', { ca: 'CA', checkServerIdentity: check }],
    ['verify-full&sslrootcert=CA_FILE', { ca: 'CA' }], // the certificate and the host name
    ['verify-full', {}],
  ])('sslmode=%s connects as libpq does (%j), and pg prints no warning', (mode, options) => {
    const warn = vi.spyOn(process, 'emitWarning');
    expect(ssl(`postgresql://ana@db.example/land?sslmode=${mode.replace('CA_FILE', encodeURIComponent(ca))}`)).toEqual(options);
    expect(warn).not.toHaveBeenCalled();
  });

  it('keeps the URL\'s own uselibpqcompat, and leaves a URL without sslmode as it was', () => {
    expect(clientConfig('postgresql://ana@db/land?sslmode=require&uselibpqcompat=false', undefined).connectionString)
      .toBe('postgresql://ana@db/land?sslmode=require&uselibpqcompat=false');
    expect(clientConfig('postgresql://ana@db/land?options=-c%20x%3Dy', undefined).connectionString).toBe('postgresql://ana@db/land?options=-c%20x%3Dy');
  });

  it('sslmode=verify-ca without a CA file is one ddss line (libpq would look for ~/.postgresql/root.crt, pg refused in its own words)', () => {
    expect(() => clientConfig('postgresql://ana:s3cret@db/land?sslmode=verify-ca', undefined))
      .toThrow(/^ddss: sslmode=verify-ca checks the server's certificate against a certificate authority: give its file in the URL \(sslrootcert=…\)/);
  });
});

// pg reads PGSSLMODE apart from the URL, in its own way: require (and prefer, verify-ca) as verify-full, so a server
// with a self-signed certificate psql reaches with PGSSLMODE=require was refused, while sslmode=require in the URL
// meant libpq's. PGSSLMODE now means what the URL's own sslmode would, when the URL says nothing of TLS.
describe('PGSSLMODE for ddss\'s own connections', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ddss-ssl-'));
  const ca = join(dir, 'root.crt');
  writeFileSync(ca, 'CA');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => { vi.unstubAllEnvs(); vi.restoreAllMocks(); });
  /** What pg connects with when the process has this PGSSLMODE (pg reads the process's environment too). */
  const ssl = (url: string, mode: string): unknown => {
    vi.stubEnv('PGSSLMODE', mode);
    return (new pg.Client(clientConfig(url, 'pw')) as unknown as { ssl: unknown }).ssl;
  };
  const check = expect.any(Function);
  const withCa = (): string => `postgresql://ana@db.example/land?sslrootcert=${encodeURIComponent(ca)}`;

  it.each([
    ['disable', 'postgresql://ana@db.example/land', false],
    ['prefer', 'postgresql://ana@db.example/land', { rejectUnauthorized: false }],
    ['require', 'postgresql://ana@db.example/land', { rejectUnauthorized: false }], // was verify-full
    ['verify-full', 'postgresql://ana@db.example/land', {}],
    // Beside the URL's CA file, which pg read without PGSSLMODE (disable gave TLS, require checked the host name).
    ['require', 'WITH_CA', { ca: 'CA', checkServerIdentity: check }],
    ['verify-ca', 'WITH_CA', { ca: 'CA', checkServerIdentity: check }],
    ['disable', 'WITH_CA', false],
    // The URL's own sslmode, or ssl, wins, as for libpq (ssl=true is libpq's sslmode=require) and pg.
    ['require', 'postgresql://ana@db.example/land?sslmode=disable', false],
    ['disable', 'postgresql://ana@db.example/land?sslmode=require', { rejectUnauthorized: false }],
    ['disable', 'postgresql://ana@db.example/land?ssl=true', true],
    // Left to pg: allow (pg connects without TLS; libpq tries without it first) and pg's own no-verify.
    ['allow', 'postgresql://ana@db.example/land', false],
    ['no-verify', 'postgresql://ana@db.example/land', { rejectUnauthorized: false }],
  ])('PGSSLMODE=%s with %s connects as libpq does (%j), and pg prints no warning', (mode, url, options) => {
    const warn = vi.spyOn(process, 'emitWarning');
    expect(ssl(url === 'WITH_CA' ? withCa() : url, mode)).toEqual(options);
    expect(warn).not.toHaveBeenCalled();
  });

  it('goes into the URL in memory only, and only when the URL has no sslmode', () => {
    const env = { PGSSLMODE: 'require' };
    expect(clientConfig('postgresql://ana@db/land?application_name=x', undefined, env).connectionString)
      .toBe('postgresql://ana@db/land?application_name=x&sslmode=require&uselibpqcompat=true');
    expect(clientConfig('postgresql://ana@db/land?sslmode=verify-full', undefined, env).connectionString).toBe('postgresql://ana@db/land?sslmode=verify-full');
    expect(clientConfig('postgresql://ana@db/land', undefined, {}).connectionString).toBe('postgresql://ana@db/land');
  });

  it('PGSSLMODE=verify-ca without a CA file in the URL is one ddss line naming PGSSLMODE', () => {
    expect(() => clientConfig('postgresql://ana:s3cret@db/land', undefined, { PGSSLMODE: 'verify-ca' }))
      .toThrow(/^ddss: PGSSLMODE=verify-ca checks the server's certificate against a certificate authority: give its file in the URL \(sslrootcert=…; PGSSLROOTCERT is not read\), or use PGSSLMODE=verify-full/);
  });
});

// pg took any other sslmode as a request for TLS: `sslmode=bogus` on a server without TLS was reported as "the
// server does not accept TLS … connect with sslmode=disable", about a typo.
describe('an sslmode that names no mode', () => {
  it.each([['bogus'], ['Require'], ['']])('sslmode=%s is refused, naming the modes', (mode) => {
    expect(() => clientConfig(`postgresql://ana@db/land?sslmode=${mode}`, undefined, {}))
      .toThrow(`ddss: sslmode=${mode} is not an SSL mode: use disable, allow, prefer, require, verify-ca or verify-full`);
  });

  it('PGSSLMODE too, when the URL says nothing of TLS itself', () => {
    expect(() => clientConfig('postgresql://ana@db/land', undefined, { PGSSLMODE: 'bogus' })).toThrow(/^ddss: PGSSLMODE=bogus is not an SSL mode/);
    expect(() => clientConfig('postgresql://ana@db/land?sslmode=disable', undefined, { PGSSLMODE: 'bogus' })).not.toThrow();
    expect(() => clientConfig('postgresql://ana@db/land', undefined, { PGSSLMODE: '' })).not.toThrow();
  });

  it.each([['disable'], ['allow'], ['prefer'], ['require'], ['verify-full'], ['no-verify']])('sslmode=%s is taken', (mode) => {
    expect(() => clientConfig(`postgresql://ana@db/land?sslmode=${mode}`, undefined, {})).not.toThrow();
  });
});
