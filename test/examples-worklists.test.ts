import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeWorklists } from '../examples/worklists.js';

const committed = fileURLToPath(new URL('../examples/worklists/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ddss-example-worklists-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('examples/worklists', () => {
  it('regenerating the samples\' worklists by commune gives the committed files', async () => {
    const files = await writeWorklists(dir);
    expect(files.map((f) => basename(f))).toEqual(['land-by-commune.md', 'land-by-commune.html',
      'insurance-by-commune.md', 'insurance-by-commune.html']);
    for (const f of files) expect(readFileSync(f, 'utf8'), basename(f)).toBe(readFileSync(join(committed, basename(f)), 'utf8'));
    // Personal keys (the insurance number) stay masked in the committed pages.
    expect(readFileSync(join(committed, 'insurance-by-commune.html'), 'utf8')).toMatch(/<code class="id">\d{4}\*{4}\d{2}<\/code>/);
  }, 120_000);
});
