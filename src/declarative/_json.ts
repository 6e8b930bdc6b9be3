import { DefinitionError, type DefinitionPath } from './definition-error.js';

/** One open object or array while scanning, with where the scan is inside it. */
interface Frame {
  readonly object: boolean;
  /** The key or index of the value being read: a segment of the path. */
  at: string | number;
  /** Whether the object has had a key yet. */
  named: boolean;
  /** An object's keys so far; made at its second key, so deeply nested one-key objects cost no set each. */
  keys: Set<string> | undefined;
  /** In an object, whether the next string is a key. */
  expectKey: boolean;
}

/**
 * Reads definition JSON, refusing a key given twice in one object (at any depth) as YAML definitions do:
 * `JSON.parse` keeps the last silently, so `"min": 100, "min": 0` would check min 0. The message names the key and
 * the path of its object, `fields.n: duplicate key "min"`; keys are compared as decoded (`"a"` and `"\u0061"` are one).
 * @example readJson('{"a":1,"a":2}') // throws DefinitionError('duplicate key "a"')
 */
export function readJson(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    throw new DefinitionError(`invalid JSON: ${(e as Error).message}`);
  }
  _checkKeys(body);
  return value;
}

/**
 * One pass over text `JSON.parse` accepted, with a stack rather than recursion (nesting depth is the file's to
 * choose): linear in the length, as the 1 MB cap on definitions needs to stay quick.
 */
function _checkKeys(text: string): void {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '"') {
      const end = _stringEnd(text, i);
      if (top?.expectKey === true) _addKey(stack, top, JSON.parse(text.slice(i, end + 1)) as string);
      i = end;
    } else if (c === '{' || c === '[') {
      stack.push({ object: c === '{', at: 0, named: false, keys: undefined, expectKey: c === '{' });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',' && top !== undefined) {
      if (top.object) top.expectKey = true;
      else top.at = (top.at as number) + 1;
    }
  }
}

/** Index of the quote closing the string that opens at `start`. */
function _stringEnd(text: string, start: number): number {
  let j = start + 1;
  while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
  return j;
}

function _addKey(stack: readonly Frame[], top: Frame, key: string): void {
  top.expectKey = false;
  if (top.named) {
    top.keys ??= new Set([top.at as string]);
    if (top.keys.has(key)) {
      const path: DefinitionPath = stack.slice(0, -1).map((f) => f.at);
      throw new DefinitionError(`duplicate key ${JSON.stringify(key)}`, path);
    }
    top.keys.add(key);
  }
  top.named = true;
  top.at = key;
}
