/**
 * Regenerates the screenshots of the HTML report in docs/img/ (referenced by docs/outputs.md) from the committed
 * example registers, in headless Chromium: `npx tsx scripts/screenshots.ts` (Chromium at /usr/bin/chromium, or set
 * DDSS_CHROMIUM). The reports use a fixed `now`, so the pictures change only when the page or the data does.
 */
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { insuranceParticipants, landParcels } from '../rules/datasets/index.js';
import { readCsv, toHtml, validate } from '../src/index.js';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const now = new Date('2026-11-22T00:00:00Z');

const browser = await chromium.launch({ executablePath: process.env.DDSS_CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const insurance = await validate(insuranceParticipants, readCsv(root('examples/insurance/participants.csv')), { now, locale: 'vi' });
  await page.setContent(toHtml(insurance, { violationsFile: 'vi-pham.csv' }));
  await page.screenshot({ path: root('docs/img/report-vi.png') });

  const land = await validate(landParcels, readCsv(root('examples/land/parcels.csv')), { now, locale: 'en' });
  await page.setContent(toHtml(land, { violationsFile: 'violations.csv' }));
  await page.locator('details[open]').first().screenshot({ path: root('docs/img/report-samples-en.png') });
} finally {
  await browser.close();
}
