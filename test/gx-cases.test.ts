import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectsError, fixtureFiles, gxCases } from './_gx.js';
import { DIFFERENT, EXCLUDED, REFUSED } from './_gx-plan.js';
import { FAMILIES, runCases } from './_gx-suite.js';

// The inventory of the Great Expectations conformance suite: every case of every fixture is run by one family's
// test file or listed in EXCLUDED with its reason, so a case added to a fixture can never be silently left out.
const cases = gxCases();
const byId = new Map(cases.map((c) => [c.id, c]));
const families = Object.values(FAMILIES).flat() as string[];

describe('the Great Expectations conformance suite', () => {
  it('names each case once (expectation: title)', () => {
    expect(byId.size).toBe(cases.length);
  });

  it('gives every fixture to exactly one family, each run by its own test file', () => {
    expect(new Set(families).size).toBe(families.length);
    expect(fixtureFiles()).toEqual([...families].sort().map((e) => `${e}.json`));
    for (const family of Object.keys(FAMILIES)) expect(existsSync(new URL(`./${family}.test.ts`, import.meta.url))).toBe(true);
  });

  it.each(EXCLUDED.map(([id, kind, why]) => [id, kind, why] as const))('does not run %s (%s): %s', (id, kind) => {
    const c = byId.get(id);
    expect(c, 'an exclusion names a case of the fixtures').toBeDefined();
    if (c === undefined) return;
    // The kind is checked against the case itself: a backend exclusion must be one GX's runner skips for pandas, an
    // error exclusion a case GX expects to raise (on pandas) that ddss does not refuse.
    expect(kind === 'backend' ? c.notForPandas !== undefined : c.notForPandas === undefined && expectsError(c) && !(id in REFUSED)).toBe(true);
  });

  it('runs every case it does not exclude, and excludes each at most once', () => {
    const run = new Set(runCases(families).map((c) => c.id));
    const left = cases.filter((c) => !run.has(c.id)).map((c) => c.id);
    const listed = EXCLUDED.map(([id]) => id);
    expect(new Set(listed).size).toBe(listed.length);
    expect(left.sort()).toEqual(listed.sort());
    // What must be excluded is: a case GX does not run on pandas, or one expecting GX to raise that ddss does not.
    const must = cases.filter((c) => c.notForPandas !== undefined || (expectsError(c) && !(c.id in REFUSED) && !(c.id in DIFFERENT)));
    expect(must.map((c) => c.id).sort()).toEqual(listed);
    for (const id of [...Object.keys(REFUSED), ...Object.keys(DIFFERENT)]) expect(run.has(id), id).toBe(true);
    for (const id of Object.keys(REFUSED)) expect(expectsError(byId.get(id) as NonNullable<ReturnType<typeof byId.get>>), id).toBe(true);
  });

  // The counts the README and the fixtures' README state.
  it('runs 121 of the 154 cases: 103 agree, 5 are refused by both, 13 differ on purpose', () => {
    const run = runCases(families);
    const differ = run.filter((c) => c.id in DIFFERENT).length;
    const refused = run.filter((c) => c.id in REFUSED).length;
    expect([cases.length, run.length, run.length - differ - refused, refused, differ]).toEqual([154, 121, 103, 5, 13]);
    expect(['backend', 'error'].map((k) => EXCLUDED.filter((e) => e[1] === k).length)).toEqual([19, 14]);
  });

  it.each([
    ['../README.md', "Of GX's 154 cases, 121 run and 33 do not (19 are for other backends than pandas,\n14 expect GX to raise"],
    ['./fixtures/gx/README.md', '154 cases. **121 run**: 103 agree with GX, 5 expect GX to raise'],
  ])('states those counts in %s', (file, text) => {
    expect(readFileSync(new URL(file, import.meta.url), 'utf8')).toContain(text);
  });
});
