import { describe, expect, it } from 'vitest';
import { notPattern } from './not-pattern.js';
import { codes } from '../../test/_ctx.js';
import { defineDataset, field, toJson, validate } from '../../src/index.js';

describe('notPattern', () => {
  const placeholder = notPattern(/^0+$/);
  it.each<[unknown, string[]]>([
    ['000000000000', ['matches_forbidden_pattern']],
    ['001089012345', []],
    ['', []], // an empty text given as a value (the engine skips missing cells before any rule)
    [0, ['matches_forbidden_pattern']], // tested as text, as pattern does
    [1089012345, []],
  ])('/^0+$/: %j → %j', (v, expected) => expect(codes(placeholder, v)).toEqual(expected));

  it.each<[RegExp, string, string[]]>([
    [/TEST/, 'a TEST record', ['matches_forbidden_pattern']], // unanchored: anywhere in the value, as GX's re.search
    [/^TEST/i, 'test-01', ['matches_forbidden_pattern']],
    [/^TEST/, 'test-01', []],
    [/\s{2}/, 'Nguyễn  Văn', ['matches_forbidden_pattern']],
  ])('%s: %j → %j', (re, v, expected) => expect(codes(notPattern(re), v)).toEqual(expected));

  it('ignores global/sticky state between calls', () => {
    const g = notPattern(/^a/gy);
    expect(codes(g, 'a')).toEqual(['matches_forbidden_pattern']);
    expect(codes(g, 'a')).toEqual(['matches_forbidden_pattern']);
  });

  it('is a correct error rule naming its pattern in params', () => {
    expect(placeholder).toMatchObject({ name: 'notPattern', criterion: 'correct', severity: 'error', code: 'matches_forbidden_pattern' });
    expect(placeholder.params).toEqual({ pattern: '/^0+$/' });
    expect(notPattern(/^0+$/, { severity: 'warning' }).severity).toBe('warning');
  });

  it.each([[/^(a+)+$/], [/^(.*a){20}$/], [/^(\d|\w)+$/]])('refuses %s, which can backtrack exponentially', (re) => {
    expect(() => notPattern(re)).toThrow(`ddss: notPattern ${String(re)} can backtrack exponentially (`);
    expect(() => field.text().notPattern(re)).toThrow('can backtrack exponentially');
    const unsafe = notPattern(re, { unsafe: true });
    expect(codes(unsafe, '-')).toEqual([]);
  });
});

describe('notPattern in a dataset', () => {
  const def = defineDataset({ name: 'owners', fields: { owner_id: field.text().notPattern(/^(\d)\1{11}$/).pii(), note: field.text().notPattern(/^x+$/) } });
  const rows = [{ owner_id: '111111111111', note: 'xxx' }, { owner_id: '001089012345', note: 'ok' }, { owner_id: '', note: '' }];
  const now = new Date('2026-11-22T00:00:00Z');

  it('fails the matching values; missing ones are not checked', async () => {
    const report = await validate(def, rows, { now });
    const rule = report.rules.find((r) => r.id === 'owner_id.notPattern');
    expect([rule?.checked, rule?.failed]).toEqual([2, 1]);
    expect(report.violations.map((v) => `${v.rule}:${v.code}:${v.row}`)).toEqual(['owner_id.notPattern:matches_forbidden_pattern:0', 'note.notPattern:matches_forbidden_pattern:0']);
  });

  it.each([
    ['en', 'note: "xxx" matches the forbidden format /^x+$/'],
    ['vi', 'note: "xxx" có định dạng bị cấm /^x+$/'],
  ] as const)('says so in %s', async (locale, message) => {
    const report = await validate(def, rows, { now, locale });
    expect(report.violations.find((v) => v.field === 'note')?.message).toBe(message);
  });

  it('does not print a personal field\'s value (nor its pattern) unless showValues', async () => {
    const report = await validate(def, rows, { now });
    const text = toJson(report) + JSON.stringify(report.violations);
    expect(text).not.toContain('111111111111');
    expect(text).not.toContain('\\\\1{11}');
    const shown = await validate(def, rows, { now, showValues: true });
    expect(shown.violations.find((v) => v.field === 'owner_id')?.value).toBe('111111111111');
  });
});
