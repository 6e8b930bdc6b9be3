import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toHtml } from './html.js';
import { reportObject } from './json.js';
import {
  emptyReport, failingReport, hostileReport, nullCriteriaReport, partialReport, passingReport, PAYLOADS,
} from '../../test/fixtures/outputs/reports.js';
import type { Report } from '../core/types.js';
import { validate } from '../validate.js';
import { defineDataset } from '../define.js';
import { field } from '../field.js';

const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;
const gauges = (html: string) => Array.from(html.matchAll(/<figure class="gauge[^"]*" data-gauge="([^"]+)" data-score="([^"]*)"[^>]*>(.*?)<\/figure>/g),
  (m) => ({ id: m[1], score: m[2], body: m[3] ?? '' }));
const ruleRows = (html: string) => Array.from(html.matchAll(/<tr data-i="(\d+)" class="is-(\w+)">/g), (m) => Number(m[1]));
// Real tags only: escaped data has no raw `<`, so it never matches.
const tags = (html: string) => html.match(/<[a-zA-Z][^<>]*>/g) ?? [];
const attributeNames = (tag: string) => Array.from(tag.matchAll(/\s([^\s"'=<>/]+)(?:="[^"]*")?/g), (m) => m[1] ?? '');
const handlerTags = (html: string) => tags(html).filter((t) => attributeNames(t).some((a) => /^on/i.test(a)));
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const cases: [string, () => Promise<Report>][] = [
  ['with failures and a rule in error', failingReport],
  ['with null criteria', nullCriteriaReport],
  ['over 0 rows', emptyReport],
  ['of a partially read source', partialReport],
  ['where every rule passes', passingReport],
];

describe('toHtml', () => {
  it.each(cases)('renders a report %s: 5 gauges, every rule in the table, a section per rule with samples', async (_, make) => {
    const report = await make();
    const html = toHtml(report);
    expect(gauges(html).map((g) => g.id)).toEqual(['overall', 'correct', 'sufficient', 'clean', 'live']);
    expect(ruleRows(html)).toHaveLength(report.rules.length);
    const withDetails = report.rules.filter((r) => r.samples.length > 0 || r.error !== null).length;
    expect(count(html, /<details id="s-\d+"/g)).toBe(withDetails);
    expect(count(html, /<td class="num">/g)).toBe(2 * report.rules.reduce((n, r) => n + r.samples.length, 0));
    expect(html).toContain(`data-status="${report.status}"`);
  });

  it('draws a null criterion as an empty ring with "—", never as 100%', async () => {
    const report = await nullCriteriaReport();
    const nulls = gauges(toHtml(report)).filter((g) => g.score === '');
    expect(nulls.map((g) => g.id)).toEqual(['sufficient', 'clean', 'live']);
    for (const g of nulls) {
      expect(g.body).toContain('>—</text>');
      expect(g.body).not.toContain('100%');
      expect(g.body).not.toContain('class="arc');
    }
  });

  it('lists rules by failures, most first, by default', async () => {
    const report = await failingReport();
    const failed = ruleRows(toHtml(report)).map((i) => report.rules[i]?.failed ?? -1);
    expect(failed).toEqual([...failed].sort((a, b) => b - a));
    expect(failed[0]).toBeGreaterThan(0);
  });

  it('allows exactly its own style and script by hash, and has no handler attribute or external reference', async () => {
    const html = toHtml(await failingReport());
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(csp.split('; ')).toEqual([
      "default-src 'none'", `style-src ${sha(style)}`, `script-src ${sha(script)}`, 'img-src data:', "base-uri 'none'", "form-action 'none'",
    ]);
    expect(count(html, /<script>/g)).toBe(1);
    expect(handlerTags(html)).toEqual([]);
    expect(tags(html).filter((t) => attributeNames(t).includes('style'))).toEqual([]);
    expect(html).not.toMatch(/(?:src|href)="(?!#|data:)/);
    expect(html).not.toMatch(/url\(|@import|https?:\/\//);
  });

  it('embeds the report JSON so tools can read the page back', async () => {
    const report = await failingReport();
    const json = /<script type="application\/json" id="ddss-report">(.*?)<\/script>/.exec(toHtml(report))?.[1] ?? '';
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(reportObject(report))));
  });

  it.each(cases)('is deterministic for a report %s: two runs give the same bytes', async (_, make) => {
    expect(toHtml(await make())).toBe(toHtml(await make()));
  });

  it('uses the title option for the heading and the document title', async () => {
    const html = toHtml(await passingReport(), { title: 'Sở TN&MT — thửa đất' });
    expect(html).toContain('<h1>Sở TN&amp;MT — thửa đất</h1>');
    expect(html).toMatch(/<title>Sở TN&amp;MT — thửa đất — /);
  });

  it.each([
    ['en', 'Overall score', 'Failed', 'no data', 'Correct'],
    ['vi', 'Điểm tổng thể', 'Không đạt', 'không có dữ liệu', 'Đúng'],
  ] as const)('speaks %s', async (locale, overall, failed, noData, correct) => {
    const html = toHtml(await nullCriteriaReport(), { locale });
    expect(html).toContain(`<html lang="${locale}">`);
    for (const word of [overall, failed, noData, correct]) expect(html).toContain(word);
  });

  it('defaults to the report locale', async () => {
    expect(toHtml(await failingReport('vi'))).toContain('<html lang="vi">');
  });
});

describe('toHtml injection', () => {
  it('escapes payloads planted in values, field names, rule ids, messages, patterns, dataset and source', async () => {
    const report = await hostileReport();
    const html = toHtml(report);
    // The planted payloads reached the report, so the test is not vacuous.
    expect(report.dataset).toContain(PAYLOADS[2]);
    expect(report.rules.some((r) => r.id.includes(PAYLOADS[1]))).toBe(true);
    expect(report.rules.some((r) => r.samples.some((s) => s.value?.includes(PAYLOADS[0])))).toBe(true);
    expect(html).not.toContain(PAYLOADS[0]);
    expect(html).not.toContain(PAYLOADS[2]);
    // Only the page's own two scripts open and close: no planted `</script>` ends one early.
    expect(count(html, /<script[\s>]/g)).toBe(2);
    expect(count(html, /<\/script>/g)).toBe(2);
    expect(html.indexOf('</script>')).toBeGreaterThan(html.indexOf('id="ddss-report">'));
    // Template syntax is shown as text: nothing evaluates it.
    expect(html).toContain(PAYLOADS[3]);
    expect(html).toContain(PAYLOADS[4]);
    expect(handlerTags('<p><img src=x onerror=alert(1)></p>')).toHaveLength(1); // the check itself can fail
    expect(tags(html).filter((t) => /^<img/i.test(t))).toEqual([]);
    expect(handlerTags(html)).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows control, bidi and zero-width characters of data as \\uXXXX: the page shows what the data holds', async () => {
    const name = 'code\u202E';
    const ds = defineDataset({ name: 'd\u001b[2J', key: 'id', fields: { id: field.text(), [name]: field.text().pattern(/^\d+$/) } });
    const rows = [{ id: 'a\u200B', [name]: 'abc\u202Eevil\u202C' }, { id: 'b\uFEFF', [name]: 'x\u001b]52;c;SGk=\u0007\u0085' }];
    const html = toHtml(await validate(ds, rows, { now: '2026-11-22', locale: 'en', showValues: true }));
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u);
    for (const shown of ['abc\\u202eevil\\u202c', 'a\\u200b', 'x\\u001b]52;c;SGk=\\u0007\\u0085', 'code\\u202e', 'd\\u001b[2J']) expect(html).toContain(shown);
  });
});

describe('toHtml: why a run was not evaluated', () => {
  // In <code>, a Vietnamese reason ("không đọc được toàn bộ nguồn dữ liệu: đầu vào không có dữ liệu …") was drawn in a
  // monospace font, where letters with two marks came apart on Linux: the reason is prose, in the page's own font.
  it('is a sentence in the page font, escaped, in the report\'s language', async () => {
    const d = defineDataset({ name: 't', fields: { a: field.text() } });
    const report = await validate(d, (async function* rows() {
      yield { a: '<b>' };
      throw new Error('đĩa <hỏng>');
    })(), { now: new Date('2026-01-01'), locale: 'vi' });
    const html = toHtml(report);
    expect(html).toContain('<span class="reason">không đọc được toàn bộ nguồn dữ liệu: đĩa &lt;hỏng&gt;</span>');
    expect(html).not.toMatch(/<code>[^<]*không đọc được/);
  });
});

describe('toHtml: Vietnamese values in monospace', () => {
  // The Linux monospace fonts lack the letters with two marks (ồ, ẩ): drawn from a base letter and two stacked marks,
  // a sample "Sông Hồng" read "Sông Hông" and "phẩm" lost its hook (seen in headless Chromium). Those letters come
  // from a font that has them; the page still loads nothing (local fonts only).
  it('takes U+1EA0–U+1EF9 from a font that has them, first in every monospace stack', async () => {
    const d = defineDataset({ name: 't', fields: { name: field.text().length({ max: 3 }) } });
    const html = toHtml(await validate(d, [{ name: 'Sông Hồng' }], { now: new Date('2026-01-01'), showValues: true }));
    expect(html).toContain('<code class="val">Sông Hồng</code>');
    const face = /@font-face\{font-family:"ddss-vi";src:([^;]*);unicode-range:U\+1EA0-1EF9\}/.exec(html);
    expect(face?.[1]).toMatch(/^local\("[^"]+"\)(,local\("[^"]+"\))*$/);
    expect(face?.[1]).toContain('local("DejaVu Sans")');
    for (const stack of html.matchAll(/font-family:([^;}]*monospace[^;}]*)/g)) expect(stack[1]).toMatch(/^"ddss-vi",/);
  });
});
