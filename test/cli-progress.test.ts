import { describe, expect, it } from 'vitest';
import { cli, NOW } from './fixtures/cli/harness.js';

const ARGS = ['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW];

/** A clock that starts at 0 and then jumps `ms` ahead: the run "lasts" that long. */
function lasting(ms: number): () => number {
  let calls = 0;
  return () => (calls++ === 0 ? 0 : ms);
}

describe('the progress line', () => {
  it('appears on a terminal when the run lasts over 2 s, and is cleared at the end', async () => {
    const r = await cli(ARGS, { tty: true, clock: lasting(5000) });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('\r\x1b[Kddss: 4 rows, 1 rows/s\r\x1b[K');
    expect(r.stdout).not.toContain('rows/s');
  });

  it.each([
    ['a short run on a terminal', { tty: true, clock: lasting(1500) }],
    ['a pipe', { tty: false, clock: lasting(5000) }],
    ['CI', { tty: true, clock: lasting(5000), env: { CI: 'true' } }],
    ['a dumb terminal', { tty: true, clock: lasting(5000), env: { TERM: 'dumb' } }],
  ])('never appears in %s', async (_what, options) => {
    const r = await cli(ARGS, options);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  });
});
