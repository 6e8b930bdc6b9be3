import { describe, expect, it } from 'vitest';
import { createValidator, defineDataset, field, profile, readJson, rule, validate } from '../index.js';
import { VALIDATE_OPTION_KEYS } from './option-keys.js';

const def = defineDataset({ name: 'd', fields: { updated: field.date('yyyy-MM-dd').within({ days: 30 }) },
  rules: [rule.freshness('updated', { days: 30 })] });

describe('the now of a run', () => {
  it.each([null, true, false])('is refused when %s, which was read as 1970 and found a record of 2001 fresh', async (now) => {
    await expect(validate(def, [{ updated: '2001-01-01' }], { now } as never)).rejects.toThrow(/"now" must be a Date/);
    expect(() => createValidator(def, { now } as never)).toThrow(/"now" must be a Date/);
  });

  it.each([new Date('2026-01-15'), '2026-01-15', Date.UTC(2026, 0, 15)])('is a Date, an ISO string or milliseconds (%s)', async (now) => {
    const report = await validate(def, [{ updated: '2026-01-01' }], { now });
    expect([report.now, report.status]).toEqual(['2026-01-15T00:00:00.000Z', 'passed']);
  });
});

describe('a now that is no calendar day, and a failUnder that is no number', () => {
  // Date rolled 2026-02-30 over to 2 March and 2026-04-31T10:00Z to 1 May, and the run was judged then.
  it.each(['2026-02-30', '2026-02-29', '2026-04-31T10:00:00Z', '2026-13-01'])('refuses now: %s', async (now) => {
    await expect(validate(def, [{ updated: '2026-01-01' }], { now })).rejects.toThrow(`ddss: invalid "now": ${now}`);
  });

  it('takes a leap day, and text Date reads (as before)', async () => {
    expect((await validate(def, [], { now: '2028-02-29' })).now).toBe('2028-02-29T00:00:00.000Z');
    expect((await validate(def, [], { now: 'Sun, 22 Nov 2026 08:00:00 GMT' })).now).toBe('2026-11-22T08:00:00.000Z');
  });

  // '' (an unset environment variable) compared as 0, a gate that failed nothing; true as 1.
  it.each(['', true, '0.99', null])('refuses failUnder: %j', async (failUnder) => {
    await expect(validate(def, [], { now: '2026-01-15', failUnder } as never)).rejects.toThrow(/ddss: failUnder must be a number in \[0, 1\], got /);
    expect(() => defineDataset({ name: 'g', fields: { a: field.text() }, failUnder } as never)).toThrow(/ddss: failUnder must be a number in \[0, 1\], got /);
  });
});

describe('a refused option shows the value given', () => {
  // JSON.stringify wrote NaN as null, and a template a text '5' as 5: the message hid what was wrong with the value.
  it.each<[string, unknown, RegExp]>([
    ['failUnder', Number.NaN, /^ddss: failUnder must be a number in \[0, 1\], got NaN$/],
    ['failUnder', Number.POSITIVE_INFINITY, /^ddss: failUnder must be a number in \[0, 1\], got Infinity$/],
    ['failUnder', '0.9', /^ddss: failUnder must be a number in \[0, 1\], got "0\.9"$/],
    ['maxSamplesPerRule', '5', /^ddss: maxSamplesPerRule must be a whole number ≥ 0, got "5"$/],
    ['maxSamplesPerRule', Number.NaN, /^ddss: maxSamplesPerRule must be a whole number ≥ 0, got NaN$/],
    ['worstRecords', '5', /^ddss: worstRecords must be a whole number from 0 to \d+, got "5"$/],
    ['maxGroups', '5', /^ddss: maxGroups must be a whole number ≥ 1, got "5"$/],
    ['showValues', Number.NaN, /^ddss: showValues must be true or false, got NaN$/],
  ])('%s: %s', async (key, value, message) => {
    await expect(validate(def, [], { now: '2026-01-15', [key]: value })).rejects.toThrow(message);
  });

  it('says NaN for a definition\'s failUnder of NaN', () => {
    expect(() => defineDataset({ name: 'g', fields: { a: field.text() }, failUnder: Number.NaN }))
      .toThrow('ddss: failUnder must be a number in [0, 1], got NaN');
  });
});

// `??` read null (a JSON config's or a YAML file's unset value) as not given: maxSamplesPerRule, worstRecords and
// maxGroups: null ran with their defaults, references: null with none, piiKey: null beside showValues was taken.
describe('an option given null is refused, not read as its default', () => {
  const rows = [{ updated: '2026-01-01' }];
  it.each<[string, object]>([...VALIDATE_OPTION_KEYS.map((k): [string, object] => [k, {}]), ['piiKey', { showValues: true }]])(
    '%s: null (with %o)', async (key, also) => {
      const options = { now: '2026-01-15', ...also, [key]: null } as never;
      const named = new RegExp(`^ddss: (the options of )?"?${key}"? `);
      await expect(validate(def, rows, options)).rejects.toThrow(named);
      expect(() => createValidator(def, options)).toThrow(key === 'baseline' ? /createValidator does not apply a baseline/ : named);
    });
});

describe('what is no definition, and options that are none', () => {
  it.each([[null, 'null'], ['parcels', 'string'], [{ name: 'x', fields: {} }, 'an object without rules']])('refuses %j as a definition', async (bad, what) => {
    await expect(validate(bad as never, [], { now: '2026-01-15' })).rejects
      .toThrow(`ddss: a dataset definition is what defineDataset() returns (its name, fields and rules), got ${what}`);
    expect(() => createValidator(bad as never, { now: '2026-01-15' })).toThrow(/a dataset definition is what defineDataset\(\) returns/);
  });

  it('refuses null options with its own words', async () => {
    await expect(validate(def, [], null as never)).rejects.toThrow('ddss: options must be an object, got null');
  });
});

describe('the workers of a run', () => {
  // They were floored and clamped: workers -1, 0 or NaN ran one thread without a word (the CLI refused --workers 0).
  it.each<[string, object]>([
    ['workers -1', { workers: -1 }], ['workers 0', { workers: 0 }], ['workers 1.5', { workers: 1.5 }],
    ['workers NaN', { workers: Number.NaN }], ["workers '2'", { workers: '2' }],
    ['minBytesPerWorker -1', { minBytesPerWorker: -1 }], ['minBytesPerWorker Infinity', { minBytesPerWorker: Number.POSITIVE_INFINITY }],
  ])('refuses %s in validate, createValidator and profile', async (_, o) => {
    await expect(validate(def, [{ updated: '2026-01-01' }], o as never)).rejects.toThrow(RangeError);
    expect(() => createValidator(def, o as never)).toThrow(RangeError);
    await expect(profile(readJson(['[{"a":1}]']), o as never)).rejects.toThrow(RangeError);
  });

  it.each([{ workers: 1 }, { workers: 2, minBytesPerWorker: 0 }])('accepts %j', async (o) => {
    const report = await validate(def, [{ updated: '2026-01-01' }], { now: '2026-01-15', ...o });
    expect(report.status).toBe('passed');
  });
});

describe('the switches of a run', () => {
  // Read by truthiness, showValues: 'false' (a string from an environment variable or a form) showed personal values
  // in clear; grades: 'yes' and timings: 1 were ignored.
  const pii = defineDataset({ name: 'p', fields: { id: field.text().pattern(/^\d{12}$/).pii() } });
  it.each([['showValues', 'false'], ['showValues', 0], ['grades', 'yes'], ['timings', 1]])('refuses %s: %j, which is not true or false', async (key, value) => {
    const options = { now: new Date('2026-11-22'), [key]: value } as never;
    await expect(validate(pii, [{ id: '001089012345x' }], options)).rejects.toThrow(new RegExp(`ddss: ${key} must be true or false, got`));
    expect(() => createValidator(pii, options)).toThrow(new RegExp(`${key} must be true or false`));
  });

  it.each([['onViolation', true], ['onRecord', 'log'], ['gradeColumns', 'commune_code']])('refuses %s: %j, naming what it takes', async (key, value) => {
    // onViolation: true failed as "receiver is not a function"; gradeColumns: 'ab' was read as the columns a and b.
    const options = { now: new Date('2026-11-22'), [key]: value } as never;
    await expect(validate(pii, [{ id: '1' }], options)).rejects.toThrow(new RegExp(`ddss: ${key} must be a`));
  });

  it('masks with showValues false, and shows with true', async () => {
    const sample = async (showValues: boolean) => (await validate(pii, [{ id: '001089012345x' }], { now: new Date('2026-11-22'), showValues }))
      .rules.find((r) => r.id === 'id.pattern')?.samples[0]?.value;
    expect([await sample(false), await sample(true)]).toEqual(['0010*******5x', '001089012345x']);
  });
});

describe('a groupBy that is no field name', () => {
  // null was named as a field "null" the dataset lacks, and 5 as "5"; a field's name is text.
  it.each([null, 5, ['updated']])('is refused as such: %s', async (groupBy) => {
    await expect(validate(def, [{ updated: '2026-01-01' }], { groupBy } as never)).rejects
      .toThrow(/^ddss: groupBy must be the name of a field \(text\), got (null|5|an array)$/);
    expect(() => createValidator(def, { groupBy } as never)).toThrow(TypeError);
  });
});
