/** A relationship of the workbook as exceljs reads it (targets made relative to `xl/` by `checkedWorkbookReader`). */
interface Rel {
  readonly Id?: string;
  readonly Type?: string;
  Target?: string;
}

/** The sheet parts of one read, under the names exceljs' reader is shown. */
export interface SheetParts {
  /** The name exceljs is shown for the zip entry at `path`, asked when it takes the entry: another part's is its own. */
  shown(path: string): string;
  /** The path in the zip of the part exceljs was shown as `path`. */
  real(path: string): string;
  /** The name the part at `path` (its path in the zip) was shown as, when it was shown another. */
  alias(path: string): string | undefined;
  /** Points the workbook's relationships at the names shown, once they are read (`rels`: exceljs' `workbookRels`). */
  retarget(rels: readonly Rel[]): void;
  /** Why the sheet part at `path` was not read, or undefined when no reason is known. */
  missed(path: string): string | undefined;
}

// exceljs' reader reads a sheet only from a zip entry named so, and matches it to its relationship by that number.
const EXCELJS_NAME = /^xl\/worksheets\/sheet\d+\.xml$/;
// Where a sheet part may be known as one before the relationships say so: the folder where every writer puts them.
const WORKSHEETS = /^xl\/worksheets\/[^/]+\.xml$/;
const WORKSHEET_TYPE = /\/worksheet$/;

/**
 * Shows exceljs' reader each sheet part whose name is not `xl/worksheets/sheetN.xml` under a name of that form (with
 * a number no writer gives: `sheet0000001.xml`), and the relationship pointing at it under the same. Why: ECMA-376
 * finds a sheet's part by its relationship and any name is legal (`xl/worksheets/data.xml`), but exceljs looks only
 * for sheetN.xml: such a workbook read as "the workbook has no sheets" though it lists them. A part is known as a
 * sheet by the relationships when they come before it in the zip (Excel's order), else by its folder
 * (`xl/worksheets/`, where the parts of exceljs, openpyxl and the others are); a part elsewhere stored before the
 * relationships passes unread, and `missed` says so.
 * @example const parts = sheetParts(() => reader.workbookRels); entry.path = parts.shown('xl/worksheets/data.xml') // 'xl/worksheets/sheet0000001.xml'
 */
export function sheetParts(rels: () => readonly Rel[] | undefined): SheetParts {
  const aliases = new Map<string, string>(); // real path → shown
  const reals = new Map<string, string>(); // shown → real path
  const seen = new Set<string>(); // every entry exceljs took
  const passed = new Set<string>(); // entries not known to be sheets, shown as they are
  const relative = (path: string) => path.slice('xl/'.length);
  const aliasOf = (path: string): string => {
    let alias = aliases.get(path);
    if (alias === undefined) {
      const taken = new Set((rels() ?? []).map((r) => r.Target));
      const name = (n: number) => `worksheets/sheet${String(n).padStart(7, '0')}.xml`;
      let n = aliases.size + 1;
      while (taken.has(name(n)) || reals.has(`xl/${name(n)}`)) n++;
      alias = `xl/${name(n)}`;
      aliases.set(path, alias);
      reals.set(alias, path);
    }
    return alias;
  };
  const parts: SheetParts = {
    shown(path) {
      seen.add(path);
      if (aliases.has(path)) return aliases.get(path) as string;
      if (!path.startsWith('xl/') || EXCELJS_NAME.test(path)) return path;
      const known = rels();
      const isSheet = known === undefined ? WORKSHEETS.test(path)
        : known.some((r) => WORKSHEET_TYPE.test(r.Type ?? '') && r.Target === relative(path));
      if (!isSheet) {
        passed.add(path);
        return path;
      }
      const alias = aliasOf(path);
      if (known !== undefined) parts.retarget(known);
      return alias;
    },
    real: (path) => reals.get(path) ?? path,
    alias: (path) => aliases.get(path),
    retarget(known) {
      for (const rel of known) {
        const alias = rel.Target === undefined ? undefined : aliases.get(`xl/${rel.Target}`);
        if (alias !== undefined) rel.Target = relative(alias);
      }
    },
    missed(path) {
      if (passed.has(path)) {
        return 'its part is stored before the workbook\'s relationships and outside xl/worksheets/, so it was not known to be a ' +
          'sheet when it was read; saved again by Excel or LibreOffice, the workbook can be read';
      }
      return seen.has(path) ? undefined : 'the workbook has no such part';
    },
  };
  return parts;
}
