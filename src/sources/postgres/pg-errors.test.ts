import { describe, expect, it } from 'vitest';
import { connectionError, queryError } from './pg-errors.js';

describe('queryError', () => {
  it.each([
    ['a cast of a personal ID', 'invalid input syntax for type bigint: "07912345678X"', '22P02', 'invalid input syntax for type bigint: "0791******8X"'],
    ['a cast of a name', 'invalid input syntax for type integer: "Nguyễn Văn An"', '22P02', 'invalid input syntax for type integer: "N***** V** A*"'],
    ['a date out of range', 'date/time field value out of range: "23/13/1961"', '22008', 'date/time field value out of range: "**/**/****"'],
    ['a number out of range', 'value "079123456789" is out of range for type integer', '22003', 'value "0791******89" is out of range for type integer'],
    ['a value with quotes of its own', 'invalid input syntax for type integer: "Lê "Văn" An"', '22P02', 'invalid input syntax for type integer: "L* "**** A*"'],
  ])('masks the value a data exception quotes: %s', (_what, message, code, told) => {
    expect(queryError(Object.assign(new Error(message), { code }), undefined).message).toBe(`ddss: the query failed: ${told} (${code})`);
  });

  it.each([
    ['another error', 'relation "parcels" does not exist', '42P01'],
    ['an encoding error', 'invalid byte sequence for encoding "UTF8": 0xe1 0xbb', '22021'],
  ])('quotes %s as the server said it', (_what, message, code) => {
    expect(queryError(Object.assign(new Error(message), { code }), undefined).message).toBe(`ddss: the query failed: ${message} (${code})`);
  });

  it.each([
    ['a write to a closed socket', 'write EPIPE', 'EPIPE', 'the connection to the server was lost (write EPIPE)'],
    ['a reset', 'read ECONNRESET', 'ECONNRESET', 'the connection to the server was lost (read ECONNRESET)'],
    ['an end without a word', 'Connection terminated unexpectedly', undefined, 'the connection to the server was lost (Connection terminated unexpectedly)'],
  ])('says a lost connection is one, not that the query failed with a SQLSTATE: %s', (_what, message, code, told) => {
    expect(queryError(Object.assign(new Error(message), { code }), undefined).message).toBe(`ddss: ${told}`);
  });
});

describe('connectionError', () => {
  // libpq's sslmode=prefer falls back to an unencrypted connection; node-postgres does not, and said only "The server
  // does not support SSL connections".
  it('says what to do when the server has no TLS and the URL asks for it', () => {
    expect(connectionError(new Error('The server does not support SSL connections'), 'postgresql://ana@db/land?sslmode=prefer', undefined).message)
      .toBe('ddss: could not connect to postgresql://ana@db/land?sslmode=prefer: the server does not accept TLS (SSL) connections, ' +
        'and the URL\'s sslmode (or PGSSLMODE) asks for one (with sslmode=prefer too: ddss, through node-postgres, does not fall back to an ' +
        'unencrypted connection as libpq does): connect with sslmode=disable to read without TLS');
  });
});

describe('connectionError and a short password', () => {
  // A password equal to the user name was hidden in the server's message and the URL alike: 'for user "***"'.
  it('names the host, port, user and database whatever the password is', () => {
    const e = Object.assign(new Error('password authentication failed for user "ddss"'), { code: '28P01' });
    expect(connectionError(e, 'postgresql://ddss@127.0.0.1:42011/ddss', 'ddss').message)
      .toBe('ddss: could not connect to postgresql://ddss@127.0.0.1:42011/ddss: authentication failed: password authentication failed for user "ddss"');
  });
});
