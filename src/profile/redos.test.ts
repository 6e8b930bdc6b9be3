import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { regexLiterals } from '../../test/_regex-literals.js';

// The profile runs these on every cell of untrusted files, personal-value.ts on every value shown too.
const here = fileURLToPath(new URL('.', import.meta.url));
const literals = ['personal-value.ts', 'column-state.ts', 'suggest-definition.ts', 'two-digit-year.ts'].flatMap((f) => regexLiterals(join(here, f), f));

describe('regular expressions of the profile', () => {
  it('are found (the scan works)', () => {
    expect(readdirSync(here)).toContain('personal-value.ts');
    expect(literals.length).toBeGreaterThan(5);
  });

  it.each(literals.map((l) => [l.where, l] as const))('%s is safe from ReDoS', async (_where, l) => {
    const diagnostics = await check(l.source, l.flags, { timeout: 10_000 });
    expect(diagnostics.status).toBe('safe');
  });
});
