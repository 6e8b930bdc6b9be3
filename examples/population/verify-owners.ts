/**
 * Worked example: the land parcels' owners verified against the population register extract (Đề án 06). Every owner
 * with a personal ID is looked up in examples/population/population.csv (one that is no 12-digit ID, nor a 9-digit CMND,
 * is not in it: the sample's mangled IDs are not_in_register); the name, birth year and gender are
 * compared, and a death date on or before the run's day is reported. Prints the findings per code and per row.
 *
 *   npx tsx examples/population/verify-owners.ts
 *
 * The same from the command line:
 *
 *   ddss validate examples/land/parcels.csv --dataset land-parcels --now 2026-11-22 \
 *     --reference population=examples/population/population.csv
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readCsv, validate, type Violation } from 'ddss';
import { landParcelsWith } from 'ddss/datasets';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** What the run found: the verifyPerson findings by code, by row (0-based data row), and the rows checked. */
export interface OwnerVerification {
  readonly checked: number;
  readonly byCode: Readonly<Record<string, number>>;
  readonly rows: readonly { readonly row: number; readonly codes: readonly string[]; readonly suggestions: readonly string[] }[];
}

/**
 * Validates the land sample with its owners verified against the population extract.
 * @example (await verifyOwners()).byCode // { birth_year_mismatch: 7, deceased_in_register: 4, … }
 */
export async function verifyOwners(): Promise<OwnerVerification> {
  const parcels = landParcelsWith({ population: readCsv(here('./population.csv')) });
  const found: Violation[] = [];
  const report = await validate(parcels, readCsv(here('../land/parcels.csv')), {
    now: new Date('2026-11-22T00:00:00Z'),
    onViolation: (v) => { if (v.rule.startsWith('verifyPerson')) found.push(v); },
  });
  const byCode: Record<string, number> = {};
  const rows = new Map<number, { codes: string[]; suggestions: string[] }>();
  for (const v of found) {
    byCode[v.code] = (byCode[v.code] ?? 0) + 1;
    const r = rows.get(v.row as number) ?? { codes: [], suggestions: [] };
    r.codes.push(v.code);
    // The register's value, masked like the owner's own (owner name, ID and birth year are personal data).
    if (v.suggestion !== undefined) r.suggestions.push(v.suggestion);
    rows.set(v.row as number, r);
  }
  return {
    checked: report.rules.find((r) => r.id === 'verifyPerson')?.checked ?? 0,
    byCode: Object.fromEntries(Object.entries(byCode).sort(([a], [b]) => (a < b ? -1 : 1))),
    rows: [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([row, r]) => ({ row, ...r })),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const v = await verifyOwners();
  process.stdout.write(`${v.checked} owners checked against the population register\n`);
  for (const [code, n] of Object.entries(v.byCode)) process.stdout.write(`  ${code.padEnd(24)} ${n}\n`);
  for (const r of v.rows) process.stdout.write(`row ${r.row}: ${r.codes.join(', ')}${r.suggestions.length > 0 ? ` (register: ${r.suggestions.join(', ')})` : ''}\n`);
}
