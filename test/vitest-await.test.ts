import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A forgotten `await` must fail the test that forgot it. The fixture suite is run in a vitest of its own (it fails
// on purpose), and its JSON results say which tests failed and why.
const root = fileURLToPath(new URL('..', import.meta.url));
const config = fileURLToPath(new URL('./fixtures/vitest/vitest.config.ts', import.meta.url));

interface Result { readonly title: string; readonly status: string; readonly failureMessages: readonly string[] }

function runFixtures(): Promise<Result[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url)), 'run',
      '--config', config, '--reporter=json'], { cwd: root, timeout: 120_000, maxBuffer: 16 << 20 }, (error, stdout) => {
      try {
        const report = JSON.parse(stdout) as { testResults: { assertionResults: Result[] }[] };
        resolve(report.testResults.flatMap((f) => f.assertionResults));
      } catch {
        reject(error ?? new Error(`no JSON from vitest: ${stdout.slice(0, 500)}`));
      }
    });
  });
}

describe('ddss/vitest asynchronous matchers', () => {
  it('fail the test that does not await them, whatever their verdict; awaited ones behave as before', async () => {
    const results = await runFixtures();
    const status = Object.fromEntries(results.map((r) => [r.title, r.status]));
    expect(status).toEqual({
      'forgets await on a failing toPassDataset': 'failed',
      'forgets await on a passing toPassDataset': 'failed',
      'forgets await on a negated toPassDataset, then awaits something else': 'failed',
      'awaits toPassDataset': 'passed',
      'awaits a rejection through expect(…).rejects': 'passed',
      'keeps the promise and awaits it later': 'passed',
    });
    const message = (title: string): string => results.find((r) => r.title === title)?.failureMessages.join('\n') ?? '';
    expect(message('forgets await on a passing toPassDataset'))
      .toMatch(/toPassDataset\(…\) was not awaited, so the test ended before its verdict \(it would have passed\)/);
    expect(message('forgets await on a failing toPassDataset')).toMatch(/it would have failed: expected ids to pass/);
    // The failure points at the line that forgot `await`.
    expect(message('forgets await on a failing toPassDataset')).toMatch(/unawaited\.fixture\.ts:\d+/);
  }, 150_000);
});
