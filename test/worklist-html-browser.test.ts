/**
 * The worklist page (`ddss worklist … --format html`) in a real browser (headless Chromium through playwright-core):
 * typing into the filter and clicking a sort heading change the visible rows as a clerk expects, the page works as a
 * static list without JavaScript, loads nothing, logs no error and runs no planted payload. As for the report's page,
 * the browser is the one test/setup/chromium.ts provides (shipped by a dev dependency, so `npm ci` is enough): without
 * one these tests fail, they do not skip.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissing, launchChromium } from './_chromium.js';
import { cli, scratch } from './fixtures/cli/harness.js';

const URL = 'http://ddss.test/worklist.html';
/** Screenshots, kept to be looked at. */
const shots = join(tmpdir(), 'ddss-worklist-shots');
mkdirSync(shots, { recursive: true });

let launched: Browser | undefined;
let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());
beforeAll(async () => {
  launched = await launchChromium(['--headless', '--no-sandbox', '--disable-gpu',
    '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']);
});
afterAll(async () => { await launched?.close(); });

interface Opened { page: Page; requests: string[]; errors: string[]; dialogs: string[] }

async function open(html: string, javaScript = true): Promise<Opened> {
  if (launched === undefined) throw chromiumMissing();
  const context = await launched.newContext({ viewport: { width: 1366, height: 900 }, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === URL) return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
    requests.push(url);
    return route.abort();
  });
  await page.goto(URL, { waitUntil: 'load' });
  return { page, requests, errors, dialogs };
}

const HOSTILE = '</script><img src=x onerror="alert(1)">';
/** Graded records of three communes, one of them named by a payload, with payloads in keys and rule ids too. */
function gradesFile(): string {
  const rec = (row: number, commune: string, key: string, overall: number, correct: number, clean: number, rules: string[]) =>
    JSON.stringify({ row, line: row + 2, key, correct, sufficient: 1, clean, live: null, overall,
      findings_correct: correct < 1 ? 1 : 0, findings_sufficient: 0, findings_clean: clean < 1 ? 1 : 0, findings_live: 0,
      rules, values: { commune } });
  const lines = [
    rec(0, '00001', 'A-1', 0.6, 0.8, 0, ['area.min', 'owner.trimmed']),
    rec(1, '00001', 'A-2', 0.933333, 0.8, 1, ['area.min']),
    rec(2, '00004', `K"${HOSTILE}`, 0.916667, 0.75, 1, ['area.type']),
    rec(3, HOSTILE, 'A-4', 0.666667, 1, 0, [`x.${HOSTILE}`]),
    rec(4, '00001', 'A-5', 0.5, 0.5, 0.5, ['area.type', 'owner.nfc']),
  ];
  const file = tmp.path('grades.ndjson');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function page(locale = 'en'): Promise<string> {
  const out = tmp.path(`worklist-${locale}.html`);
  const r = await cli(['worklist', gradesFile(), '--by', 'commune', '--format', 'html', '--out', out, '--locale', locale]);
  expect(r.code).toBe(0);
  return readFileSync(out, 'utf8');
}

/** The keys of the visible rows, table by table. */
const visibleKeys = (p: Page) => p.$$eval('section.group', (sections) => sections.filter((s) => !s.hasAttribute('hidden'))
  .map((s) => Array.from(s.querySelectorAll('tbody tr') as unknown as ArrayLike<typeof s>).filter((r) => !r.hasAttribute('hidden'))
    .map((r) => r.children[2]?.textContent ?? '')));

describe('the worklist page in Chromium', () => {
  it('filters by key, rule or group and sorts by a heading; loads nothing, logs nothing', async () => {
    const o = await open(await page());
    // Groups in code-unit order (digits before "<"), worst records first within each.
    expect(await visibleKeys(o.page)).toEqual([['A-5', 'A-1', 'A-2'], [`K"${HOSTILE}`], ['A-4']]);
    expect(await o.page.locator('#shown').innerText()).toBe('5');

    await o.page.locator('#filter').fill('AREA.TYPE'); // a rule id, in any case
    expect(await visibleKeys(o.page)).toEqual([['A-5'], [`K"${HOSTILE}`]]);
    expect(await o.page.locator('#shown').innerText()).toBe('2');
    await o.page.locator('#filter').fill('00001'); // a group: all its records
    expect(await visibleKeys(o.page)).toEqual([['A-5', 'A-1', 'A-2']]);
    await o.page.locator('#filter').fill('a-2'); // a key
    expect(await visibleKeys(o.page)).toEqual([['A-2']]);
    await o.page.locator('#filter').fill('nothing like this');
    expect(await visibleKeys(o.page)).toEqual([]);
    expect(await o.page.locator('#none').isVisible()).toBe(true);
    await o.page.locator('#filter').fill('');

    const commune1 = o.page.locator('section.group').nth(0);
    const head = (n: number) => commune1.locator('thead th').nth(n);
    await head(4).locator('button').click(); // "Correct": lowest grade first
    expect((await visibleKeys(o.page))[0]).toEqual(['A-5', 'A-1', 'A-2']);
    await head(4).locator('button').click(); // reversed; ties keep file order
    expect((await visibleKeys(o.page))[0]).toEqual(['A-1', 'A-2', 'A-5']);
    expect(await head(4).getAttribute('aria-sort')).toBe('descending');
    await head(8).locator('button').click(); // findings: most first, ties in the listed order
    expect((await visibleKeys(o.page))[0]).toEqual(['A-5', 'A-1', 'A-2']);
    await head(0).locator('button').click(); // row
    expect((await visibleKeys(o.page))[0]).toEqual(['A-1', 'A-2', 'A-5']);

    const shot = join(shots, 'worklist-en.png');
    await o.page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(o.requests).toEqual([]);
    expect(o.errors).toEqual([]);
    expect(o.dialogs).toEqual([]);
    expect(await o.page.locator('img').count()).toBe(0); // the payloads stayed text
    await o.page.close();
  });

  it('is a readable static list without JavaScript, in Vietnamese', async () => {
    const html = await page('vi');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    const o = await open(html, false);
    expect(await o.page.locator('#filter-bar').isVisible()).toBe(false); // nothing to type into without a script
    expect(await o.page.locator('th .arrow').first().isVisible()).toBe(false); // nor arrows that would sort nothing
    expect(await visibleKeys(o.page)).toEqual([['A-5', 'A-1', 'A-2'], [`K"${HOSTILE}`], ['A-4']]);
    expect(await o.page.locator('section.group').nth(0).innerText()).toContain('3 bản ghi · có lỗi:');
    expect(await o.page.locator('h1').innerText()).toBe('Bản ghi cần sửa theo commune');
    await o.page.screenshot({ path: join(shots, 'worklist-vi-static.png'), fullPage: true });
    await o.page.emulateMedia({ media: 'print' });
    await o.page.screenshot({ path: join(shots, 'worklist-vi-print.png'), fullPage: true });
    expect(o.requests).toEqual([]);
    expect(o.errors).toEqual([]);
    await o.page.close();
  });

  it('the report page lists the worst records and the groups of --group-by, escaped, with no error', async () => {
    const def = tmp.path('reg.yaml');
    writeFileSync(def, 'name: reg\nkey: owner\nfields:\n  id: { type: text, required: true }\n  commune: { type: text }\n' +
      '  owner: { type: text, pii: true, trimmed: true }\n  area: { type: number, min: { value: 0, exclusive: true } }\n');
    const csv = tmp.path('reg.csv');
    writeFileSync(csv, `id,commune,owner,area\nA1,00001,Anh Nguyen,5\nA2,00001, Ba Tran ,-1\nA3,"${HOSTILE.replace(/"/g, '""')}",Chi Le,x\n` +
      'A4,00001,Dung Pham,-2\nA5,00002,Em Vo ,7\nA6,,Gia Do,1\n');
    const out = tmp.path('report.html');
    const r = await cli(['validate', csv, '--dataset', def, '--now', '2026-11-22', '--format', 'html', '--out', out,
      '--group-by', 'commune', '--locale', 'vi']);
    expect(r.code).toBe(1);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/Ba Tran|Em Vo|Chi Le|Dung Pham/);
    const o = await open(html);
    const worst = await o.page.$$eval('#worst-records tbody tr', (rows) => rows.map((x) => x.children[0]?.textContent));
    expect(worst).toEqual(['1', '4', '2', '3']); // 0.6, 0.666667, 0.916667, 0.933333
    const groups = await o.page.$$eval('#groups tbody tr', (rows) => rows.map((x) => x.children[0]?.textContent));
    expect(groups).toEqual(['(trống)', '00001', '00002', HOSTILE]);
    expect(await o.page.locator('#groups tbody tr').nth(1).innerText()).toMatch(/^00001\t3\t2\t2\t0\t1\t0\t84,4%\t60%$/);
    await o.page.screenshot({ path: join(shots, 'report-groups-vi.png'), fullPage: true });
    expect(o.requests).toEqual([]);
    expect(o.errors).toEqual([]);
    expect(o.dialogs).toEqual([]);
    expect(await o.page.locator('img').count()).toBe(0);
    await o.page.close();
  });
});
