import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { regexLiterals } from '../../../test/_regex-literals.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const shipped = [
  ...readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(here, f)),
  join(here, '..', 'identifiers.ts'),
  ...['dated.ts', 'provinces.ts', 'bhyt-object-codes.ts'].map((f) => join(here, '..', 'tables', f)),
];

const literals = shipped.flatMap((f) => regexLiterals(f));

describe('regular expressions shipped by the identifier rules', () => {
  it('are found (the scan works)', () => {
    expect(literals.map((l) => `/${l.source}/${l.flags}`)).toEqual(
      expect.arrayContaining(['/^([A-Z]{2})([1-5])(\\d{2})(\\d{10})$/', '/\\s/u']));
  });

  it.each(literals.map((l) => [l.where, l] as const))('%s is safe from ReDoS', async (_where, l) => {
    const diagnostics = await check(l.source, l.flags, { timeout: 10_000 });
    expect(diagnostics.status).toBe('safe');
  });
});
