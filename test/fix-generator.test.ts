import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fix, readCsv, type DatasetDefinition, type FixChange, type Report } from 'ddss';
import { insuranceParticipants, landParcels } from 'ddss/datasets';
import { landDefects } from '../examples/generator/land-defects.js';
import { insuranceDefects } from '../examples/generator/insurance-defects.js';
import type { Manifest } from '../examples/generator/manifest.js';

/*
 * `ddss fix` on the generator's samples. What must change is derived from the manifest (which rows carry which
 * injected defects), independently of the fix code: each fixable kind of defect names the cell it damaged, and a
 * few are fixable only under a condition read from the file itself (a serial number whose date comes after the
 * certificate's is no safe fix: the date it stands for would break the dates' order).
 */

const NOW = '2026-11-22T00:00:00.000Z';
type Cells = Readonly<Record<string, string>>;

/** dd/MM/yyyy, yyyy-MM-dd, or the date an Excel serial number stands for, as epoch days; undefined for anything else. */
function days(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (/^\d{5}$/.test(text)) return Number(text) - 25569; // 1970-01-01 is serial 25569
  const iso = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text);
  if (iso !== null) return Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])) / 86_400_000;
  const m = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(text);
  return m === null ? undefined : Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])) / 86_400_000;
}

/** A fixed serial date keeps registration on or before issue (`datesOrdered`), or it is no safe fix. */
function ordered(cells: Cells): boolean {
  const registered = days(cells.registered_at);
  const issued = days(cells.gcn_issue_date);
  return registered === undefined || issued === undefined || registered <= issued;
}

interface Fixable { readonly field: string; readonly when?: (cells: Cells) => boolean }

const LAND: Readonly<Record<string, Fixable>> = {
  nfd_owner_name: { field: 'owner_name' },
  tcvn3_owner_name: { field: 'owner_name' },
  trailing_space_owner_name: { field: 'owner_name' },
  doubled_space_owner_name: { field: 'owner_name' },
  id_lost_leading_zero: { field: 'owner_id' },
  // The generator drops the zero of 01xxx codes and dashes the others ("12-056"): only the first is a lost zero.
  commune_code_lost_zero: { field: 'commune_code', when: (c) => /^\d{4}$/.test(c.commune_code ?? '') },
  excel_serial_registered_at: { field: 'registered_at', when: ordered },
  // One of '31/02/2019', '2019-03-15', '15/13/2018': only the ISO date has one reading, and it is no safe fix when
  // that date precedes the registration.
  invalid_issue_date: { field: 'gcn_issue_date', when: (c) => /^\d{4}-\d\d-\d\d$/.test(c.gcn_issue_date ?? '') && ordered(c) },
};
const INSURANCE: Readonly<Record<string, Fixable>> = {
  nfd_full_name: { field: 'full_name' },
  tcvn3_full_name: { field: 'full_name' },
  trailing_space_full_name: { field: 'full_name' },
  nbsp_in_full_name: { field: 'full_name' },
  id_lost_leading_zero: { field: 'id_no' },
  dob_excel_serial: { field: 'dob' },
  legacy_phone_prefix: { field: 'phone' },
};
const EXCEL: Readonly<Record<string, Fixable>> = {
  province_lost_zero: { field: 'province_code' },
  commune_lost_zero: { field: 'commune_code' },
  id_lost_zero: { field: 'owner_id' },
  // id_scientific is not fixable: the digits Excel rounded away are lost.
  date_as_serial: { field: '?' }, // the column whose cell is a serial number (registered_at or gcn_issue_date)
};

/** The rules each kind of defect fires, from the generator's tables (the broken files: from their manifests). */
function rulesOf(kinds: ReadonlyArray<{ kind: string; expect: ReadonlyArray<{ rule: string }> }>): ReadonlyMap<string, readonly string[]> {
  return new Map(kinds.map((d) => [d.kind, d.expect.map((e) => e.rule)]));
}

/** The rules of the broken files' defects, as `broken.ts` declares them (a serial date fires its column's two). */
const BROKEN = new Map<string, readonly string[]>([
  ['province_lost_zero', ['province_code.province']], ['commune_lost_zero', ['commune_code.commune']],
  ['id_lost_zero', ['owner_id.cccd']], ['id_scientific', ['owner_id.cccd']], ['nfd_full_name', ['full_name.nfc']],
  ['date_as_serial', ['registered_at.type', 'registered_at.excelSerial', 'gcn_issue_date.type', 'gcn_issue_date.excelSerial']],
]);

const samples = [
  ['examples/land/parcels.csv', landParcels, LAND, rulesOf(landDefects)],
  ['examples/insurance/participants.csv', insuranceParticipants, INSURANCE, rulesOf(insuranceDefects)],
  ['examples/broken/parcels-excel.csv', landParcels, EXCEL, BROKEN],
  ['examples/broken/participants-nfd.csv', insuranceParticipants, { nfd_full_name: { field: 'full_name' } }, BROKEN],
] as const;

async function records(bytes: Uint8Array): Promise<Cells[]> {
  const out: Cells[] = [];
  for await (const r of readCsv(bytes)) out.push({ ...r });
  return out;
}

describe.each(samples)('ddss fix on %s', (path, def: DatasetDefinition, fixable: Readonly<Record<string, Fixable>>, defectRules) => {
  const input = readFileSync(new URL(`../${path}`, import.meta.url));
  const manifest = JSON.parse(readFileSync(new URL(`../${path.replace(/\.csv$/, '.manifest.json')}`, import.meta.url), 'utf8')) as Manifest;

  it('changes exactly the fixable injected defects, every other cell and record as it was, and lowers the failures as expected', async () => {
    const chunks: Uint8Array[] = [];
    const log: FixChange[] = [];
    const result = await fix(def, input, { now: NOW, showValues: true, write: (c) => { chunks.push(c); }, onChange: (c) => log.push(c) });
    const output = Buffer.concat(chunks);
    const before = await records(input);
    const after = await records(output);

    // The expected cells, from the manifest and the file's own cells.
    const expected = new Set<string>();
    const rowsOf = new Map<number, Manifest['rows'][number]>();
    for (const r of manifest.rows) {
      rowsOf.set(r.row, r);
      for (const d of r.defects) {
        const f = fixable[d];
        if (f === undefined) continue;
        const cells = before[r.row] as Cells;
        const field = f.field !== '?' ? f.field : (r.rules.find((id) => id.endsWith('.excelSerial')) ?? '').replace(/\.excelSerial$/, '');
        if (f.when === undefined || f.when(cells)) expected.add(`${r.row} ${field}`);
      }
    }
    const changed = new Set(log.filter((c) => c.status === 'fixed').map((c) => `${c.row} ${c.field}`));
    expect([...changed].sort()).toEqual([...expected].sort());
    expect(expected.size).toBeGreaterThan(0);

    // Parsed records: same count, same columns, every cell equal but the changed ones.
    expect(after).toHaveLength(before.length);
    before.forEach((b, i) => {
      const a = after[i] as Cells;
      expect(Object.keys(a)).toEqual(Object.keys(b));
      for (const k of Object.keys(b)) if (!changed.has(`${i} ${k}`)) expect(a[k]).toBe(b[k]);
    });
    // Raw bytes: every record without a change is the same bytes, line ends included (these files have one line
    // per record).
    const lines = (b: Buffer): string[] => b.toString('latin1').split(/(?<=\n)/);
    const inLines = lines(input);
    const outLines = lines(output);
    expect(outLines).toHaveLength(inLines.length);
    const changedLines = new Set(log.filter((c) => c.status === 'fixed').map((c) => c.line));
    inLines.forEach((l, i) => { if (!changedLines.has(i + 1)) expect(outLines[i]).toBe(l); });

    // Validating the fixed file: each rule fails on the manifest's rows, less those whose every defect firing the
    // rule was fixed.
    // The earlier row of a duplicate pair carries `duplicate_of:<kind>` and fires that kind's rules.
    const fired = (kind: string): readonly string[] => defectRules.get(kind.replace(/^duplicate_of:/, '')) ?? [];
    const want: Record<string, number> = {};
    for (const r of manifest.rows) {
      for (const id of r.rules) {
        const open = r.defects.some((d) => {
          if (!fired(d).includes(id)) return false;
          const f = fixable[d];
          const field = f === undefined ? undefined : f.field !== '?' ? f.field : id.replace(/\.(type|excelSerial)$/, '');
          return field === undefined || !changed.has(`${r.row} ${field}`);
        });
        if (open) want[id] = (want[id] ?? 0) + 1;
      }
    }
    expect(failures(result.after)).toEqual(want);
    expect(failures(result.before)).toEqual(manifest.totals.byRule);
    expect(result.after.criteria.clean.failedRows).toBeLessThanOrEqual(result.before.criteria.clean.failedRows);
    expect(rowsOf.size).toBe(manifest.rows.length);
  });
});

function failures(report: Report): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of report.rules) if (r.failed > 0) out[r.id] = r.failed;
  return out;
}
