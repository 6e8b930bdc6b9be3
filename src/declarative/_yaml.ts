import type * as Yaml from 'yaml';
import type { Node } from 'yaml';
import { DefinitionError, type DefinitionPath } from './definition-error.js';
import { lazyRequire } from '../core/lazy-require.js';

// Loaded when the first YAML definition is read (see lazyRequire).
const yaml = lazyRequire<typeof Yaml>('yaml');

// yaml's own guard against alias expansion (billion laughs); a real definition rarely needs any alias.
const MAX_ALIAS_COUNT = 100;
// What V8 says when yaml's recursion runs out of stack on deeply nested collections.
const STACK = /maximum call stack size exceeded/i;

/**
 * Reads definition YAML: the core schema (no custom tags), at most `MAX_ALIAS_COUNT` alias expansions, unique keys
 * and no merge keys (`<<`), each refused by name with its path. Keys are checked here in one pass, not by yaml's
 * `uniqueKeys`, which compares every key with every other and took minutes on a large file.
 */
export function readYaml(text: string): unknown {
  const doc = yaml().parseDocument(text, { schema: 'core', uniqueKeys: false, merge: false, prettyErrors: true });
  // Warnings too (an unresolved tag such as !!js/function): a definition that YAML only half understood is refused.
  const first = doc.errors[0] ?? doc.warnings[0];
  // yaml's own words for this are advice to its API ("please use YAML.parseAllDocuments()"), not to a definition's author.
  if (first?.code === 'MULTIPLE_DOCS') {
    const at = first.linePos?.[0]?.line;
    throw new DefinitionError(`a definition file holds one YAML document; a second one starts at ${at === undefined ? 'a "---"' : `line ${at} (the "---" there)`}: write one definition per file`);
  }
  if (first !== undefined) throw new DefinitionError(`invalid YAML: ${_firstLine(first.message.replace(STACK, 'nested too deeply'))}`);
  _checkKeys(doc.contents);
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const msg = (e as Error).message;
    throw new DefinitionError(/alias/i.test(msg)
      ? 'YAML aliases expand too much (refused as a possible billion-laughs attack)'
      : `invalid YAML: ${_firstLine(msg.replace(STACK, 'nested too deeply'))}`);
  }
}

/** Every map's keys are plain scalars, distinct as text (`1` and `"1"` would become one key), and none is `<<`. */
function _checkKeys(root: Node | null): void {
  // A stack, not recursion: nesting depth is the file's to choose.
  const stack: { node: unknown; path: DefinitionPath }[] = [{ node: root, path: [] }];
  const { isAlias, isMap, isScalar, isSeq } = yaml();
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { node, path } = top;
    if (isSeq(node)) node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    if (!isMap(node)) continue; // scalars; aliases are checked where their anchor is
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = pair.key;
      if (isScalar(key) && key.value === '<<' && key.type === 'PLAIN') {
        throw new DefinitionError('merge keys (<<) are not supported; write the keys out', path);
      }
      if (!isScalar(key) || isAlias(key) || (key.value !== null && typeof key.value === 'object')) {
        throw new DefinitionError('keys must be plain text', path);
      }
      const name = String(key.value);
      if (seen.has(name)) throw new DefinitionError(`duplicate key ${JSON.stringify(name)}`, path);
      seen.add(name);
      stack.push({ node: pair.value, path: [...path, name] });
    }
  }
}

function _firstLine(msg: string): string {
  return (msg.split('\n')[0] ?? msg).replace(/:$/, '');
}
