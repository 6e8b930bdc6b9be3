import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineDataset, field, rule, valueRule, type RuleOptions } from '../index.js';
import { vn } from '../../rules/vn/index.js';
import { landParcels, landParcelsWith, insuranceParticipantsWith, enterpriseRegisterWith, builtinDatasets } from '../../rules/datasets/index.js';
import { parseDefinition } from '../declarative/parse-definition.js';
import { DefinitionError } from '../declarative/definition-error.js';

// Options are read by name: a misspelt key was silently ignored and the rule ran as if it had not been given (a
// warning reported as an error, a case-insensitive list compared exactly). `as never` stands for JavaScript, or an
// options object TypeScript does not check for extra keys.
const typo = <T>(o: T) => o as never;

describe('rule options: a key the rule does not read throws when the rule is built', () => {
  it.each<[string, () => unknown, string | undefined]>([
    ['field.unique({ severty })', () => field.text().unique(typo({ severty: 'warning' })), 'severity'],
    ['field.oneOf(…, { caseInsensitve })', () => field.text().oneOf(['a'], typo({ caseInsensitve: true })), 'caseInsensitive'],
    ['field.required({ severty })', () => defineDataset({ name: 'x', fields: { a: field.text().required(typo({ severty: 'info' })) } }), 'severity'],
    ['field.typeCheck({ treshold })', () => defineDataset({ name: 'x', fields: { a: field.integer().typeCheck(typo({ treshold: 0.5 })) } }), 'threshold'],
    ['field.min(…, { exclusiv })', () => field.number().min(0, typo({ exclusiv: true })), 'exclusive'],
    ['field.pattern(…, { unsafee })', () => field.text().pattern(/^a$/, typo({ unsafee: true })), 'unsafe'],
    ['field.check(…, { Code })', () => field.text().check('x', () => true, typo({ Code: 'bad' })), 'code'],
    ['field.within(…, { weights })', () => field.date().within({ days: 1 }, typo({ weights: 2 })), 'weight'],
    ['rule.uniqueBy(…, { normalise })', () => rule.uniqueBy(['a'], typo({ normalise: vn.canonical.mst })), 'normalize'],
    ['rule.record(…, { feilds })', () => rule.record('x', () => true, typo({ feilds: ['a'] })), undefined],
    ['rule.rowCount(…, { severty })', () => rule.rowCount({ min: 1 }, typo({ severty: 'warning' })), 'severity'],
    ['rule.foreignKey(…, { mising })', () => rule.foreignKey('a', { name: 'r' } as never, undefined, typo({ mising: 'fail' })), 'missing'],
    ['rule.fromZod(…, { criterias })', () => rule.fromZod(z.object({ a: z.string() }), typo({ criterias: {} })), 'criteria'],
    ['vn.cccd({ acceptCmdn })', () => vn.cccd(typo({ acceptCmdn: true })), 'acceptCmnd'],
    ['vn.landUseCode({ stict })', () => vn.landUseCode(typo({ stict: true })), 'strict'],
    ['vn.datesOrdered(…, { upToNOw })', () => vn.datesOrdered(['a', 'b'], typo({ upToNOw: false })), 'upToNow'],
    ['vn.salaryInRange(…, { regions })', () => vn.salaryInRange({ salary: 's', month: 'm' }, typo({ regions: 'I' })), 'region'],
    ['vn.verifyPerson(…, { severty })', () => vn.verifyPerson({ id: 'i', name: 'n', gender: 'g', birthYear: 'b' }, typo({ register: 'p', severty: 'warning' })), 'severity'],
    ['a rule of one\'s own', () => valueRule<unknown>({ name: 'mine', criterion: 'correct' }, () => true, typo({ level: 2 })), undefined],
  ])('%s', (_, build, near) => {
    expect(build).toThrow(TypeError);
    expect(build).toThrow(near === undefined ? /is not an option of rule / : new RegExp(`did you mean "${near}"`));
  });

  it('refuses options that are not an object', () => {
    expect(() => valueRule<unknown>({ name: 'mine', criterion: 'correct' }, () => true, typo(null))).toThrow(TypeError);
  });

  it.each<[string, () => unknown]>([
    ['every common option', () => field.text().trimmed({ id: 'a', criterion: 'clean', severity: 'warning', threshold: 0.5, weight: 2,
      when: () => true, message: 'm', description: 'd' })],
    ['a rule\'s own options', () => field.text().oneOf(['a'], { caseInsensitive: true, severity: 'info' })],
    ['a rule of one\'s own that lists its options', () => valueRule<unknown, RuleOptions & { readonly level?: number }>(
      { name: 'mine', criterion: 'correct', options: { level: true } }, () => true, { level: 2 })],
    ['vn pack options passed through warn-only rules', () => vn.bhytObjectCode({ dateField: 'from', severity: 'info' })],
  ])('accepts %s', (_, build) => {
    expect(build).not.toThrow();
  });
});

describe('definitions and the built-in datasets', () => {
  it('refuses a misspelt key of defineDataset, which left the dataset judged without it', () => {
    expect(() => defineDataset(typo({ name: 'x', fields: { a: field.text() }, failunder: 0.9 }))).toThrow(/did you mean "failUnder"/);
  });

  it('refuses a misspelt option of a built-in dataset builder', () => {
    expect(() => landParcelsWith(typo({ comunes: [] }))).toThrow(/did you mean "communes"/);
    expect(() => insuranceParticipantsWith(typo({ populaton: [] }))).toThrow(/did you mean "population"/);
    expect(() => enterpriseRegisterWith(typo({ comunes: [] }))).toThrow(/did you mean "communes"/);
  });

  it('still builds every built-in dataset (none passes a key its rules do not read)', () => {
    expect(Object.keys(builtinDatasets).length).toBeGreaterThanOrEqual(3);
    expect(landParcels.rules.length).toBeGreaterThan(0);
    expect(() => landParcelsWith({ population: [] })).not.toThrow();
  });

  it('reports a definition file\'s misspelt option at its path', () => {
    let e: unknown;
    try {
      parseDefinition('name: x\nfields:\n  a: { type: text, unique: { severty: warning } }\n', { format: 'yaml', file: 'def.yaml' });
    } catch (error) {
      e = error;
    }
    expect(e).toBeInstanceOf(DefinitionError);
    expect((e as DefinitionError).path).toBe('fields.a.unique');
    expect((e as DefinitionError).detail).toContain('"severty"');
  });
});
