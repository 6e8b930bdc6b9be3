import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

// URLs that `new URL` refuses: a password with a `/` not encoded, a port out of range. Nothing connects: every
// command stops before it would, and each message named the URL whole, password and all (the fallback redaction
// stopped at the first `/`, and the password guard took the password only up to it).
const SLASH = 'postgresql://ddss:Pa/ss@127.0.0.1:5432/postgres';
const PORT = 'postgresql://ddss:Pa/ss@w0rd@127.0.0.1:99999/postgres';
const SECRETS = ['Pa/ss', 'Pa%2Fss', 'ss@w0rd'];

let out: ReturnType<typeof scratch>;
let state: string;

beforeAll(async () => {
  out = scratch();
  state = out.path('part-1.ddss-state');
  const shard = await cli(['validate', 'parcels.csv', '--dataset', 'land-parcels', ...NOW, '--shard', '1/1', '--state-out', state]);
  expect(shard.stderr).toBe('');
}, 60_000);
afterAll(() => out?.remove());

describe('a postgresql:// URL that cannot be parsed is never shown with its password', () => {
  it.each([
    ['profile', (u: string) => ['profile', u]],
    ['compare', (u: string) => ['compare', u, 'parcels.csv', '--key', 'a']],
    ['validate with two inputs', (u: string) => ['validate', u, 'parcels.csv', '--dataset', 'land-parcels']],
    ['validate --table', (u: string) => ['validate', u, '--table', 't', '--dataset', 'land-parcels']],
    ['validate --history', (u: string) => ['validate', 'parcels.csv', '--dataset', 'land-parcels', ...NOW, '--history', u]],
    ['merge --history', (u: string) => ['merge', state, '--history', u]],
    ['history', (u: string) => ['history', u]],
    ['validate --out', (u: string) => ['validate', 'parcels.csv', '--dataset', 'land-parcels', ...NOW, '--out', u]],
    ['validate --out=', (u: string) => ['validate', 'parcels.csv', '--dataset', 'land-parcels', ...NOW, `--out=${u}`]],
    ['validate --violations', (u: string) => ['validate', 'parcels.csv', '--dataset', 'land-parcels', ...NOW, '--violations', `${u}.csv`]],
  ])('%s', async (_, argv) => {
    for (const url of [SLASH, PORT]) {
      const r = await cli(argv(url));
      expect(r.code).toBe(2);
      for (const s of SECRETS) expect(r.stdout + r.stderr).not.toContain(s);
    }
  });

  it('names the URL without its password where it names it', async () => {
    const r = await cli(['profile', SLASH]);
    expect(r.stderr).toContain('("postgresql://ddss@127.0.0.1:5432/postgres")');
    const o = await cli(['validate', 'parcels.csv', '--dataset', 'land-parcels', ...NOW, '--violations', `${PORT}.csv`]);
    expect(o.stderr).toContain('"postgresql://ddss@127.0.0.1:99999/postgres.csv"');
  });

  // The same URL as the input was a usage error (exit 2); as --history it was exit 3 and "Invalid URL" alone.
  it.each([
    ['validate', (u: string) => ['validate', 'parcels.csv', '--dataset', 'land-parcels', ...NOW, '--history', u]],
    ['merge', (u: string) => ['merge', state, '--history', u]],
  ])('%s --history with a URL that cannot be parsed is a usage error, as the same URL as input is', async (_, argv) => {
    const input = await cli(['validate', SLASH, '--table', 't', '--dataset', 'land-parcels']);
    const history = await cli(argv(SLASH));
    expect(input.code).toBe(2);
    expect(history.code).toBe(2);
    expect(history.stderr).toBe(input.stderr.replace('ddss: ', 'ddss: --history: '));
  });
});

// Nothing listens on port 1: the connection is refused. Every occurrence of the password's text was hidden, so a
// short or common one garbled the message ("could not connect to ***ql://***@127.0.0.1:***/***").
describe('a short or common password does not garble the messages', () => {
  it.each([['1'], ['postgres'], ['s'], ['ddss']])('password %s', async (password) => {
    const url = `postgresql://postgres:${password}@127.0.0.1:1/postgres`;
    const shown = 'postgresql://postgres@127.0.0.1:1/postgres';
    const refused = 'connection refused (is the server running and listening on that host and port?)';
    const input = await cli(['validate', url, '--table', 'parcels', '--dataset', 'land-parcels', ...NOW, '--workers', '1']);
    expect(input.code).toBe(3);
    expect(input.stderr).toBe(`ddss: could not read the whole input: could not connect to ${shown}: ${refused}\n`);
    const history = await cli(['validate', 'parcels.csv', '--dataset', 'land-parcels', ...NOW, '--history', url]);
    expect(history.code).toBe(3);
    expect(history.stderr).toBe(`ddss: --history ${shown} ddss_history: could not connect to ${shown}: ${refused}\n`);
  });
});
