/**
 * A part of the workbook (a file inside its zip: a sheet, the shared-string table, …) that cannot be read as it was
 * written. Its message says which part and how; `part` is its path in the zip (`xl/worksheets/sheet1.xml`).
 * @example throw new DamagedPart('xl/sharedStrings.xml', 'the shared-string table (xl/sharedStrings.xml)', 'was cut short')
 */
export class DamagedPart extends Error {
  override readonly name = 'DamagedPart';
  constructor(readonly part: string, label: string, why: string, options?: { cause?: unknown }) {
    super(`the workbook is damaged: ${label} ${why}`, options);
  }
}

/**
 * A part refused for its size before it fills the memory: a zip bomb (a few MB that inflate to gigabytes), or more
 * than any register holds. A `DamagedPart`, so that it fails the read as one, worded as what it is.
 * @example throw new OversizedPart('xl/sharedStrings.xml', SHARED_STRINGS_LABEL, 'holds over 512 MiB of text')
 */
export class OversizedPart extends DamagedPart {
  constructor(part: string, label: string, why: string) {
    super(part, label, why);
    this.message = `the workbook is too large to read: ${label} ${why}`;
  }
}

/** How messages name the shared-string table. */
export const SHARED_STRINGS_LABEL = "the shared-string table (xl/sharedStrings.xml), which holds the workbook's text,";

// saxes words its errors `line:column: message` (with the file name first when it has one).
const XML_ERROR = /^(?:.*?:)?(\d+):(\d+): (.*)$/s;

const readFailures = new WeakSet<object>();

/**
 * Marks `e` as the failure to read a part's bytes (a temporary file that cannot be read), which `asDamaged` leaves as
 * it is: the part is not known to be damaged.
 * @example catch (e) { throw readFailure(e); }
 */
export function readFailure(e: unknown): unknown {
  if (typeof e === 'object' && e !== null) readFailures.add(e);
  return e;
}

/**
 * `e`, thrown while exceljs parsed the part at `path`, as a `DamagedPart`: the XML parser's error about its text, or
 * any other error of the parse (exceljs' own, such as "A Cell needs a Row" for a cell reference that is no
 * reference). A `DamagedPart` already, or a failure to read the part's bytes (`readFailure`), stays as it is.
 * @example throw asDamaged(e, 'xl/styles.xml', 'the part xl/styles.xml')
 */
export function asDamaged(e: unknown, part: string, label: string): unknown {
  if (e instanceof DamagedPart || !(e instanceof Error) || readFailures.has(e)) return e;
  const m = XML_ERROR.exec(e.message);
  const why = m === null ? `cannot be read (${e.message})`
    : `is not well-formed XML at line ${m[1]}, column ${m[2]} (${(m[3] as string).replace(/\.$/, '')})`;
  return new DamagedPart(part, label, why, { cause: e });
}
