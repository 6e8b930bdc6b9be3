/**
 * The HTML report in a real browser (headless Chromium through playwright-core): gauges, sorting, no network, no
 * console error or CSP violation, and no script run by planted payloads. The browser is the one test/setup/chromium.ts
 * provides (shipped by a dev dependency, so `npm ci` is enough): without one these tests fail, they do not skip.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissing, launchChromium } from './_chromium.js';
import { toHtml } from '../src/outputs/html.js';
import { toJUnit } from '../src/outputs/junit.js';
import { failingReport, hostileReport, nullCriteriaReport } from './fixtures/outputs/reports.js';

const URL = 'http://ddss.test/report.html';
const shots = mkdtempSync(join(tmpdir(), 'ddss-html-'));

let launched: Browser | undefined;

/** The browser, or a failure (not a skip) naming what CI must install. */
function browser(): Browser {
  if (launched === undefined) {
    throw chromiumMissing();
  }
  return launched;
}

/** The few browser globals the page scripts below use (the project compiles without the DOM library). */
interface PageGlobals {
  __csp: string[];
  document: { addEventListener(type: string, fn: (e: { violatedDirective: string; blockedURI: string }) => void): void };
  DOMParser: new () => { parseFromString(text: string, type: string): { getElementsByTagName(name: string): { length: number } } };
}

beforeAll(async () => {
  launched = await launchChromium();
});

afterAll(async () => {
  await launched?.close();
  rmSync(shots, { recursive: true, force: true });
});

interface Opened {
  readonly page: Page;
  /** Every request other than the page itself: must stay empty. */
  readonly requests: string[];
  readonly errors: string[];
  readonly dialogs: string[];
  cspViolations(): Promise<string[]>;
}

/** Serves the page from a fake origin; any other request is recorded and refused. */
async function open(html: string): Promise<Opened> {
  const page = await browser().newPage({ viewport: { width: 1366, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await page.addInitScript(() => {
    const w = globalThis as unknown as PageGlobals;
    w.__csp = [];
    w.document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === URL) return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
    requests.push(url);
    return route.abort();
  });
  await page.goto(URL, { waitUntil: 'load' });
  return {
    page, requests, errors, dialogs,
    cspViolations: () => page.evaluate(() => (globalThis as unknown as PageGlobals).__csp),
  };
}

const firstColumn = (page: Page) => page.$$eval('#rules tbody tr', (rows) => rows.map((r) => r.cells[0]?.textContent ?? ''));

describe('the HTML report in Chromium', () => {
  it('shows 5 gauges, sorts the rule table on click, loads nothing and logs no error', async () => {
    const report = await failingReport('vi');
    const o = await open(toHtml(report));
    expect(await o.page.locator('[data-gauge] svg').count()).toBe(5);
    for (const g of await o.page.locator('[data-gauge]').all()) expect(await g.isVisible()).toBe(true);

    const before = await firstColumn(o.page);
    expect(before).toHaveLength(report.rules.length);
    await o.page.locator('#rules thead th').nth(0).locator('button').click();
    const byId = await firstColumn(o.page);
    expect(byId).not.toEqual(before);
    expect(byId).toEqual([...before].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    await o.page.locator('#rules thead th').nth(0).locator('button').click();
    expect(await firstColumn(o.page)).toEqual([...byId].reverse());
    expect(await o.page.locator('#rules thead th').nth(0).getAttribute('aria-sort')).toBe('descending');

    await o.page.locator('#rules thead th').nth(4).locator('button').click(); // checked: largest first
    const checked = await o.page.$$eval('#rules tbody tr', (rows) => rows.map((r) => Number(r.cells[4]?.getAttribute('data-sort'))));
    expect(checked).toEqual([...checked].sort((a, b) => b - a));

    await o.page.locator('details:not([open]) summary').first().click();
    expect(await o.page.locator('details[open]').count()).toBe(2);

    const path = join(shots, 'report.png');
    await o.page.screenshot({ path, fullPage: true });
    expect(statSync(path).size).toBeGreaterThan(10_000);
    expect(o.requests).toEqual([]);
    expect(o.errors).toEqual([]);
    expect(await o.cspViolations()).toEqual([]);
    await o.page.close();
  });

  it('shows "—" for a null criterion, never 100%', async () => {
    const o = await open(toHtml(await nullCriteriaReport('vi')));
    for (const c of ['sufficient', 'clean', 'live']) {
      const text = await o.page.locator(`[data-gauge="${c}"]`).innerText();
      expect(text).toContain('—');
      expect(text).toContain('không có dữ liệu');
      expect(text).not.toContain('100');
    }
    expect(o.errors).toEqual([]);
    await o.page.close();
  });

  it('runs no planted payload: no dialog, no injected element, no request, no CSP violation', async () => {
    const report = await hostileReport();
    const o = await open(toHtml(report));
    await o.page.locator('details summary').nth(1).click();
    await o.page.locator('#rules thead th').nth(3).locator('button').click();
    expect(o.dialogs).toEqual([]);
    expect(o.requests).toEqual([]);
    expect(o.errors).toEqual([]);
    expect(await o.cspViolations()).toEqual([]);
    expect(await o.page.locator('img').count()).toBe(0);
    expect(await o.page.locator('script').count()).toBe(2);
    // The payloads are shown as text, exactly.
    expect(await o.page.title()).toContain(report.dataset);
    expect(await o.page.locator('h1').innerText()).toBe(report.dataset);
    const embedded = await o.page.locator('#ddss-report').textContent();
    expect(JSON.parse(embedded ?? '').dataset).toBe(report.dataset);
    await o.page.screenshot({ path: join(shots, 'hostile.png'), fullPage: true });
    await o.page.close();
  });

  it('would notice an unescaped payload (control: the harness and the CSP both work)', async () => {
    const bare = await open('<!DOCTYPE html><p><img src=x onerror="alert(1)"></p>');
    // `load` waits for the image, so its error handler has run by now.
    expect(bare.dialogs).toEqual(['1']);
    expect(bare.requests).toEqual(['http://ddss.test/x']);
    await bare.page.close();
    const csp = /<meta http-equiv="Content-Security-Policy"[^>]*>/.exec(toHtml(await nullCriteriaReport()))?.[0] ?? '';
    const guarded = await open(`<!DOCTYPE html><head>${csp}</head><body><script>alert(2)</script><img src=x onerror="alert(3)"></body>`);
    expect(guarded.dialogs).toEqual([]);
    expect(guarded.requests).toEqual([]);
    expect((await guarded.cspViolations()).length).toBeGreaterThanOrEqual(2);
    await guarded.page.close();
  });

  it('writes JUnit XML that the browser XML parser accepts, even with planted payloads', async () => {
    const page = await browser().newPage();
    for (const report of [await failingReport(), await hostileReport()]) {
      const xml = toJUnit(report);
      const result = await page.evaluate((text) => {
        const doc = new (globalThis as unknown as PageGlobals).DOMParser().parseFromString(text, 'application/xml');
        return { error: doc.getElementsByTagName('parsererror').length, cases: doc.getElementsByTagName('testcase').length };
      }, xml);
      expect(result).toEqual({ error: 0, cases: report.rules.length + (report.partial ? 1 : 0) });
    }
    await page.close();
  });
});
