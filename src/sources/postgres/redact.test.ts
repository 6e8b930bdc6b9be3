import { describe, expect, it } from 'vitest';
import { hideSecret, redactUrl, urlPassword } from './redact.js';
import { clientConfig } from './client-config.js';

describe('redactUrl', () => {
  it.each([
    ['postgresql://ana:s3cret@db:5432/land', 'postgresql://ana@db:5432/land'],
    ['postgres://ana:p%40ss%3Aw@db/land?sslmode=require', 'postgres://ana@db/land?sslmode=require'],
    ['postgresql://db/land?password=s3cret&application_name=x', 'postgresql://db/land?application_name=x'],
    ['postgresql://ana@db/land', 'postgresql://ana@db/land'],
    ['host=db password=s3cret dbname=land', 'host=db password=*** dbname=land'],
    ["host=db password='s 3' dbname=land", 'host=db password=*** dbname=land'],
  ])('%s → %s', (given, shown) => {
    expect(redactUrl(given)).toBe(shown);
  });

  it('urlPassword decodes the password; hideSecret hides it raw and encoded', () => {
    expect(urlPassword('postgresql://ana:p%40ss%3Aw@db/land')).toBe('p@ss:w');
    expect(urlPassword('postgresql://ana@db/land')).toBeUndefined();
    expect(hideSecret('x p@ss:w y p%40ss%3Aw', 'p@ss:w')).toBe('x *** y ***');
  });

  it('a separate password goes into the URL, where pg reads it', () => {
    expect(clientConfig('postgresql://ana@db/land', 'p@ss')).toMatchObject({ connectionString: 'postgresql://ana:p%40ss@db/land', password: 'p@ss' });
    expect(clientConfig('postgresql://ana@db/land', undefined)).toEqual({ connectionString: 'postgresql://ana@db/land', application_name: 'ddss',
      connectionTimeoutMillis: 30_000 });
  });
});

describe('key=value connection strings', () => {
  it.each([
    ["host=db password='it\\'s a secret' dbname=land", 'host=db password=*** dbname=land', "it's a secret"],
    ['password=a password = b', 'password=*** password = ***', 'a'],
  ])('%s', (given, shown, password) => {
    expect(redactUrl(given)).toBe(shown);
    expect(urlPassword(given)).toBe(password);
  });
});

// `new URL` refuses these: the fallback stopped at the password's first `/` and left the URL whole.
describe('URLs that cannot be parsed', () => {
  it.each([
    ['postgresql://ddss:Pa/ss@127.0.0.1:5432/postgres', 'postgresql://ddss@127.0.0.1:5432/postgres', 'Pa/ss'],
    ['postgresql://ddss:Pa/ss@w:0/rd@127.0.0.1:99999/postgres', 'postgresql://ddss@127.0.0.1:99999/postgres', 'Pa/ss@w:0/rd'],
    ['postgres://ana:p%40ss@db:99999/land', 'postgres://ana@db:99999/land', 'p@ss'],
    ['postgresql://db:99999/land?password=a@b/c&x=1', 'postgresql://db:99999/land?password=***&x=1', 'a@b/c'],
    ['postgresql://ana@db:99999/land', 'postgresql://ana@db:99999/land', undefined],
  ])('%s → %s', (given, shown, password) => {
    expect(redactUrl(given)).toBe(shown);
    expect(urlPassword(given)).toBe(password);
  });
});
