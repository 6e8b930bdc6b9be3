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

  it('urlPassword decodes the password; hideSecret hides it raw and encoded where it is a URL\'s password', () => {
    expect(urlPassword('postgresql://ana:p%40ss%3Aw@db/land')).toBe('p@ss:w');
    expect(urlPassword('postgresql://ana@db/land')).toBeUndefined();
    expect(hideSecret('to postgresql://ana:p@ss:w@db/land, postgresql:/ana:p%40ss%3Aw@db/land', 'p@ss:w'))
      .toBe('to postgresql://ana@db/land, postgresql:/ana@db/land');
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

// Every occurrence of the password's text was hidden: a short or common one garbled the message (the host, the port,
// the user) and, beside the report's header that names the URL, gave it away.
describe('hideSecret hides the password where it is one, not its text elsewhere', () => {
  it.each([
    ['1', 'could not connect to postgresql://ddss:1@127.0.0.1:42011/postgres: connection refused',
      'could not connect to postgresql://ddss@127.0.0.1:42011/postgres: connection refused'],
    ['postgres', 'could not connect to postgresql://postgres:postgres@127.0.0.1:5432/postgres: authentication failed for user "postgres"',
      'could not connect to postgresql://postgres@127.0.0.1:5432/postgres: authentication failed for user "postgres"'],
    ['s', 'postgres://ana:s@db/land?sslmode=disable is slow', 'postgres://ana@db/land?sslmode=disable is slow'],
    ['ddss', 'host=db user=ddss password=ddss dbname=ddss', 'host=db user=ddss password=*** dbname=ddss'],
    ['p w', 'db/land?password=p%20w&x=1 at postgresql://db/land?password=p%20w', 'db/land?password=*** at postgresql://db/land'],
  ])('password %s', (secret, message, shown) => {
    expect(hideSecret(message, secret)).toBe(shown);
  });
});
