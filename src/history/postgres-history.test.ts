import { describe, expect, it } from 'vitest';
import { historyTableName, postgresHistoryName } from './postgres-history.js';

describe('historyTableName', () => {
  it.each([
    [undefined, ['ddss_history']], ['runs', ['runs']], ['audit.Runs_2026', ['audit', 'Runs_2026']],
  ])('%s → %j', (given, parts) => expect(historyTableName(given)).toEqual(parts));

  it.each(['', 'a.b.c', 'x"; DROP TABLE t; --', 'tên', '1runs', 'a.', `t${'x'.repeat(63)}`])('refuses %j', (given) => {
    expect(() => historyTableName(given)).toThrow(/is not a table name/);
  });
});

describe('postgresHistoryName', () => {
  it('names the URL without its password, and the table', () => {
    expect(postgresHistoryName({ connectionString: 'postgresql://ana:s3cret@db:5432/land', table: 'audit.runs' }))
      .toBe('postgresql://ana@db:5432/land audit.runs');
    expect(postgresHistoryName({ connectionString: 'postgresql://db/land?password=s3cret' })).toBe('postgresql://db/land ddss_history');
  });
});
