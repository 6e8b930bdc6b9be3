import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pgPassword } from './pgpass.js';

const dir = mkdtempSync(join(tmpdir(), 'ddss-pgpass-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'pgpass');
writeFileSync(file, [
  '# comment',
  'other:5432:*:ana:wrong',
  'db:5432:land:ana:p\\:ss\\\\w:rest',
  '*:*:*:bao:any',
  'localhost:6543:ana:ana:local',
].join('\n'));
chmodSync(file, 0o600);
const env = { PGPASSFILE: file };

describe('pgPassword', () => {
  it.each([
    ['postgresql://ana@db:5432/land', 'p:ss\\w:rest'],
    ['postgresql://ana@db/land', 'p:ss\\w:rest'],
    ['postgresql://bao@elsewhere:1/x', 'any'],
    ['postgresql://ana@localhost:6543', 'local'], // the database defaults to the user's name
    ['postgresql://ana@db:5432/other', undefined],
  ])('%s → %s', (url, password) => {
    expect(pgPassword(url, env)).toBe(password);
  });

  it('PGPASSWORD comes first; a file others can read is ignored, as libpq ignores it', () => {
    expect(pgPassword('postgresql://ana@db/land', { ...env, PGPASSWORD: 'env' })).toBe('env');
    chmodSync(file, 0o644);
    expect(pgPassword('postgresql://ana@db/land', env)).toBeUndefined();
    chmodSync(file, 0o600);
  });
});
