import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/index.js';

// The README's first code block is what a new user copies: it must run as written.
describe('README', () => {
  it('the "Use it in code" example runs and validates its row without a finding', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const block = /## Use it in code\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'ddss-readme-'));
    try {
      const file = join(dir, 'example.ts');
      const src = new URL('../src/index.ts', import.meta.url).pathname;
      writeFileSync(file, `${(block as string).replace("from 'ddss'", `from ${JSON.stringify(src)}`)}\nexport { report };\n`);
      const { report } = (await import(file)) as { report: Report };
      expect(report.violations).toEqual([]);
      expect(report.status).toBe('passed');
      expect(report.score).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
