import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';
import { version } from '../src/core/version.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

const OK = ['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW];

// Before: --format json --out r.csv wrote a JSON report into a file named .csv (the name alone was refused, --format
// let it through), and the next tool opened it as a table.
describe('an --out named for another kind of file than --format writes is refused (exit 2), in every command', () => {
  const validate = (format: string, out: string) => [...OK, '--format', format, '--out', out];
  it.each<[string, (out: string) => string[], string, string]>([
    ['validate', (o) => validate('json', o), 'r.csv', '--format json, but --out "OUT" is named as a CSV file, which this command does not write: name the file .json'],
    ['validate', (o) => validate('json', o), 'r.ndjson', '--format json, but --out "OUT" is named as an NDJSON file, which this command does not write: name the file .json'],
    ['validate', (o) => validate('html', o), 'r.xlsx', '--format html, but --out "OUT" is named as an Excel file, which this command does not write: name the file .html or .htm'],
    ['validate', (o) => validate('text', o), 'r.yaml', '--format text, but --out "OUT" is named as a YAML file, which this command does not write: name the file .txt, .log or .text'],
    ['validate', (o) => validate('junit', o), 'r.sarif', '--format junit, but --out "OUT" is named as a SARIF file, which this command does not write: name the file .xml'],
    ['compare', (o) => ['compare', 'parcels.csv', 'parcels-ok.csv', '--key', 'parcel_id', '--format', 'md', '--out', o], 'c.xml',
      '--format md, but --out "OUT" is named as a JUnit XML file, which this command does not write: name the file .md or .markdown'],
    ['profile', (o) => ['profile', 'parcels.csv', '--format', 'yaml', '--out', o], 'p.csv',
      '--format yaml, but --out "OUT" is named as a CSV file, which this command does not write: name the file .yaml or .yml'],
    ['history', (o) => ['history', 'h.ndjson', '--format', 'json', '--out', o], 'trend.ndjson',
      '--format json, but --out "OUT" is named as an NDJSON file, which this command does not write: name the file .json'],
    ['merge', (o) => ['merge', 'a.ddss-state', '--format', 'json', '--out', o], 'm.csv',
      '--format json, but --out "OUT" is named as a CSV file, which this command does not write: name the file .json'],
    ['worklist', (o) => ['worklist', 'grades.ndjson', '--by', 'rule', '--format', 'csv', '--out', o], 'w.json',
      '--format csv, but --out "OUT" is named as a JSON file, which this command does not write: name the file .csv'],
    // A format the command writes, under another format's name: as before.
    ['worklist', (o) => ['worklist', 'grades.ndjson', '--by', 'rule', '--format', 'html', '--out', o], 'w.csv',
      '--format html, but --out "OUT" is named as a CSV file: give --format csv, or name the file for html'],
  ])('%s, case %#', async (_command, args, name, message) => {
    // In the scratch directory: a name let through (as before the fix) would be written.
    const r = await cli(args(tmp.path(name)));
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `ddss: ${message.replace('OUT', tmp.path(name))}\n`]);
  });

  // A text file's name, no extension, or a name that says no kind of data: --format decides what is written.
  it.each(['r.txt', 'r.log', 'r.text', 'report', 'r.out'])('validate --format json --out %s writes the JSON report', async (name) => {
    const r = await cli([...OK, '--format', 'json', '--out', tmp.path(name)]);
    expect([r.code, r.stderr]).toEqual([1, '']);
    expect(JSON.parse(readFileSync(tmp.path(name), 'utf8'))).toMatchObject({ dataset: 'parcels' });
  });
});

describe('usage errors exit 2 with one line on stderr', () => {
  it.each([
    ['an unknown flag', () => [...OK, '--bogus'], /Unknown option '--bogus'/],
    ['an unknown short flag', () => [...OK, '-z'], /Unknown option '-z'/],
    ['a flag without its value', () => [...OK, '--format'], /--format <value>' argument missing/],
    ['a worklist value starting with a dash', () => ['worklist', 'grades.ndjson', '--by', 'rule', '--top', '-1'],
      /--top is followed by "-1", which reads as an option: write --top=-1/],
    ['a flag followed by another flag', () => [...OK, '--time-zone', '--force'], /--time-zone is followed by "--force", which reads as an option/],
    ['an unknown command', () => ['frobnicate'], /unknown command "frobnicate"; commands: validate, datasets/],
    ['an unknown top-level flag', () => ['--frobnicate'], /unknown option "--frobnicate"/],
    ['no input', () => ['validate', '--dataset', 'parcels.yaml'], /validate needs an <input> file/],
    ['two inputs', () => ['validate', 'a.csv', 'b.csv', '--dataset', 'parcels.yaml'], /one <input> file, got 2/],
    ['an empty --dataset', () => ['validate', 'parcels.csv', '--dataset', ''], /validate needs --dataset/],
    ['profile without input', () => ['profile'], /profile needs an <input> file/],
    ['profile with a bad --format', () => ['profile', 'parcels.csv', '--format', 'md'], /--format must be one of text, json, yaml, html, got "md"/],
    ['profile with --sample 0', () => ['profile', 'parcels.csv', '--sample', '0'], /--sample must be a whole number ≥ 1/],
    ['profile with a bad --now', () => ['profile', 'parcels.csv', '--now', 'soon'], /--now must be an ISO date/],
    ['a bad --format', () => [...OK, '--format', 'pdf'], /--format must be one of text, json, html, junit, md, got "pdf"/],
    ['--fail-under above 1', () => [...OK, '--fail-under', '1.5'], /--fail-under must be a number between 0 and 1/],
    ['--fail-under not a number', () => [...OK, '--fail-under', 'high'], /--fail-under must be a number between 0 and 1/],
    // Number() read it as 1.
    ['--fail-under in hexadecimal', () => [...OK, '--fail-under', '0x1'], /--fail-under must be a number between 0 and 1, got "0x1"/],
    ['a bad --now', () => [...OK, '--now', 'yesterday'], /--now must be an ISO date/],
    ['a bad --locale', () => [...OK, '--locale', 'fr'], /--locale must be one of en, vi/],
    ['a negative --max-samples', () => [...OK, '--max-samples=-1'], /--max-samples must be a whole number ≥ 0/],
    // parseArgs calls a value starting with a dash "ambiguous"; the message names it and the form that passes it.
    ['a value that looks like a flag', () => [...OK, '--max-samples', '-1'],
      /--max-samples is followed by "-1", which reads as an option: write --max-samples=-1 to give it that value/],
    ['a fractional --max-samples', () => [...OK, '--max-samples', '1.5'], /--max-samples must be a whole number/],
    ['--workers 0', () => [...OK, '--workers', '0'], /--workers must be a whole number from 1 to 256/],
    ['a long --delimiter', () => [...OK, '--delimiter', ';;'], /--delimiter must be one character/],
    ['a quote as --delimiter', () => [...OK, '--delimiter', '"'], /--delimiter must be one character/],
    ['an unknown --encoding', () => [...OK, '--encoding', 'klingon'], /--encoding "klingon" is not supported; use one of utf8/],
    ['a bad --input-format', () => [...OK, '--input-format', 'xml'], /--input-format must be one of csv, tsv, json, ndjson/],
    ['an input of unknown kind', () => { writeFileSync(tmp.path('data.dat'), 'a\n1\n'); return ['validate', tmp.path('data.dat'), '--dataset', 'parcels.yaml']; },
      /cannot tell the format of ".*data\.dat" from its extension; add --input-format/],
    // It said "cannot tell the format … add --input-format", which then read the compressed bytes.
    ['a .csv.gz export', () => ['validate', 'parcels.csv.gz', '--dataset', 'parcels.yaml'], /^ddss: "parcels\.csv\.gz" is gzip-compressed: decompress it first \(gunzip -k "parcels\.csv\.gz" gives "parcels\.csv"\)$/m],
    ['a zip archive', () => ['profile', 'export.ZIP'], /^ddss: "export\.ZIP" is a zip archive: extract it first \(unzip "export\.ZIP"\)$/m],
    ['an .xls workbook', () => ['validate', 'parcels.XLS', '--dataset', 'parcels.yaml'], /Excel 97–2003 workbook \(\.xls\).*save it as \.xlsx/],
    ['--sheet on CSV input', () => [...OK, '--sheet', 'A'], /--sheet applies to \.xlsx workbooks, not csv/],
    ['a blank --sheet', () => ['validate', 'parcels.xlsx', '--dataset', 'parcels.yaml', '--sheet', ' '], /--sheet needs a sheet name/],
    ['--delimiter on JSON input', () => ['validate', 'parcels.ndjson', '--dataset', 'parcels.yaml', '--delimiter', ';'], /--delimiter applies to CSV input, not ndjson/],
    ['--encoding on JSON input', () => ['validate', 'parcels.ndjson', '--dataset', 'parcels.yaml', '--encoding', 'vni'], /--encoding applies to CSV input, not ndjson \(JSON is UTF-8\)$/m],
    // It said "(JSON is UTF-8)" of a workbook too.
    ['--encoding on a workbook', () => ['validate', 'parcels.xlsx', '--dataset', 'parcels.yaml', '--encoding', 'vni'], /--encoding applies to CSV input, not xlsx \(a workbook keeps its text as Unicode\)$/m],
    ['--violations of another kind', () => [...OK, '--violations', tmp.path('v.txt')], /--violations must end in \.csv or \.ndjson/],
    // A JSON input: a .csv --out is refused for its name (with --format too) before its place is looked at.
    ['--out over the input', () => ['validate', 'parcels.json', '--dataset', 'parcels.yaml', ...NOW, '--out', 'parcels.json', '--force'],
      /--out "parcels\.json" is the input file; refusing to write over it/],
    // --violations is .csv or .ndjson, which --out can no longer be named: refused for the name first.
    ['--out and --violations the same file', () => [...OK, '--format', 'json', '--out', tmp.path('x.csv'), '--violations', tmp.path('x.csv')],
      /--format json, but --out ".*x\.csv" is named as a CSV file, which this command does not write/],
    // They wrote the console text into a file named for another format.
    ['an --out named for no format the command writes', () => [...OK, '--out', tmp.path('r.sarif')],
      /^ddss: --out ".*r\.sarif": this command writes no \.sarif file; name the file \.json, \.html, \.htm, \.md, \.markdown, \.xml, \.txt, \.log or \.text\n$/],
    // A name that says no kind of data: a --format is written under it, and the error says so.
    ['an --out named for no known format', () => [...OK, '--out', tmp.path('r.out')],
      /^ddss: --out ".*r\.out": this command writes no \.out file; name the file \.json, .* or \.text, or give --format text\|json\|html\|junit\|md\n$/],
    ['the same in compare, which writes no JUnit XML', () => ['compare', 'parcels.csv', 'parcels-ok.csv', '--key', 'parcel_id', '--out', tmp.path('x.xml')],
      /^ddss: --out ".*x\.xml": this command writes no \.xml file; name the file \.json, \.html, \.htm, \.md, \.markdown, \.txt, \.log or \.text\n$/],
    ['an --out named for no format profile writes', () => ['profile', 'parcels.csv', '--out', tmp.path('p.csv')], /this command writes no \.csv file/],
    ['--out in a missing directory', () => [...OK, '--out', tmp.path('nope/report.html')], /--out: directory of ".*report\.html" does not exist/],
    ['an existing --out', () => { writeFileSync(tmp.path('r.json'), '{}'); return [...OK, '--out', tmp.path('r.json')]; }, /refusing to overwrite existing ".*r\.json" \(--out\); use --force/],
    ['arguments to datasets', () => ['datasets', 'extra'], /datasets takes no arguments/],
    ['a --format the --out name contradicts', () => [...OK, '--format', 'json', '--out', tmp.path('report.html')],
      /--format json, but --out ".*report\.html" is named as an HTML file: give --format html, or name the file for json/],
    ['the same in merge', () => ['merge', 'a.ddss-state', '--format', 'md', '--out', 'r.xml'], /--format md, but --out "r\.xml" is named as a JUnit XML file/],
    ['the same in profile', () => ['profile', 'parcels.csv', '--format', 'yaml', '--out', 'p.json'], /--format yaml, but --out "p\.json" is named as a JSON file/],
  ])('%s', async (_what, args, message) => {
    const r = await cli(args());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ddss: [^\n]+\n$/);
    expect(r.stderr).toMatch(message);
  });
});

// `--out report.html` without --format wrote the console summary into a file named .html.
describe('--out names the format when --format is not given', () => {
  it.each([
    [['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW], 'report.html', /^<!doctype html>/i],
    [['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW], 'report.JSON', /^\{\n {2}"schemaVersion": 1,/],
    [['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW], 'report.xml', /^<\?xml .*\n<testsuites /],
    [['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW], 'report.md', /^## .*: Failed\n/],
    [['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW], 'report.log', /^\S.* — Failed\n/],
    [['profile', 'parcels.csv'], 'profile.yaml', /^# Suggested by ddss profile .*\n(#.*\n)*name: /],
    [['profile', 'parcels.csv'], 'profile.htm', /^<!doctype html>/i],
  ])('%j --out %s', async (args, name, start) => {
    const r = await cli([...args, '--out', tmp.path(name)]);
    expect(r.code).toBeLessThan(2);
    expect(readFileSync(tmp.path(name), 'utf8')).toMatch(start);
  });

  // Not under a well-known data file's name (r.sarif, r.csv): the next tool would open it as one (refused above).
  it('an --out named for no format is written as --format says, when it says', async () => {
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', 'json', '--out', tmp.path('r.report')]);
    expect(r.code).toBe(1);
    expect(readFileSync(tmp.path('r.report'), 'utf8')).toMatch(/^\{\n {2}"schemaVersion": 1,/);
  });
});

describe('help, version, datasets', () => {
  it.each([[[]], [['--help']], [['-h']], [['help']]])('ddss %j prints the main help', async (args) => {
    const r = await cli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ddss validate <input> [--dataset');
    expect(r.stdout).toContain('Exit codes: 0 passed or warned, 1 failed, 2 usage error, 3 could not evaluate');
  });

  it.each([[['validate', '--help']], [['help', 'validate']], [['validate', '-h']]])('ddss %j prints the validate help', async (args) => {
    const r = await cli(args);
    expect(r.code).toBe(0);
    for (const flag of ['--dataset', '--format', '--out', '--violations', '--fail-under', '--now', '--encoding', '--delimiter',
      '--locale', '--show-values', '--max-samples', '--workers', '--force', '--input-format']) {
      expect(r.stdout).toContain(flag);
    }
  });

  it('ddss --version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${version()}\n`);
    expect(version()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('ddss datasets lists the built-ins as a table and as JSON', async () => {
    const table = await cli(['datasets']);
    const json = await cli(['datasets', '--json']);
    expect(table.code).toBe(0);
    expect(json.code).toBe(0);
    const list = JSON.parse(json.stdout) as { name: string; title: string; fields: number; rules: number }[];
    if (list.length === 0) expect(table.stdout).toBe('No built-in datasets.\n');
    else expect(table.stdout.split('\n')[0]).toMatch(/^NAME\s+FIELDS\s+RULES\s+TITLE$/);
    for (const d of list) {
      expect(d.fields).toBeGreaterThan(0);
      expect(table.stdout).toContain(d.name);
    }
  });
});

// "cannot tell the format of "/data" from its extension; add --input-format" sent the user looking up a flag for a
// directory, or for a name typed wrong, which no format could read: whether the file is there is said first (exit 3).
describe('an input whose name tells no format: that it cannot be read is said first', () => {
  it.each<[string, (dir: string) => string[], RegExp]>([
    ['validate, a directory', (d) => ['validate', d, '--dataset', 'parcels.yaml', ...NOW], /^ddss: cannot read ".*": it is a directory\n$/],
    ['validate, a missing file', (d) => ['validate', `${d}/export`, '--dataset', 'parcels.yaml', ...NOW], /^ddss: cannot read ".*export": file not found\n$/],
    ['profile, a directory', (d) => ['profile', d], /^ddss: cannot read ".*": it is a directory\n$/],
    ['compare, a missing copy', (d) => ['compare', 'parcels.csv', `${d}/b.dat`, '--key', 'parcel_id'], /^ddss: cannot read ".*b\.dat": file not found\n$/],
  ])('%s: exit 3', async (_what, args, message) => {
    const r = await cli(args(tmp.path('.')));
    expect([r.code, r.stdout]).toEqual([3, '']);
    expect(r.stderr).toMatch(message);
  });

  it('a file that is there still gets the format error (exit 2), with the flag to add', async () => {
    writeFileSync(tmp.path('b.dat'), 'parcel_id\n1\n');
    const r = await cli(['compare', 'parcels.csv', tmp.path('b.dat'), '--key', 'parcel_id']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `ddss: cannot tell the format of "${tmp.path('b.dat')}" from its extension; add --input-format-copy csv|tsv|json|ndjson|xlsx\n` });
  });
});
