import { DefinitionError, type DefinitionPath } from './definition-error.js';

/**
 * Runs a pack factory on a file's (schema-checked) options and turns what it still refuses — options that exclude
 * each other (`province` with `scheme` and `dateField`), a day that is no day (`noDistrictLevel` `since`) — into a
 * `DefinitionError` naming the path, as every other problem of a definition file is reported.
 * @example factoryError(() => province({ scheme: '2025-07-01', dateField: 'd' }), ['fields', 'p', 'vn', 0, 'province']) // throws DefinitionError
 */
export function factoryError<T>(build: () => T, path: DefinitionPath): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof DefinitionError || !(e instanceof Error)) throw e;
    throw new DefinitionError(e.message.replace(/^ddss: /, ''), path);
  }
}
