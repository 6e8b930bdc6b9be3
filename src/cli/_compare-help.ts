/** `ddss compare --help`. */
export const COMPARE_HELP = `Usage: ddss compare <source> <copy> --key COLS [options]

Reconciles a copy with its source record by record (row order does not matter): matched, changed (which
columns), missing from the copy, extra in the copy, and keys that occur more than once (never paired).
The live score is the share of source records present and equal in the copy.
Inputs, read as validate reads them: .csv .tsv .txt as CSV, .json as JSON, .ndjson .jsonl as NDJSON, .xlsx as
an Excel workbook (or say --input-format); the two may differ (a CSV against a workbook). Save an .xls workbook
as .xlsx first. - reads one of them from standard input (CSV unless --input-format says otherwise).

Options:
  -k, --key COLS         the column, or comma-separated columns, naming a record on both sides (required)
      --columns COLS     columns to compare (default: every column both sides have, except the key); a
                         column outside them that one side has only is listed, no difference
  -d, --dataset D        compare cells as this dataset's typed values ("07" = "7" in an integer field,
                         dates by value); a built-in name or a definition file; its pii fields are masked
  -f, --format F         text (the console summary), json, html, md; default: what --out's extension
                         names (.json, .html, .md), else text
                         (.txt, .log or none); another extension is refused
  -o, --out FILE         write the report to FILE instead of stdout (the summary is still printed)
      --changes FILE     stream every difference to FILE.csv or FILE.ndjson (no sample limit)
      --force            overwrite existing --out / --changes files (never done otherwise)
      --ignore-case      compare text without regard to case
      --ignore-whitespace  ignore leading/trailing white space; inner runs count as one space
      --normalize nfc    compare text in Unicode NFC (composed and decomposed letters are equal)
      --pii COLS         personal columns, masked in every output (besides the dataset's pii fields, and
                         columns whose name or values say personal data: owner_name, dob, phone, …)
      --show-values      show personal data unmasked (also a cell of another column that is a person's by
                         its form: a CCCD, a name, an e-mail, a note quoting a phone, masked otherwise)
      --pii-key K        secret key of hashed personal fields (prefer the DDSS_PII_KEY environment variable)
      --max-samples N    differences kept per status in the report (default 100; counts are always exact)
      --memory-budget MB key table kept in memory before both sides are partitioned to temporary
                         files (default 256)
      --input-format K   csv, tsv, json, ndjson or xlsx: the format of both files, when the extensions do not say
      --encoding E       encoding of the CSV files: utf8 (default), utf16le, windows-1258, tcvn3, vni, …
      --delimiter D      delimiter of the CSV files (default ",", tab for .tsv)
      --input-format-source K, --input-format-copy K, --encoding-source E, --encoding-copy E,
      --delimiter-source D, --delimiter-copy D
                         the same for one file only: exports written by different systems (last year's in
                         TCVN3 separated by ";": --encoding-source tcvn3 --delimiter-source ";")
      --sheet S          the sheet of each .xlsx workbook to read (default: the first visible one)
      --range R          its cells, in A1 notation: A3:T2000, B:F, or 3:1048576 for a header on row 3
      --sheet-source S, --sheet-copy S, --range-source R, --range-copy R
                         the same for one workbook only (last year's sheet was "2024", this year's "2025")
      --rename C=F       read the header column C of both files as F (repeatable): --rename "Mã thửa=parcel_id";
                         --key, --columns and --pii then name F; each C must be in both headers
      --rename-source C=F, --rename-copy C=F
                         the same for one file only (last year's export had "Mã thửa", this year's parcel_id)
      --json-records P   read the records of each JSON document at P (data, result.items, /v1.0/data)
      --json-records-source P, --json-records-copy P
                         the same for one file only (an API export {"data": [...]} against a plain array)
      --locale L         language of the report: en (default) or vi
  -h, --help             this help

A per-file flag beside the flag of both files for the same setting is a usage error, as is one for a file it does
not fit (--encoding-copy for an .xlsx copy).
A --key or --columns column a header lacks (a --pii column neither has) is a usage error naming what to give
instead: the near column and its --rename-source or --rename-copy, the --key both files spell otherwise, or the
--range of a header below a title.
A file read in an encoding or with a delimiter it is not in is said on stderr with its own flag to give
(declare --encoding-copy utf8, --delimiter-source ';').

Records whose key is blank (empty, white space, absent, a --dataset missing value) are paired with nothing:
counted apart (JSON "keyless"), and the copy is not equal.

Exit codes: 0 the copy equals the source, 1 it differs, 2 usage error, 3 a file could not be read whole, or
neither holds a record (nothing to compare).
`;
