import type { RecogniserName } from './recognisers.js';
import type { ExcelSerialDates } from './excel-serial-dates.js';

/** The type `profile` infers for a column (`empty`: no value at all). */
export type ProfiledType = 'integer' | 'number' | 'date' | 'datetime' | 'boolean' | 'enum' | 'text' | 'empty';

/** How many distinct values a column has: exact up to the profile's bound, else a HyperLogLog estimate. */
export interface DistinctCount {
  readonly count: number;
  readonly exact: boolean;
  /** The estimate's relative standard error (estimates only). */
  readonly standardError?: number;
}

/** One recogniser's result on a column. */
export interface Recognition {
  readonly name: RecogniserName;
  readonly matched: number;
  /** Of the non-missing values. */
  readonly share: number;
  /**
   * Values it matches only once the spaces, dots or dashes between digit groups are removed (`001 089 012345`), or
   * (CCCD) once the leading zeros a spreadsheet dropped are back (`79199012345`); not counted in `matched`: the rule
   * reports them. Absent when none.
   */
  readonly grouped?: number;
  /**
   * Set when the recogniser knows its values by their number of digits alone (`bhxh`: ten, `cmnd`: nine; no check
   * digit, no list) and the column's name does not say it holds such numbers (`von_dieu_le`, `c1`): the values have
   * the form, which amounts and counts have too, so the column is not `recognised` as such, nor personal on its account.
   */
  readonly formOnly?: true;
}

/** What `profile` found in one column. */
export interface ColumnProfile {
  readonly name: string;
  /** 0, or how many columns of the same name the header has before this one. */
  readonly occurrence: number;
  /** Cells read (rows that had the column). */
  readonly cells: number;
  readonly missing: number;
  readonly missingShare: number;
  /** Missing cells holding a placeholder (`NULL`, `00/00/0000`). */
  readonly placeholders: number;
  readonly type: ProfiledType;
  /** `number`: the decimal separator. */
  readonly decimal?: '.' | ',';
  /** `date`: the date-fns format the values are in. */
  readonly format?: string;
  /** Non-missing values the type does not read (they would fail its type check). */
  readonly typeFailures: number;
  readonly distinct: DistinctCount;
  /** Least and greatest value of the type (numbers as numbers, dates as ISO dates); text: by code point. */
  readonly min?: string | number;
  readonly max?: string | number;
  /** Least and greatest length in characters of the non-missing values. */
  readonly length?: { readonly min: number; readonly max: number };
  /** Most frequent values; `topExact` false: counts are lower bounds (a heavy-hitters summary). */
  readonly top: readonly { readonly value: string; readonly count: number }[];
  readonly topExact: boolean;
  /** Most frequent shapes (`9` digit, `A` letter). */
  readonly shapes: readonly { readonly shape: string; readonly count: number }[];
  readonly shapesExact: boolean;
  /** Recognisers that matched at least one value, best first. */
  readonly recognisers: readonly Recognition[];
  /** The recogniser that matched ≥ 95% of the non-missing values (the first in `RECOGNISERS` order), if any. */
  readonly recognised?: RecogniserName;
  /** Values that look like TCVN3/VNI text or mojibake. */
  readonly legacyEncoded: number;
  /** Values not in Unicode NFC (decomposed accents). */
  readonly nfd: number;
  /** Values with surrounding white space. */
  readonly padded: number;
  /**
   * Set when an integer or number column — or a column of commune codes, whose five digits serials have too — may
   * hold dates written as Excel serial numbers (`43831` is 01/01/2020): every value is a serial of 1920–2099 and the
   * name says date (`name`: `ngay_cap`, `issue_date`), or every value is an integer serial of 1970–2040 and the name
   * says nothing else (`values`). Nothing is converted.
   */
  readonly excelSerialDates?: ExcelSerialDates;
  /**
   * Set when at least 30% of the values are integers of 9 digits or more in a spreadsheet's scientific notation
   * (`1.08901E+11`): identifiers that went through a numeric column, their last digits lost. `count`: those values;
   * `digitsOnly`: every other value is ASCII digits. Such a column is text, never a number column that would pass them.
   */
  readonly scientificIds?: { readonly count: number; readonly digitsOnly: boolean };
  /**
   * True when this column holds personal data, shown masked: its values are recognised as personal identifiers or
   * names (or at least half of them are, or 30% look like IDs, e-mails or names by their form), or its name says so (`dob`, `owner_address`, `Họ và tên`, `Số điện thoại`).
   */
  readonly personal: boolean;
}

/** What `profile` found in a source. */
export interface Profile {
  /** The source's name (the file name). */
  readonly source: string;
  readonly rows: number;
  /**
   * What the source reported, by issue code (as `validate`'s `source.*` rules): records it could not read
   * (`invalid_json`, `unclosed_quote`, `record_too_large`), rows with extra or missing cells (`extra_cell`,
   * `missing_cell`), bytes not in the declared encoding (`invalid_encoding`), an empty input (`empty`).
   */
  readonly issues: readonly { readonly code: string; readonly count: number }[];
  /** True when `sample` stopped the read before the end of the source. */
  readonly sampled: boolean;
  /**
   * True when the header reads as a record (a cell is a number, a code of digits or a date: a file without a header
   * line has its first record taken for one). Its cells are then a record's values, personal data among them: the
   * columns are named by position (`column_1`, …) unless `showValues`, and that line is not counted in `rows`. With
   * no name to judge them by, columns not recognised as codes are masked.
   */
  readonly headerReadAsRecord?: true;
  /**
   * The versions of the commune lists (`communes`) that five-digit values were looked up in; absent when none was
   * given, and then no value was taken for a commune code (its form is not enough).
   */
  readonly communeLists?: readonly string[];
  /** Columns past the first `MAX_PROFILED_COLUMNS` (16,384): counted, not profiled. Absent when none. */
  readonly columnsNotProfiled?: number;
  readonly columns: readonly ColumnProfile[];
}
