import { readFileSync, writeFileSync } from 'node:fs';
import type pg from 'pg';
import { INVALID, readCsv, type DatasetDefinition } from 'ddss';

/** How a column was loaded: as text, or as a typed column (with the SQL type). */
export interface LoadedTable {
  readonly columns: readonly string[];
  /** The columns loaded with a SQL type other than text, `name: type`. */
  readonly typed: readonly string[];
  /** The CSV's rows in the order ddss reads the table (all columns, NULLs last), written as a CSV file. */
  readonly orderedCsv: string;
}

const SQL: Readonly<Record<string, string>> = { integer: 'bigint', number: 'numeric', date: 'date', datetime: 'timestamptz', boolean: 'boolean' };

/**
 * Loads a CSV file into a new table without a primary key. Without `typed`, every column is `text NOT NULL` and
 * holds the CSV's text exactly. With `typed`, a column whose field is an integer, number, date, date-time or boolean
 * gets that SQL type when every one of its cells is blank or parses as the field's type (blank → NULL); a column with
 * any cell the field cannot read stays text, because a typed column could not hold what the CSV says (the cell
 * would have to become NULL, changing the report). Also writes the CSV again in the table's read order (rows are
 * numbered in that order), so the two reports can be compared row for row.
 */
export async function loadCsvTable(client: pg.Client, file: string, table: string, orderedCsv: string,
  typed?: DatasetDefinition): Promise<LoadedTable> {
  let columns: readonly string[] = [];
  const rows: string[][] = [];
  for await (const b of readCsv(file).batches()) {
    if (b.columns !== undefined) columns = b.columns;
    for (const r of b.rows) rows.push(r as string[]);
  }
  const types = columns.map((c, i) => {
    const f = typed?.fields[c];
    const sql = f === undefined ? undefined : SQL[f.type];
    if (f === undefined || sql === undefined) return undefined;
    return rows.every((r) => (r[i] ?? '').trim() === '' || f.parse(r[i]) !== INVALID) ? { sql, parse: f.parse } : undefined;
  });
  const q = (n: string): string => client.escapeIdentifier(n);
  const definition = columns.map((c, i) => `${q(c)} ${types[i]?.sql ?? 'text'}${typed === undefined ? ' NOT NULL' : ''}`).join(', ');
  // A staging table numbers the rows (a heap does not keep insertion order: a short row fills an earlier page's gap).
  const staging = q(`${table}_staging`);
  await client.query(`CREATE TABLE ${q(table)} (${definition})`);
  await client.query(`CREATE TEMP TABLE ${staging} (ddss_n integer, ${definition})`);
  const value = (cell: string, i: number): string | null => {
    const t = types[i];
    if (t === undefined) return cell;
    if (cell.trim() === '') return null;
    const v = t.parse(cell);
    if (v instanceof Date) return t.sql === 'date' ? v.toISOString().slice(0, 10) : v.toISOString();
    return t.sql === 'numeric' ? cell : String(v);
  };
  for (let at = 0; at < rows.length; at += 500) {
    const chunk = rows.slice(at, at + 500);
    const values: (string | null)[] = [];
    const tuples = chunk.map((r, k) => `(${at + k}, ${columns.map((_, i) => {
      values.push(value(r[i] ?? '', i));
      return `$${values.length}`;
    }).join(', ')})`);
    await client.query(`INSERT INTO ${staging} VALUES ${tuples.join(', ')}`, values);
  }
  await client.query(`INSERT INTO ${q(table)} SELECT ${columns.map(q).join(', ')} FROM ${staging}`);
  // The CSV's rows in the order ddss reads the table (all columns: it has no primary key).
  const order = await client.query<{ n: number }>(`SELECT ddss_n AS n FROM ${staging} ORDER BY ${columns.map(q).join(', ')}`);
  await client.query(`DROP TABLE ${staging}`);
  const text = readFileSync(file, 'utf8');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const header = text.slice(0, text.indexOf(eol));
  writeFileSync(orderedCsv, [header, ...order.rows.map((o) => (rows[o.n] as string[]).map(csvCell).join(','))].join(eol) + eol);
  return { columns, typed: columns.flatMap((c, i) => (types[i] === undefined ? [] : [`${c}: ${types[i].sql}`])), orderedCsv };
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
