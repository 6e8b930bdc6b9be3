import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/feedback/${name}`, import.meta.url));

/**
 * The lines of `node --trace-deopt` running `script` that say V8 threw an optimised generated function away for want
 * of type feedback: the evaluator, or (`columns`: the rows in batches of arrays) the field-at-a-time evaluator's
 * functions (`parse<i>`, `column<i>`, `records`; src/core/codegen-columns.ts).
 */
function run(script: string, mode: 'rows' | 'columns'): { stdout: string; thrownAway: string[] } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--trace-deopt', script, mode], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  const thrownAway = r.stdout.split('\n')
    .filter((l) => /deoptimizing .*<JSFunction (evaluate|parse\d+|column\d+|field\d+|records) /.test(l) && /Insufficient type feedback/.test(l));
  return { stdout: r.stdout, thrownAway };
}

// The generated evaluator runs every missing-value filter on its first rows so that V8 has type feedback for each
// comparison before it optimises the function (src/core/codegen.ts). A comparison those rows never reached made V8
// throw the optimised evaluator away at the first row that reached it, and compile it again (~100 ms, in every
// thread): `W > 0` after `mm[c] === 1` held, for a field whose first rows all start like a token.
describe('the generated evaluator', () => {
  it.each(['rows', 'columns'] as const)('is not thrown away for want of type feedback when a value first skips a filter late in the file (%s)', (mode) => {
    const { stdout, thrownAway } = run(fixture('late-first-character.ts'), mode);
    expect(stdout).toContain('rows 40000 failed 0');
    expect(thrownAway).toEqual([]);
  });

  // A record check's first 1,000 calls are watched for the names they read (src/core/when-watch.ts). They were made
  // from a call site of their own, so the rule's plain site was first reached on its 1001st row: for a rule that
  // runs on few rows (two dates of a dissolved enterprise, 1 row in 50) that came after V8 had optimised the
  // evaluator, which threw it away and compiled it again (enterprise-register: 300 ms, then 130 ms, every thread).
  it.each(['rows', 'columns'] as const)('is not thrown away when a record rule or an aggregate that runs on few rows has its 1001st call (%s)', (mode) => {
    const { stdout, thrownAway } = run(fixture('late-record-rule.ts'), mode);
    expect(stdout).toContain('rows 90000 failed 600');
    expect(thrownAway).toEqual([]);
  });
});
