import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDefinition } from '../src/declarative/parse-definition.js';

// Every YAML example of docs/cli.md is a definition ddss reads as it is written (commune files beside it).
const doc = readFileSync(fileURLToPath(new URL('../docs/cli.md', import.meta.url)), 'utf8');
const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
const dir = mkdtempSync(join(tmpdir(), 'ddss-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
copyFileSync(fileURLToPath(new URL('../rules/vn/admin/fixtures/communes-2025.json', import.meta.url)), join(dir, 'communes-2025.json'));

describe('docs/cli.md', () => {
  it('has the Vietnamese pack and extends examples', () => {
    expect(blocks.some((b) => b.includes('vn: [cccd'))).toBe(true);
    expect(blocks.some((b) => b.includes('extends: land-parcels'))).toBe(true);
  });

  it.each(blocks.map((b, i) => [i, b]))('YAML example %i is a valid definition', (_, text) => {
    const def = parseDefinition(text, { format: 'yaml', file: 'docs/cli.md', baseDir: dir });
    expect(Object.keys(def.fields).length).toBeGreaterThan(0);
  });
});
