/** Help texts of the `ddss` commands (`ddss --help`, `ddss <command> --help`). */

export const MAIN_HELP = `ddss — data quality for government databases: correct, sufficient, clean, live
(đúng, đủ, sạch, sống)

Usage:
  ddss validate <input> --dataset <builtin|file.ts|file.json|file.yaml> [options]
  ddss compare <source> <copy> --key COLS [options]
  ddss worklist <grades.ndjson> [--by COL] [--top N] [--format text|csv|md]
  ddss merge <part.ddss-state>… [--format F] [--out FILE] [--violations FILE]
  ddss datasets [--json]
  ddss refdata import <file> [--out table.json] [--scheme S --valid-from D --source TEXT]
  ddss --help | ddss <command> --help
  ddss --version

Commands:
  validate   check a CSV, JSON or NDJSON file against a dataset definition; print or write the report
  compare    reconcile a copy with its source: matched, changed, missing and extra records (live)
  worklist   group the records of a validate --grades file by a column, worst records first
  merge      join the states of validate --shard K/N runs into the report of the whole input
  datasets   list the built-in dataset definitions
  refdata    import reference data (the official commune list) as a dated JSON table

Exit codes: 0 passed or warned, 1 failed, 2 usage error, 3 could not evaluate (unreadable input, rule error).
Docs: docs/cli.md
`;

export const VALIDATE_HELP = `Usage: ddss validate <input> --dataset <builtin|file.ts|file.json|file.yaml> [options]

Input: .csv .tsv .txt are read as CSV, .json as JSON, .ndjson .jsonl as NDJSON, .xlsx as an Excel workbook
(or say --input-format). Save an .xls workbook as .xlsx first.

Options:
  -d, --dataset D        a built-in name (ddss datasets), or a definition file: .ts/.js (default or only
                         exported definition; file.ts#name picks one), .json, .yaml/.yml (declarative)
  -f, --format F         text (default, the console summary), json, html, junit, md
  -o, --out FILE         write the report to FILE instead of stdout (the summary is still printed)
      --violations FILE  stream every violation to FILE.csv or FILE.ndjson (no sample limit)
      --grades FILE      stream each record's grades (per criterion, overall, findings, rule ids) to FILE.csv
                         or FILE.ndjson, in file order: records with findings (one thread; adds recordGrades
                         to the JSON report)
      --grades-all       with --grades: every record, not only those with findings
      --grades-columns C with --grades: also write these fields' cells (a,b; masked when personal), to group
                         the worklist by (ddss worklist --by C)
      --no-bom           write the --violations CSV without the UTF-8 byte order mark (written by default for Excel)
      --force            overwrite existing --out / --violations files (never done otherwise)
      --fail-under X     fail when the overall score is below X (0–1); overrides the definition
      --now ISO          the time of the run (2026-11-22 or 2026-11-22T08:00:00Z; default: now)
      --time-zone Z      IANA time zone deciding which day --now is for date rules (default: the
                         definition's; UTC for your own, Asia/Ho_Chi_Minh for the built-ins)
      --input-format K   csv, tsv, json, ndjson or xlsx, when the extension does not say
      --encoding E       CSV encoding: utf8 (default), windows-1258, tcvn3, vni, …
      --delimiter D      CSV delimiter (default ",", tab for .tsv; "\\t" or "tab" for a tab)
      --sheet S          the sheet of an .xlsx workbook to read (default: the first)
      --locale L         language of messages: en (default) or vi
      --show-values      show personal data unmasked (masked by default in every output)
      --pii-key K        secret key of hashed personal fields (pii: hash); prefer the DDSS_PII_KEY
                         environment variable, since a flag shows in process lists
      --max-samples N    violations kept per rule in the report (default 100; counts are always exact)
      --workers N        worker threads for CSV files (default: one per core; small files use one)
      --shard K/N        validate only shard K of N of a CSV file (K from 1; needs --now and --state-out;
                         --violations must be .ndjson); ddss merge joins the shards (docs/scale.md)
      --state-out FILE   with --shard: write the shard's state to FILE (e.g. part-K.ddss-state)
      --reference N=FILE the reference N (a CSV, TSV, JSON or NDJSON file) that rules of the
                         definition check keys against; repeatable, one per reference
      --reference-encoding E, --reference-delimiter D
                         how to read CSV reference files (as --encoding, --delimiter)
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
  -o, --out FILE        write the table to FILE instead of stdout (never overwritten without --force)
      --force           replace an existing --out file
      --scheme S        name of the scheme, e.g. 2025-07-01 (required for CSV)
      --valid-from D    first day the list is in force, yyyy-MM-dd (required for CSV)
      --valid-to D      last day the list is in force, yyyy-MM-dd (omit while current)
      --source TEXT     where the list comes from (required for CSV)
      --input-format K  csv or json (default: by extension)
      --column K=H      the header of column K (code, name, level, province, district, successors),
                        when it is not recognised; repeat for several
  -h, --help            this help

Exit codes: 0 written, 2 usage error, 3 the list could not be read or converted.
`;

export const COMPARE_HELP = `Usage: ddss compare <source> <copy> --key COLS [options]

Reconciles a copy with its source record by record (row order does not matter): matched, changed (which
columns), missing from the copy, extra in the copy, and keys that occur more than once (never paired).
The live score is the share of source records present and equal in the copy.
Inputs: .csv .tsv .txt are read as CSV, .json as JSON, .ndjson .jsonl as NDJSON (or say --input-format).

Options:
  -k, --key COLS         the column, or comma-separated columns, naming a record on both sides (required)
      --columns COLS     columns to compare (default: every column both sides have, except the key)
  -d, --dataset D        compare cells as this dataset's typed values ("07" = "7" in an integer field,
                         dates by value); a built-in name or a definition file; its pii fields are masked
  -f, --format F         text (default, the console summary), json, html, md
  -o, --out FILE         write the report to FILE instead of stdout (the summary is still printed)
      --changes FILE     stream every difference to FILE.csv or FILE.ndjson (no sample limit)
      --force            overwrite existing --out / --changes files (never done otherwise)
      --ignore-case      compare text without regard to case
      --ignore-whitespace  ignore leading/trailing white space; inner runs count as one space
      --normalize nfc    compare text in Unicode NFC (composed and decomposed letters are equal)
      --pii COLS         personal columns, masked in every output (besides the dataset's pii fields)
      --show-values      show personal data unmasked
      --pii-key K        secret key of hashed personal fields (prefer the DDSS_PII_KEY environment variable)
      --max-samples N    differences kept per status in the report (default 100; counts are always exact)
      --memory-budget MB key table kept in memory before both sides are partitioned to temporary
                         files (default 256)
      --input-format K   csv, tsv, json or ndjson, when the extensions do not say
      --encoding E       CSV encoding of both files: utf8 (default), windows-1258, tcvn3, vni, …
      --delimiter D      CSV delimiter of both files (default ",", tab for .tsv)
      --locale L         language of the report: en (default) or vi
  -h, --help             this help

Exit codes: 0 the copy equals the source, 1 it differs, 2 usage error, 3 a file could not be read whole.
`;

export const WORKLIST_HELP = `Usage: ddss worklist <grades.ndjson> [--by COL] [--top N] [--format text|csv|md]

Groups the graded records of \`ddss validate … --grades grades.ndjson\` by a column (written with --grades-columns
COL), so each commune, district or office gets its own list: per group the records with findings of each criterion
and the worst records first (lowest overall grade, then file order).

Options:
      --by COL           the column to group by (one group without it)
      --top N            records listed per group (default 10)
  -f, --format F         text (default), csv, md
`;

export const MERGE_HELP = `Usage: ddss merge <part.ddss-state>… [options]

Joins the states written by ddss validate --shard K/N --state-out FILE (every shard of one run, in any
order) into the report of the whole input: the same bytes as one ddss validate over it with the same options.

Options:
  -d, --dataset D        the definition (default: the --dataset the shards were run with, as they gave it)
  -f, --format F         text (default), json, html, junit, md
  -o, --out FILE         write the report to FILE instead of stdout (the summary is still printed)
      --violations FILE  join the shards' --violations files (found beside each state, as recorded) into
                         FILE.csv or FILE.ndjson, numbered in the whole input
      --no-bom           write the --violations CSV without the UTF-8 byte order mark
      --force            overwrite existing --out / --violations files
      --fail-under X     fail when the overall score is below X (0–1); overrides the definition
      --pii-key K        the key the shards hashed personal fields with (prefer DDSS_PII_KEY)
  -h, --help             this help

Exit codes: as ddss validate (0 passed or warned, 1 failed, 3 partial or a rule threw); 2 for states that do
not belong together (another definition, --now, input, shard count or ddss version; a shard missing or twice),
3 for a state or violations file that is unreadable, truncated or altered.
`;
