import type { TypedCellScanner } from './typed-cells.js';

// What may come before the root element, held back to find it; a part whose root tag is not found within this is
// passed as it is (no writer puts that much before it).
const LONGEST_PROLOG = 65_536;
const NAME = /^[A-Za-z_][\w.-]*$/;
const BINDING = /\sxmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * A pass over the XML text of a part of a workbook that writes its elements without the namespace prefix its root
 * element's namespace is bound to: `<x:worksheet xmlns:x="…/spreadsheetml/2006/main"><x:sheetData><x:row r="1">` becomes
 * `<worksheet xmlns:x="…"><sheetData><row r="1">`. Why: such parts are valid Office Open XML (the .NET Open XML SDK
 * writes them), but exceljs' parsers match elements by their literal names (`row`, `c`, `si`, `sheet`), so a prefixed
 * sheet read as no rows ("the sheet is empty"), prefixed shared strings as none (every text cell empty), and a prefixed
 * workbook or styles part failed with a TypeError. The prefixes are taken from the root's start tag: its own prefix
 * and any other bound to the same namespace. A part whose root is unprefixed and binds no prefix to its namespace (what
 * Excel and most writers write) passes as it is, after its root tag is seen. Attributes of SpreadsheetML are
 * unprefixed, so only tag names change. `<x:` inside a CDATA section would be changed too; no writer puts one there.
 * @example const s = unprefixedTags(); s.scan('<x:sst xmlns:x="…main"><x:si><x:t>Hà Nội</x:t></x:si></x:sst>') // '<sst xmlns:x="…main"><si><t>Hà Nội</t></si></sst>'
 */
export function unprefixedTags(): TypedCellScanner {
  let held = '';
  // undefined until the root tag is seen; null when nothing is to change.
  let tags: RegExp | null | undefined;
  let longest = 0;
  const strip = (t: string): string => (tags === null || tags === undefined ? t : t.replace(tags, '<$1'));
  return {
    scan(text) {
      let t = held === '' ? text : held + text;
      held = '';
      if (tags === undefined) {
        const root = rootTag(t);
        if (root === undefined && t.length < LONGEST_PROLOG) {
          held = t;
          return '';
        }
        const prefixes = root === undefined ? [] : boundToRoot(root);
        longest = Math.max(0, ...prefixes.map((p) => p.length));
        tags = tagsOf(prefixes);
      }
      if (tags === null) return t;
      // A tag cut by the chunk's end before its name shows whether it is prefixed (`</x:` and a letter: the longest
      // prefix and four characters) is held back to the next chunk.
      const lt = t.lastIndexOf('<');
      if (lt !== -1 && t.length - lt < longest + 4 && !t.includes('>', lt)) {
        held = t.slice(lt);
        t = t.slice(0, lt);
      }
      return strip(t);
    },
    end() {
      const rest = held;
      held = '';
      if (tags === undefined) {
        const root = rootTag(rest);
        tags = tagsOf(root === undefined ? [] : boundToRoot(root));
      }
      return strip(rest);
    },
  };
}

/** The start and end tags named with one of `prefixes` (`<x:` and `</x:`), or null when there is none. */
function tagsOf(prefixes: readonly string[]): RegExp | null {
  if (prefixes.length === 0) return null;
  return new RegExp(`<(/?)(?:${prefixes.map((p) => p.replace(/[.-]/g, '\\$&')).join('|')}):(?=[A-Za-z_])`, 'g');
}

/** The root element's start tag in `t` (after the XML declaration, comments and a doctype), once it is whole. */
function rootTag(t: string): string | undefined {
  let at = 0;
  for (;;) {
    while (at < t.length && /\s/.test(t.charAt(at))) at++;
    if (at >= t.length || t.charAt(at) !== '<') return undefined;
    const end = t.startsWith('<?', at) ? t.indexOf('?>', at) : t.startsWith('<!--', at) ? t.indexOf('-->', at)
      : t.startsWith('<!', at) ? t.indexOf('>', at) : -2;
    if (end === -1) return undefined;
    if (end === -2) break;
    at = t.indexOf('>', end) + 1;
  }
  // The start tag ends at the first '>' outside a quoted attribute value.
  let quote = '';
  for (let i = at + 1; i < t.length; i++) {
    const c = t.charAt(i);
    if (quote !== '') { if (c === quote) quote = ''; } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return t.slice(at, i + 1);
  }
  return undefined;
}

/** The prefixes the root tag `tag` binds to its own element's namespace: its own prefix, and any other. */
function boundToRoot(tag: string): string[] {
  const name = /^<([^\s/>]+)/.exec(tag)?.[1] ?? '';
  const colon = name.indexOf(':');
  const own = colon < 0 ? '' : name.slice(0, colon);
  const bound = new Map<string, string>();
  for (const m of tag.matchAll(BINDING)) bound.set(m[1] ?? '', m[2] ?? m[3] ?? '');
  const ns = bound.get(own);
  if (ns === undefined || ns === '') return [];
  return [...bound].filter(([p, uri]) => p !== '' && uri === ns && NAME.test(p)).map(([p]) => p);
}
