import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aggregateRule, defineDataset, field, toJson, valueRule } from '../src/index.js';
import { vn } from '../rules/vn/index.js';
import type { Violation } from '../src/index.js';
import { cli, NOW as CLI_NOW, scratch } from './fixtures/cli/harness.js';
import { ruleOf, run } from './_run.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Checks on personal fields quoting the value transformed: the given name alone, the birth date in other forms. The
 * full value is not in their params, so redacting it alone let both through.
 */
const people = defineDataset({
  name: 'people', key: 'ref',
  fields: {
    ref: field.text(),
    full_name: field.text().pii().check('given', (v) => ({ code: 'given_name', params: { given: v.split(' ').at(-1) } }),
      { message: 'given name {given}' }),
    born: field.date('dd/MM/yyyy').pii().check('forms', (d) => ({ code: 'born_forms', params: {
      iso: d.toISOString(), vn: `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`,
      us: `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`, date: d,
      compact: Number(d.toISOString().slice(0, 10).replace(/-/g, '')),
      en: d.toUTCString(), vi: `ngày ${d.getUTCDate()} tháng ${d.getUTCMonth() + 1} năm ${d.getUTCFullYear()}` } }),
    { message: '{iso} | {vn} | {us} | {date} | {compact} | {en} | {vi}' }),
  },
  rules: (r) => [
    r.record('who', (p) => ({ code: 'who', params: {
      rest: p.full_name.split(' ').slice(1).join(' '),
      glued: p.full_name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f\s]/g, ''),
    } }), { fields: ['full_name'], message: 'who: {rest} / {glued}' }),
  ],
});
const khanh = { ref: 'R1', full_name: 'Nguyễn Văn Khánh', born: '23/03/1961' };

describe('params quoting a personal value transformed', () => {
  it('mask the value\'s words and its date in other forms in messages and the sink', async () => {
    const streamed: Violation[] = [];
    const report = await run(people, [khanh], { onViolation: (v) => streamed.push(v) });
    const text = [toJson(report), JSON.stringify(streamed)].join('\n');
    const secrets = ['Khánh', 'Nguyễn', 'nguyenvankhanh', '1961-03-23', '23-03-1961', '3/23/1961', '19610323', '23 Mar 1961',
      'tháng 3 năm 1961'];
    for (const secret of secrets) expect(text).not.toContain(secret);
    const message = (id: string) => ruleOf(report, id).samples[0]?.message;
    expect(message('full_name.given')).toBe('given name K****');
    expect(message('born.forms')).toBe('****-**-**T00:00:00.000Z | **-**-**** | */**/**** | ****-**-**T00:00:00.000Z | '
      + '******** | Thu, ** *** **** 00:00:00 GMT | ngày ** tháng * năm ****');
    expect(message('who')).toBe('who: Văn K**** / n*************');
  });

  it('show them as they are with showValues', async () => {
    const report = await run(people, [khanh], { showValues: true });
    expect(ruleOf(report, 'full_name.given').samples[0]?.message).toBe('given name Khánh');
    expect(ruleOf(report, 'born.forms').samples[0]?.message).toContain('1961-03-23T00:00:00.000Z | 23-03-1961');
  });

  it('leave alone words that identify no one: honorifics, Văn and Thị, words under 3 letters, a year alone', async () => {
    const parts = defineDataset({
      name: 'parts', fields: {
        full_name: field.text().pii().check('words', (v) => ({ code: 'words', params: { words: v.split(' ') } }), { message: '{words}' }),
        born: field.date('dd/MM/yyyy').pii().check('year', (d) => ({ code: 'year', params: { year: d.getUTCFullYear() } }), { message: '{year}' }),
      },
    });
    const report = await run(parts, [{ full_name: 'Ông Lê Thị An Bình', born: '05/11/1990' }]);
    expect(ruleOf(report, 'full_name.words').samples[0]?.message).toBe('Ông, Lê, Thị, An, B***');
    expect(ruleOf(report, 'born.year').samples[0]?.message).toBe('1990');
  });

  it('mask a dataset rule\'s finding quoting part of its own personal value', async () => {
    const lastWord = aggregateRule<string[], string>({ name: 'lastWord', criterion: 'clean' }, {
      init: () => [], add: (s, v) => { s.push(v); }, merge: (a, b) => [...a, ...b],
      finish: (s) => ({ checked: s.length,
        findings: s.map((v, row) => ({ code: 'last_word', row, value: v, params: { last: v.split(' ').at(-1) } })) }),
    }, { message: 'last {last}' });
    const def = defineDataset({ name: 'agg', fields: { full_name: field.text().pii().use(lastWord) } });
    const report = await run(def, [{ full_name: 'Nguyễn Văn Khánh' }]);
    expect(ruleOf(report, 'full_name.lastWord').samples[0]?.message).toBe('last K****');
  });

  it('quote as they are the params a rule declares do not quote the row (quotingParams)', async () => {
    const declared = valueRule<string>({ name: 'declared', criterion: 'correct', quotingParams: [] },
      (v) => ({ code: 'declared', params: { given: v.split(' ').at(-1) } }), { message: 'given {given}' });
    const report = await run(defineDataset({ name: 'd', fields: { full_name: field.text().pii().use(declared) } }), [khanh]);
    expect(ruleOf(report, 'full_name.declared').samples[0]?.message).toBe('given Khánh');
  });

  it('leave ddss\'s own messages as they were: the honorific of a name is not masked', async () => {
    const def = defineDataset({ name: 'h', fields: { full_name: field.text().pii().use(vn.vnName()) } });
    const report = await run(def, [{ full_name: 'Ông Nguyễn Văn Khánh' }]);
    expect(ruleOf(report, 'full_name.vnName').samples[0]?.message).toContain('the honorific "Ông"');
  });
});

describe('ddss validate --violations', () => {
  let tmp: ReturnType<typeof scratch>;
  beforeEach(() => { tmp = scratch(); });
  afterEach(() => tmp.remove());

  it('masks a given name and a re-formatted birth date quoted by a custom check (--show-values shows them)', async () => {
    const out = tmp.path('v.ndjson');
    const r = await cli(['validate', 'people.csv', '--dataset', 'quotes-parts.def.ts', ...CLI_NOW, '--violations', out]);
    expect(r.code).toBe(1);
    const lines = readFileSync(out, 'utf8');
    for (const secret of ['Khánh', 'Bình', '1961-03-23', '23-03-1961', '1990-11-05', '05-11-1990']) expect(lines).not.toContain(secret);
    const messages = lines.trim().split('\n').map((l) => (JSON.parse(l) as Violation).message);
    expect(messages).toEqual(['given name K****', 'born ****-**-**T00:00:00.000Z (**-**-****)',
      'given name B***', 'born ****-**-**T00:00:00.000Z (**-**-****)']);
    const shownOut = tmp.path('shown.ndjson');
    await cli(['validate', 'people.csv', '--dataset', 'quotes-parts.def.ts', ...CLI_NOW, '--violations', shownOut, '--show-values']);
    expect(readFileSync(shownOut, 'utf8')).toContain('given name Khánh');
  });
});
