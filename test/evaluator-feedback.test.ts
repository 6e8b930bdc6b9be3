import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('./fixtures/feedback/late-first-character.ts', import.meta.url));

// The generated evaluator runs every missing-value filter on its first rows so that V8 has type feedback for each
// comparison before it optimises the function (src/core/codegen.ts). A comparison those rows never reached made V8
// throw the optimised evaluator away at the first row that reached it, and compile it again (~100 ms, in every
// thread): `W > 0` after `mm[c] === 1` held, for a field whose first rows all start like a token.
describe('the generated evaluator', () => {
  it('is not thrown away for want of type feedback when a value first skips a filter late in the file', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--trace-deopt', SCRIPT], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('rows 40000 failed 0');
    const thrownAway = r.stdout.split('\n').filter((l) => /deoptimizing .*<JSFunction evaluate /.test(l) && /Insufficient type feedback/.test(l));
    expect(thrownAway).toEqual([]);
  });
});
