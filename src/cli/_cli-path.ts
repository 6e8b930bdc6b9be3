import { isAbsolute, resolve, sep } from 'node:path';

/**
 * The path a file argument names, as the system (and the shell's `cat`, `ls`) reads it: relative to `cwd`, with `..`
 * left to the kernel, which steps out of the directory a symbolic link leads to, not out of the link's name. Node's
 * `resolve` removes `sub/..` by its text: with `sub` a link to `/data/exports/2026`, `ddss validate sub/../parcels.csv`
 * read `./parcels.csv` (another file, or none) where `cat` reads `/data/exports/parcels.csv`, and an output went
 * where the user had not said. A path without a `..` segment is resolved as before.
 * @example cliPath('/work', 'parcels.csv') // '/work/parcels.csv'; cliPath('/work', 'sub/../p.csv') // '/work/sub/../p.csv'
 */
export function cliPath(cwd: string, given: string): string {
  if (!given.split(/[\\/]/).includes('..')) return resolve(cwd, given);
  return isAbsolute(given) ? given : `${cwd.endsWith(sep) ? cwd : cwd + sep}${given}`;
}
