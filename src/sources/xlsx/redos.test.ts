import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { regexLiterals } from '../../../test/_regex-literals.js';

// The workbook reader runs these over text from the file (cell tags, the end of each part, error messages).
const here = fileURLToPath(new URL('.', import.meta.url));
const shipped = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(here, f));

const literals = [
  ...shipped.flatMap((f) => regexLiterals(f, f.slice(here.length))),
  // part-text.ts builds the test of a root's closing tag for each root: the sheet's, as an instance.
  { source: '^(?:</(?:[A-Za-z_][\\w.-]*:)?worksheet\\s*>|<(?:[A-Za-z_][\\w.-]*:)?worksheet(?:\\s[^<>]*)?/>)$', flags: '', where: 'part-text.ts (built)' },
];

describe('regular expressions of the workbook reader', () => {
  it('are found (the scan works)', () => {
    expect(literals.map((l) => `/${l.source}/${l.flags}`)).toEqual(expect.arrayContaining(['/<(?:[A-Za-z_][\\w.-]*:)?c\\s[^<>]*>/g']));
  });

  it.each(literals.map((l) => [l.where, l] as const))('%s is safe from ReDoS', async (_where, l) => {
    const diagnostics = await check(l.source, l.flags, { timeout: 10_000 });
    expect(diagnostics.status).toBe('safe');
  });
});
