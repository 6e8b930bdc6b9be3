/**
 * npm run demo — validates the bundled land, insurance and enterprise samples with the built-in datasets, prints each
 * summary and writes the HTML reports (report.html for land parcels, report-insurance.html for insurance
 * participants, report-enterprise.html for the enterprise register).
 */
import { writeFile } from 'node:fs/promises';
import { formatSummary, readCsv, toHtml, validate } from 'ddss';
import { enterpriseRegister, insuranceParticipants, landParcels } from 'ddss/datasets';

// The samples describe 22 November 2026; a fixed `now` keeps the demo's output the same on every run.
const now = new Date('2026-11-22T00:00:00Z');
const runs = [
  { def: landParcels, input: 'examples/land/parcels.csv', out: 'report.html' },
  { def: insuranceParticipants, input: 'examples/insurance/participants.csv', out: 'report-insurance.html' },
  { def: enterpriseRegister, input: 'examples/enterprise/enterprises.csv', out: 'report-enterprise.html' },
];

for (const { def, input, out } of runs) {
  const report = await validate(def, readCsv(input), { now, locale: 'vi' });
  process.stdout.write(`${formatSummary(report, { color: process.stdout.isTTY === true })}\n`);
  await writeFile(out, toHtml(report));
  process.stdout.write(`→ ${out}\n\n`);
}
