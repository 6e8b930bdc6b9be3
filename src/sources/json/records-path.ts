/**
 * The keys leading to the array of records inside a JSON document (`readJson`'s `records`). A path starting with `/`
 * is an RFC 6901 JSON Pointer (`/result/items`; `~1` stands for `/` and `~0` for `~` in a key, and a key may be
 * empty); anything else is a dotted path (`result.items`), whose keys are not empty and hold no dot — a key with a
 * dot, or one starting a path with `/`, is written as a pointer (`/v1.0/data`). Every key names an object's
 * property: an array on the way is not indexed. Throws a `RangeError` saying what is wrong.
 * @example
 * recordsPath('result.items'); // ['result', 'items']
 * recordsPath('/a.b/c~1d'); // ['a.b', 'c/d']
 */
export function recordsPath(path: string): readonly string[] {
  const said = JSON.stringify(path);
  if (path === '') {
    throw new RangeError('ddss: the records path is empty: without it, the document itself is the array of records');
  }
  if (path.startsWith('/')) {
    return path.slice(1).split('/').map((key) => {
      if (/~(?![01])/.test(key)) {
        throw new RangeError(`ddss: the records path ${said} is not a JSON Pointer: "~" must be followed by 0 (for "~") or 1 (for "/")`);
      }
      return key.replaceAll('~1', '/').replaceAll('~0', '~');
    });
  }
  const keys = path.split('.');
  if (keys.includes('')) {
    throw new RangeError(`ddss: the records path ${said} has an empty key; write a key holding a dot, or an empty one, as a ` +
      'JSON Pointer (/v1.0/data)');
  }
  return keys;
}

/**
 * The records path of `keys` as `recordsPath` reads it back: dotted when every key can be (`data`, `result.items`),
 * else a JSON Pointer (`/v1.0/data`).
 * @example
 * showRecordsPath(['result', 'items']); // 'result.items'
 * showRecordsPath(['a.b', 'c/d']); // '/a.b/c~1d'
 */
export function showRecordsPath(keys: readonly string[]): string {
  const dotted = keys.length > 0 && keys.every((k) => k !== '' && !k.includes('.')) && !(keys[0] as string).startsWith('/');
  return dotted ? keys.join('.') : keys.map((k) => `/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
