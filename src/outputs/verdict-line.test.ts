import { describe, expect, it } from 'vitest';
import { formatSummary } from './console.js';
import { toHtml } from './html.js';
import { toMarkdown } from './markdown.js';
import { defineDataset, field, rule, validate } from '../index.js';
import type { Report } from '../core/types.js';

// A YAML rule id and a baseline file named by whoever wrote them: the verdict under the title quotes both.
const ID = 'rc\u001b]0;PWNED\u0007\u001b[2J\u202eX\n| a | b |\n<img src=x onerror=alert(1)>';
const BASELINE = 'bl/<img src=x onerror=alert(8)>|x|\r\n\u001b[31m.ndjson';

/** A failed run judged against a baseline whose file name, and whose worse table-level finding's rule id, are hostile. */
async function judged(): Promise<Report> {
  const report = await validate(defineDataset({ name: 't', fields: { id: field.text() }, rules: [rule.rowCount({ min: 2 }, { id: ID })] }),
    [{ id: '1' }], { now: new Date('2026-11-22T00:00:00Z'), locale: 'en' });
  return { ...report, baseline: { name: BASELINE, violations: 1, known: 0, new: 1,
    worse: [{ rule: ID, code: 'too_few_rows', value: '1', baselineValue: '2' }] } };
}

/** The line under the title that says the verdict, and the lines after it up to the next blank one. */
const verdictOf = (text: string, after: number): string[] => {
  const lines = text.split('\n').slice(after);
  return lines.slice(0, lines.indexOf(''));
};

describe('the verdict line quotes a rule id and a baseline file name as data', () => {
  // Before: written as they were, so the id's line breaks added table rows and its <img> rendered (the alert fired),
  // and on the console its ESC and BEL retitled the terminal and cleared it.
  it('in Markdown: one line, escaped as the heading is, with no HTML, table row or control character', async () => {
    const md = toMarkdown(await judged());
    const verdict = verdictOf(md, 4);
    expect(verdict).toHaveLength(1);
    const [line] = verdict as [string];
    expect(line).toMatch(/^1 rule failed · against the baseline /);
    // A control character is shown as `\u001b`, its backslash escaped so that Markdown shows it.
    expect(line).toContain('bl/\\<img src=x onerror=alert(8)\\>\\|x\\|\\\\r\\\\n\\\\u001b\\[31m.ndjson: 0 known');
    expect(line).toContain('rc\\\\u001b\\]0;PWNED\\\\u0007\\\\u001b\\[2J\\\\u202eX\\\\n\\| a \\| b \\|\\\\n\\<img src=x onerror=alert(1)\\> worse than');
    expect(line).not.toMatch(/(?<!\\)[<|[]/);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(md).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
  });

  it('on the console: one line, with no control, bidi or line-break character', async () => {
    const text = formatSummary(await judged());
    const lines = text.split('\n');
    expect(lines[2]).toBe('1 rule failed · against the baseline bl/<img src=x onerror=alert(8)>|x|\\r\\n\\u001b[31m.ndjson: ' +
      '0 known violations, 1 new · rc\\u001b]0;PWNED\\u0007\\u001b[2J\\u202eX\\n| a | b |\\n<img src=x onerror=alert(1)> worse than ' +
      'in the baseline: too_few_rows 1, was 2');
    expect(lines[3]).toBe('');
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
  });

  it('in HTML: escaped, as it was', async () => {
    const html = toHtml(await judged());
    expect(html).toContain('against the baseline bl/&lt;img src=x onerror=alert(8)&gt;|x|\r\n\\u001b[31m.ndjson');
    expect(html).not.toContain('<img src=x');
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(html).not.toMatch(/[\u001b\u0007\u202e]/);
  });
});
