import { describe, expect, it } from 'vitest';
import { cli, NOW } from './fixtures/cli/harness.js';

// Nothing connects: the URL is refused first. `sslmode=bogus` was taken for a request for TLS, and the server (or
// here, port 1) answered for the typo: "the server does not accept TLS … connect with sslmode=disable", exit 3.
describe('an sslmode that names no mode is a usage error', () => {
  const said = 'sslmode=bogus is not an SSL mode: use disable, allow, prefer, require, verify-ca or verify-full ' +
    "(or no-verify, node-postgres's TLS without a certificate check)";
  const url = 'postgresql://ddss:s3cret@127.0.0.1:1/postgres?sslmode=bogus';

  it('as the input', async () => {
    const r = await cli(['validate', url, '--table', 'parcels', '--dataset', 'land-parcels', ...NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ddss: ${said}\n`);
  });

  it('as --history', async () => {
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'land-parcels', ...NOW, '--history', url]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ddss: --history: ${said}\n`);
  });
});
