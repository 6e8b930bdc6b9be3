import { describe, expect, it } from 'vitest';
import { formatSummary, toHtml, toMarkdown } from '../index.js';
import { nullCriteriaReport, partialReport } from '../../test/fixtures/outputs/reports.js';

// A null score means one of two things: no rule measured that criterion ("no data"), or the run could not be
// evaluated and its scores were withheld ("not scored"). A partial read of a file full of rows is not "no data".
describe('a withheld score says "not scored", never "no data"', () => {
  const outputs = [
    ['console', formatSummary],
    ['Markdown', toMarkdown],
    ['HTML', toHtml],
  ] as const;

  it.each(outputs)('%s of a partial read', async (_, render) => {
    for (const [locale, notScored, noData] of [['en', 'not scored', 'no data'], ['vi', 'không chấm điểm', 'không có dữ liệu']] as const) {
      const text = render(await partialReport(locale));
      expect(text).toContain(notScored);
      expect(text).not.toContain(noData);
    }
  });

  it.each(outputs)('%s of an evaluated run with unmeasured criteria still says "no data"', async (_, render) => {
    const text = render(await nullCriteriaReport('en'));
    expect(text).toContain('no data');
    expect(text).not.toContain('not scored');
  });
});
