import { describe, expect, it } from 'vitest';
import { defineDataset, field } from '../index.js';
import { toHtml } from './html.js';
import { formatSummary } from './console.js';
import { run } from '../../test/_run.js';

const bandOf = (html: string, gauge: string) => new RegExp(`data-gauge="${gauge}"[^>]*data-band="(\\w+)"`).exec(html)?.[1];
const rows = (bad: number) => Array.from({ length: 100 }, (_, i) => ({ id: i < bad ? 'x' : String(100000 + i), note: i < bad ? ' a' : 'a' }));

// Colours follow the verdict: 99% with a failed error rule is a failure, and a failure is never drawn green.
describe('HTML gauge colours follow the verdict', () => {
  it('a criterion with a failed error rule is red, and so is a failed dataset, whatever the score', async () => {
    const def = defineDataset({ name: 'd', fields: { id: field.text().pattern(/^\d+$/), note: field.text() } });
    const report = await run(def, rows(1));
    expect([report.status, report.criteria.correct.score]).toEqual(['failed', 0.99]);
    const html = toHtml(report);
    expect(bandOf(html, 'correct')).toBe('poor');
    expect(bandOf(html, 'overall')).toBe('poor');
    const bar = html.split('<tr').find((tr) => tr.includes('>id.pattern<')) ?? '';
    expect(bar).toContain('class="bar poor"');
  });

  it('a failed warning rule makes its criterion and a warned dataset amber at most', async () => {
    const def = defineDataset({ name: 'd', fields: { id: field.text(), note: field.text().trimmed({ severity: 'warning' }) } });
    const report = await run(def, rows(1));
    expect(report.status).toBe('warned');
    const html = toHtml(report);
    expect(bandOf(html, 'clean')).toBe('fair');
    expect(bandOf(html, 'overall')).toBe('fair');
  });

  it('failUnder decides: a score below it is never green', async () => {
    const def = defineDataset({ name: 'd', failUnder: 0.999, fields: { id: field.text().pattern(/^\d+$/, { severity: 'info' }), note: field.text().trimmed({ threshold: 0.9 }) } });
    const report = await run(def, rows(2));
    expect(report.failUnder).toBe(0.999);
    expect(report.status).toBe('failed');
    const html = toHtml(report);
    expect(bandOf(html, 'overall')).toBe('poor');
    expect(bandOf(html, 'clean')).toBe('fair');
    const lines = formatSummary(report, { color: true }).split('\n');
    for (const name of ['Overall score', 'Clean']) {
      const line = lines.find((x) => x.includes(name)) ?? '';
      expect(line).toContain(name);
      expect(line).not.toContain('\u001b[32m');
    }
  });

  it('a clean run stays green', async () => {
    const def = defineDataset({ name: 'd', fields: { id: field.text().pattern(/^\d+$/) } });
    const html = toHtml(await run(def, rows(0)));
    expect(bandOf(html, 'overall')).toBe('good');
    expect(bandOf(html, 'correct')).toBe('good');
  });
});

describe('HTML identifiers and the violations file', () => {
  const def = defineDataset({ name: 'd', fields: { a_very_long_field_name_without_spaces: field.text().pattern(/^\d+$/) } });

  it('never wraps rule ids, field names, codes and keys', async () => {
    const html = toHtml(await run(def, [{ a_very_long_field_name_without_spaces: 'x' }]));
    expect(html).toContain('code.id{white-space:nowrap');
    expect(html).toContain('<code class="id">a_very_long_field_name_without_spaces.pattern</code>');
    expect(html).toContain('<code class="id">pattern_mismatch</code>');
  });

  it('links the full violations file when one was written, safely encoded', async () => {
    const report = await run(def, Array.from({ length: 30 }, () => ({ a_very_long_field_name_without_spaces: 'x' })));
    const html = toHtml(report, { violationsFile: 'out/vi phạm #1.csv', maxSamples: 5 });
    expect(html).toContain('href="./out/vi%20ph%E1%BA%A1m%20%231.csv"');
    expect(html).toContain('… and 25 more in the violations file');
    expect(toHtml(report, { violationsFile: 'javascript:alert(1)' })).toContain('href="./javascript%3Aalert(1)"');
    expect(toHtml(report)).not.toContain('class="file"');
  });
});
