import { describe, expect, it } from 'vitest';
import { defineDataset, field, formatSummary, rule, toHtml, toJson, toJUnit, toMarkdown } from '../src/index.js';
import { assertValidReport } from './_report-schema.js';
import { run } from './_run.js';

// Labels and the dataset title are what a steward reads: every human-readable output shows them, in its locale.
const def = defineDataset({
  name: 'people',
  title: { en: 'People register', vi: 'Sổ nhân khẩu' },
  fields: {
    person_id: field.text().required().pattern(/^\d{12}$/).label({ en: 'Personal ID', vi: 'Số định danh' }),
    born: field.text().label({ en: 'Birth year', vi: 'Năm sinh' }),
    died: field.text(),
  },
  rules: [rule.record('born_before_died', (r) => (r.born as string) <= (r.died as string), { fields: ['born', 'died'] })],
});
const rows = [{ person_id: '12', born: '1990', died: '1980' }];

describe('labels and title in every output', () => {
  it('the report carries the title and field labels (schema-valid)', async () => {
    const report = await run(def, rows);
    const json = JSON.parse(toJson(report)) as { title: unknown; rules: { id: string; fieldLabel?: unknown }[] };
    expect(json.title).toEqual({ en: 'People register', vi: 'Sổ nhân khẩu' });
    expect(json.rules.find((r) => r.id === 'person_id.pattern')?.fieldLabel).toEqual({ en: 'Personal ID', vi: 'Số định danh' });
    assertValidReport(report);
  });

  it.each([['en', 'Personal ID'], ['vi', 'Số định danh']] as const)(
    'messages render {field} as the label (%s)', async (locale, label) => {
      const report = await run(def, rows, { locale });
      const v = report.violations.find((x) => x.rule === 'person_id.pattern');
      expect(v?.field).toBe('person_id');
      expect(v?.message.startsWith(`${label}:`)).toBe(true);
      const cross = report.violations.find((x) => x.rule === 'born_before_died');
      expect(cross?.field).toBe('born, died');
      expect(cross?.message).toContain(locale === 'en' ? 'Birth year, died' : 'Năm sinh, died');
    });

  it.each([['en', 'Personal ID', 'People register'], ['vi', 'Số định danh', 'Sổ nhân khẩu']] as const)(
    'HTML, Markdown, console and JUnit show the title and labels (%s)', async (locale, label, title) => {
      const report = await run(def, rows, { locale });
      const html = toHtml(report);
      expect(html).toMatch(new RegExp(`<h1>${title}</h1>`));
      const row = html.split('<tr').find((tr) => tr.includes('>person_id.pattern<')) ?? '';
      expect(row).toContain(label);
      const md = toMarkdown(report);
      expect(md.split('\n')[0]).toContain(title);
      expect(md).toContain(label);
      const summary = formatSummary(report);
      expect(summary.split('\n')[0]).toContain(title);
      expect(summary).toContain(label);
      expect(toJUnit(report)).toMatch(new RegExp(`<testcase name="person_id\\.pattern \\(${label}\\)"`));
    });
});
