/** Help texts of the `ddss` commands (`ddss --help`, `ddss <command> --help`). */

export const MAIN_HELP = `ddss — data quality for government databases: correct, sufficient, clean, live
(đúng, đủ, sạch, sống)

Usage:
  ddss validate <input> [--dataset <builtin|file.ts|file.json|file.yaml>] [options]
  ddss compare <source> <copy> --key COLS [options]
  ddss merge <part.ddss-state>… [--format F] [--out FILE] [--violations FILE] [--grades FILE]
  ddss worklist <grades.ndjson> [--by COL] [--top N] [--groups N] [--format text|csv|md|html] [--out FILE]
  ddss profile <input> [--format text|json|yaml|html] [--sample N]
  ddss history <history.ndjson|postgresql://…> [--dataset D] [--format text|json|html] [--out FILE]
  ddss fix <input.csv> --dataset D --out FIXED.csv [--log CHANGES.csv|.ndjson] [--only KINDS] [--dry-run] [--to-utf8]
  ddss datasets [--rules NAME] [--json] [--locale en|vi]
  ddss refdata import <file> [--out table.json] [--scheme S --valid-from D --source TEXT]
  ddss --help | ddss <command> --help | ddss help <command>
  ddss --version

Commands:
  validate   check a CSV, JSON, NDJSON or Excel file, or a PostgreSQL table, against a dataset definition
  compare    reconcile a copy with its source: matched, changed, missing and extra records (live)
  profile    describe an unknown file's columns, or suggest a dataset definition for it (--format yaml)
  worklist   group the records of a validate --grades file by a column, worst records first
  history    the score trend of each dataset over the runs of a validate --history file
  fix        write a copy with what is safe to fix fixed (NFC, whitespace, legacy encodings, lost zeros, …),
             with a change log; prints the scores before → after
  merge      join the states of validate --shard K/N runs into the report of the whole input
  datasets   list the built-in dataset definitions
  refdata    import reference data (the official commune list) as a dated JSON table

Exit codes: 0 passed or warned, 1 failed, 2 usage error, 3 could not evaluate (unreadable input, rule error).
Docs: docs/cli.md
`;

export const VALIDATE_HELP = `Usage: ddss validate <input> --dataset <builtin|file.ts|file.json|file.yaml> [options]
       ddss validate <input> [options]   (no --dataset: against the definition ddss profile suggests)

Input: .csv .tsv .txt are read as CSV, .json as JSON, .ndjson .jsonl as NDJSON, .xlsx as an Excel workbook
(or say --input-format). Save an .xls workbook as .xlsx first. - reads standard input (CSV unless
--input-format says otherwise; one thread; not without --dataset). A postgresql:// (or postgres://) URL reads a
table (--table) or a query (--query); the password comes from the URL, PGPASSWORD or ~/.pgpass.

Options:
  -d, --dataset D        a built-in name (ddss datasets), or a definition file: .ts/.js (default or only
                         exported definition; file.ts#name picks one), .json, .yaml/.yml (declarative)
  -f, --format F         text (the console summary), json, html, junit, md; default: what --out's
                         extension names (.json, .html, .xml, .md), else text
                         (.txt, .log or none); another extension is refused
  -o, --out FILE         write the report to FILE instead of stdout (the summary is still printed)
      --violations FILE  stream every violation to FILE.csv or FILE.ndjson (no sample limit)
      --grades FILE      stream each record's grades (per criterion, overall, findings, rule ids) to FILE.csv
                         or FILE.ndjson, in file order: records with findings (adds recordGrades and
                         worstRecords to the JSON report)
      --grades-all       with --grades: every record, not only those with findings
      --grades-columns C with --grades: also write these fields' cells (a,b; masked when personal), to group
                         the worklist by (ddss worklist --by C)
      --group-by COL     grade the records and break them down by this field in the report (at most 10,000
                         groups; the rest counted as other)
      --worst N          the report lists the N worst graded records (0-1000; default 10 when graded)
      --no-bom           write the --violations CSV without the UTF-8 byte order mark (written by default for Excel)
      --force            overwrite existing --out / --violations files (never done otherwise)
      --fail-under X     fail when the overall score is below X (0–1); overrides the definition
      --now ISO          the time of the run (2026-11-22 or 2026-11-22T08:00:00Z; default: now)
      --time-zone Z      IANA time zone deciding which day --now is for date rules, and the instant
                         of a date-time without an offset (its wall clock; default: the definition's;
                         UTC for your own, Asia/Ho_Chi_Minh for the built-ins)
      --input-format K   csv, tsv, json, ndjson or xlsx, when the extension does not say
      --encoding E       CSV encoding: utf8 (default), windows-1258, tcvn3, vni, …
      --delimiter D      CSV delimiter (default ",", tab for .tsv; "\\t" or "tab" for a tab)
      --sheet S          the sheet of an .xlsx workbook to read (default: the first visible one)
      --range R          its cells, in A1 notation: A3:T2000, B:F, or 3:1048576 for a header on row 3
      --rename C=F       read the header column C as the field F (repeatable): --rename "Mã thửa=parcel_id";
                         added to the definition's rename:, and wins for the same column or field; with
                         --shard, give every shard the same (ddss merge refuses shards renamed otherwise)
      --json-records P   read the records of a JSON document at P, for an export that wraps them:
                         data for {"success": true, "data": [...]}, result.items, or /v1.0/data
      --table T          the PostgreSQL table to read (exact name, checked in the catalog)
      --schema S         its schema (default: the search path)
      --query SQL        a query to read instead of a table; needs --order-by or --unordered
      --order-by C       result columns that order the rows (a,b; default for a table: its primary
                         key, else all its columns, else ctid: the physical order, when a column
                         cannot be sorted), so row numbers are the same on every run
      --unordered        read a query in the order the server returns (row numbers may change)
      --locale L         language of messages: en (default) or vi
      --show-values      show personal data unmasked (masked by default in every output)
      --pii-key K        secret key of hashed personal fields (pii: hash); prefer the DDSS_PII_KEY
                         environment variable, since a flag shows in process lists
      --max-samples N    violations kept per rule in the report (default 100; counts are always exact)
      --workers N        worker threads for CSV files and PostgreSQL tables (default: one per core;
                         small files and tables use one)
      --timings          measure where the time goes: per stage and per rule (slowest first, with its
                         share), printed after the summary and added to the JSON report as "timings"
      --shard K/N        validate only shard K of N of a CSV, JSON or NDJSON file or a PostgreSQL --table
                         (K from 1; needs --now and --state-out; --violations and --grades must be .ndjson);
                         ddss merge joins the shards, with --baseline and --history (docs/scale.md)
      --state-out FILE   with --shard: write the shard's state to FILE (e.g. part-K.ddss-state)
      --reference N=FILE the reference N (a CSV, TSV, JSON or NDJSON file) that rules of the
                         definition check keys against; repeatable, one per reference
      --reference-encoding E, --reference-delimiter D
                         how to read CSV reference files (as --encoding, --delimiter)
      --reference-json-records P
                         where the records are inside JSON reference documents (as --json-records)
      --history FILE     append this run to a history (.ndjson) and judge it against the last runs of the
                         dataset: warnings history.row_count_drop, history.values_drop,
                         history.failure_rate_jump.<criterion>, history.stale_input; trend sparklines in the
                         text and HTML reports. FILE may be a postgresql:// URL: the history is then a table
                         (--history-table, default ddss_history)
      --history-table T  the table ([schema.]name) of a postgresql:// history; created if absent
      --history-window K, --history-row-drop X, --history-min-jump X, --history-severity warning|error
                         runs compared (default 10), row drop (0.2), least failure-rate jump (0.01)
      --baseline FILE    the --violations file (.csv, .ndjson) of an earlier run: its violations are known,
                         and the verdict and exit code judge new violations only (scores count all); a
                         table-level one (row count, stale table) only while it is no worse than in FILE
  -h, --help             this help

Exit codes: 0 passed or warned, 1 failed (an error rule failed, or score below --fail-under),
2 usage error, 3 could not evaluate (input unreadable or partial, or a rule threw).
`;

export const DATASETS_HELP = `Usage: ddss datasets [--rules NAME] [--json] [--locale en|vi]

Lists the built-in dataset definitions: name, number of fields, number of rules, title.
With --rules NAME, lists every rule of that definition: id, criterion, severity and what it checks.
Use a name with: ddss validate <input> --dataset <name>
`;

export const REFDATA_HELP = `Usage: ddss refdata import <file> [--out table.json] [options]

Converts an official commune list (CSV or JSON) into the dated JSON table read by vn.commune({ table }).

Options:
  -o, --out FILE.json   write the table to FILE.json instead of stdout (never overwritten without --force)
      --force           replace an existing --out file
      --scheme S        the day the scheme took effect, yyyy-MM-dd, e.g. 2025-07-01 (required for CSV)
      --valid-from D    first day the list is in force, yyyy-MM-dd (required for CSV)
      --valid-to D      last day the list is in force, yyyy-MM-dd, not before --valid-from or a JSON
                        table's own validFrom (omit while current)
      --source TEXT     where the list comes from (required for CSV)
      --input-format K  csv or json (default: by extension)
      --column K=H      the header of column K (code, name, level, province, district, successors),
                        when it is not recognised; repeat for several
      --locale L        language of its errors: en (default) or vi
  -h, --help            this help

Exit codes: 0 written, 2 usage error, 3 the list could not be read or converted, or has no communes.
`;

// compare's help is in its own file: its flags for each of two files make it the longest after validate's.
export { COMPARE_HELP } from './_compare-help.js';

export const WORKLIST_HELP = `Usage: ddss worklist <grades.ndjson> [--by COL] [--top N] [--groups N] [--format text|csv|md|html] [--out FILE]

Groups the graded records of \`ddss validate … --grades grades.ndjson\` by a column (written with --grades-columns
COL), so each commune, district or office gets its own list: per group the records with findings of each criterion
and the worst records first (lowest overall grade, then file order).

Options:
      --by COL           the column to group by (one group without it)
      --top N            records listed per group (default 10)
      --groups N         only the N groups with the most records with findings (still listed by name)
  -f, --format F         text, csv, md, html (a page a clerk can filter and sort); default: what
                         --out's extension names, else text
                         (.txt, .log or none); another extension is refused
  -o, --out FILE         write to FILE instead of standard output
      --force            replace an existing --out file
      --locale L         words of the html page: en (default), vi
`;

export const HISTORY_HELP = `Usage: ddss history <history.ndjson | postgresql://…> [--dataset D] [--format text|json|html] [--out FILE]

The trend of each dataset in a history file (or table) written by ddss validate --history: a sparkline per score
(overall and the four criteria) from the first run to the latest, rows, and the worst-moving rules (failure rate in
the latest run against its median over the earlier runs). Exit 0, 2 for a usage error or a damaged history, 3 when
the history file cannot be read or the database cannot be reached.

Options:
      --history-table T  the table of a postgresql:// history (default ddss_history)
      --dataset D        only this dataset
      --top N            worst-moving rules listed per dataset (default 10)
  -f, --format F         text, json, html; default: what --out's extension names, else text
                         (.txt, .log or none); another extension is refused
  -o, --out FILE         write to FILE (never over an existing file without --force)
      --force            overwrite --out
      --locale L         en (default) or vi
`;

export const PROFILE_HELP = `Usage: ddss profile <input> [--format text|json|yaml|html] [--sample N] [options]

Reads the file once and describes each column: inferred type, missing share (empty cells and the Vietnamese
placeholders count as missing), distinct count (exact up to 10 000, a HyperLogLog estimate above), range, lengths,
top values, shapes (9 a digit, A a letter) and the Vietnamese identifiers recognised (CCCD, CMND, MST, BHXH, BHYT,
phone, province code and its list, commune code (in the --communes lists only), land-use code, personal names,
TCVN3/VNI or NFD text). Input as
for validate; personal columns are shown masked: identifiers and names (recognised in at least half the values, or
30% shaped like IDs, e-mails or names: 001 089 012345), and columns whose name says personal data (birth dates,
addresses, phones, e-mail: dob, owner_address, Ngày sinh, …); an ID-shaped value is masked in any text column.

Options:
  -f, --format F         text, json, html, or yaml: a suggested dataset definition that ddss validate
                         --dataset accepts as written (review it before relying on it); default: what
                         --out's extension names (.yaml, .json, .html), else text
                         (.txt, .log or none); another extension is refused
  -o, --out FILE         write to FILE instead of stdout
      --force            overwrite an existing --out file
      --sample N         profile only the first N data rows
      --input-format K   csv, tsv, json, ndjson or xlsx, when the extension does not say
      --encoding E       CSV encoding: utf8 (default), windows-1258, tcvn3, vni, …
      --delimiter D      CSV delimiter (default ",", tab for .tsv)
      --sheet S          the sheet of an .xlsx workbook to read (default: the first visible one)
      --range R          its cells, in A1 notation: A3:T2000, B:F, or 3:1048576 for a header on row 3
      --rename C=F       profile the header column C as F (repeatable; CSV and .xlsx): the
                         yaml suggestion then uses F; a column renamed from a personal name stays masked
      --json-records P   profile the records of a JSON document at P (data, result.items, /v1.0/data)
      --show-values      show the values of personal columns unmasked
      --now ISO          the day the recognisers judge on (a CCCD's birth year not after it; default: now)
      --locale L         words of the text and html formats: en (default) or vi (json and yaml are data)
      --communes FILE    a commune list (from ddss refdata import; repeatable for dated lists): five-digit
                         values in it are commune codes, and the yaml suggestion names it (communes:) with
                         vn: [commune]; without a list, five digits are said to have the form only
      --workers N        threads for a CSV file of 8 MiB or more (default: one per core; 1 to turn off)
  -h, --help             this help

Exit codes: 0 profiled, 2 usage error, 3 the input could not be read, or no column of it could.
`;

export const FIX_HELP = `Usage: ddss fix <input.csv> --dataset D --out FIXED.csv [options]
       ddss fix <input.csv> --dataset D --dry-run --log CHANGES.csv [options]

Writes a copy of a UTF-8 CSV file in which every cell a rule offers a safe fix for is fixed, and nothing else
changes: same columns, rows, line endings, byte order mark and quoting (a fixed cell is quoted only if it was or
must be). A fix is applied only when it is the one possible fix and the fixed record breaks no rule that held;
otherwise the cell is left as it is and logged as not_fixed with the reason. Then the fixed file is validated and
the scores before → after are printed.

Kinds of fix (--only):
  nfc              Unicode NFC (decomposed Vietnamese accents composed)
  whitespace       surrounding, doubled, non-breaking and invisible whitespace
  legacy-encoding  TCVN3 / VNI / UTF-8-read-as-1252 text converted, only when the result is valid Vietnamese
  phone-prefix     legacy 11-digit mobile prefixes (0162…) to their current 10-digit numbers
  leading-zero     lost leading zeros of identifiers and codes, when the padded value is well-formed
  excel-date       Excel serial numbers (45123) written as the date in the field's format
  date-format      dates with one possible reading (2023-07-16, or 16.7.2023 for a dd/MM/yyyy field) written
                   in the field's format

Options:
  -d, --dataset D        a built-in name (ddss datasets), or a definition file (.ts/.js, .json, .yaml)
  -o, --out FILE         the fixed file (must not exist; never the input)
      --log FILE         the change log, FILE.csv or FILE.ndjson: one line per changed cell (row, line, key,
                         field, rule, code, kind, before, after) and per cell left as it is (reason, detail)
      --only K1,K2       only these kinds of fix (default all)
      --dry-run          write only the log (and print the scores the fixed file would have); no --out
      --delimiter C      the CSV delimiter (default , ; tab for .tsv)
      --rename C=F       read the header column C as the field F (repeatable): --rename "Mã thửa=parcel_id";
                         the fixed file keeps the header as it is, the log names F
      --encoding E       the input's encoding (default utf8); any other needs --to-utf8
      --to-utf8          write a tcvn3, vni, windows-1258 or UTF-16 file as UTF-8 (every record converted,
                         the fixes applied to the decoded text)
      --now ISO          the time of the run (default now)
      --time-zone TZ     the IANA time zone deciding which day "now" is (default the definition's, else UTC)
      --locale L         en (default) or vi
      --show-values      show personal values unmasked in the log
      --pii-key KEY      key of hashed personal fields (default: the DDSS_PII_KEY environment variable)
      --no-bom           start a CSV log without a UTF-8 byte order mark
      --workers N        worker threads for validating the input, as in validate (default: one per core;
                         small files use one); the fixed copy is validated in one
      --reference NAME=FILE   another register the definition checks against (as in validate)
      --reference-encoding E, --reference-delimiter D
                         how to read CSV reference files (as --encoding, --delimiter)
      --reference-json-records P
                         where the records are inside JSON reference documents (as in validate)

Exit codes: 0 the fixed file passes (or warns), 1 it still fails, 2 usage error, 3 the input could not be read
whole (nothing is written).
`;

export const MERGE_HELP = `Usage: ddss merge <part.ddss-state>… [options]

Joins the states written by ddss validate --shard K/N --state-out FILE (every shard of one run, in any
order) into the report of the whole input: the same bytes as one ddss validate over it with the same options.

Options:
  -d, --dataset D        the definition (default: the --dataset the shards were run with, as they gave it)
  -f, --format F         text, json, html, junit, md; default: what --out's extension names, else text
                         (.txt, .log or none); another extension is refused
  -o, --out FILE         write the report to FILE instead of stdout (the summary is still printed)
      --violations FILE  join the shards' --violations files (found beside each state, as recorded) into
                         FILE.csv or FILE.ndjson, numbered in the whole input
      --grades FILE      join the shards' --grades files the same way (every shard run with --grades
                         FILE.ndjson, the same --grades-all and --grades-columns), as ddss validate --grades
      --no-bom           write the --violations and --grades CSV without the UTF-8 byte order mark
      --force            overwrite existing --out / --violations / --grades files
      --fail-under X     fail when the overall score is below X (0–1); overrides the definition
      --pii-key K        the key the shards hashed personal fields with (prefer DDSS_PII_KEY)
      --baseline FILE    judge the run on violations not in FILE, as ddss validate --baseline (needs every
                         shard run with --violations: the baseline matches each violation)
      --history FILE     judge the run against earlier runs and append it, as ddss validate --history
                         (a file, or a postgresql:// URL: the history is then a table)
      --history-table T  the table ([schema.]name) of a postgresql:// history (default ddss_history)
      --history-window K, --history-row-drop X, --history-min-jump X, --history-severity warning|error
                         as for ddss validate --history
      --input PATH       with --history: the file the shards read, hashed once so history.stale_input can
                         tell an unchanged export (without it, that check is skipped)
      --locale L         language of its errors: en or vi; the report is in the shards' language, which
                         it must be
  -h, --help             this help

Exit codes: as ddss validate (0 passed or warned, 1 failed, 3 partial or a rule threw); 2 for states that do
not belong together (another definition, --now, input, --rename, shard count or ddss version; a shard missing
or twice), 3 for a state, violations or grades file that is unreadable, truncated or altered.
`;
