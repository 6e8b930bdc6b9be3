import { describe, expect, it } from 'vitest';
import { CliError, EXIT, usage } from './_errors.js';
import { historyReadError, type HistoryTarget } from './_history.js';

const file: HistoryTarget = { kind: 'file', path: '/work/h.ndjson', given: 'h.ndjson' };
const table: HistoryTarget = { kind: 'postgres', options: { connectionString: 'postgresql://db/x' } };
const errno = (code: string) => Object.assign(new Error(`${code}: boom`), { code });

describe('historyReadError', () => {
  // The exit codes of docs/cli.md: a damaged history is the user's to repair (2); one that cannot be read left the
  // run unevaluated (3), a file said in the words of every command's unreadable input.
  it.each([
    ['a damaged line', file, new Error('ddss: history /work/h.ndjson line 2 is not a ddss history entry: not JSON'), EXIT.usage,
      'history /work/h.ndjson line 2 is not a ddss history entry: not JSON'],
    ['a file without read permission', file, new Error('ddss: history /work/h.ndjson: EACCES', { cause: errno('EACCES') }), EXIT.unevaluated,
      'cannot read "h.ndjson": permission denied'],
    // Before: a read error part-way (a failing disk) was a usage error, exit 2.
    ['a read that fails part-way', file, new Error('ddss: history /work/h.ndjson: EIO: i/o error', { cause: errno('EIO') }), EXIT.unevaluated,
      'cannot read "h.ndjson": EIO: boom'],
    ['a table that is no history table', table, new Error('ddss: history x is not a ddss history table (it has no column "run")'), EXIT.usage,
      'history x is not a ddss history table (it has no column "run")'],
    ['a server that cannot be reached', table, new Error('ddss: connect ECONNREFUSED'), EXIT.unevaluated, 'connect ECONNREFUSED'],
  ])('%s', (_what, target, e, code, message) => {
    const err = historyReadError(e, target, usage, (m) => new CliError(m, EXIT.unevaluated));
    expect([err.exitCode, err.message]).toEqual([code, message]);
  });
});
