import { compile } from './compile.js';
import { LIVE, type LiveMark } from './rule-base.js';
import type { DatasetDefinition } from './types.js';

/**
 * What a definition's rules hold that their caller may change after building them, by rule id: a `Set` given to
 * `rule.reference` is read as it is, so a program may fill it before the run. Why it is checked: worker threads
 * import the definition's module again and find it as the module left it — an empty Set where the calling thread's
 * was filled — and their rows were judged against another list than the calling thread's (a run with two workers
 * passed what one thread failed). The calling thread sends its marks with the task; a worker whose own differ
 * refuses the range ({@link liveMismatch}).
 */
export type LiveMarks = ReadonlyArray<readonly [string, LiveMark]>;

/**
 * The marks of `def`'s rules that have one (`RuleMeta.live`), read now.
 * @example liveMarks(def) // [['commune.reference', { shown: '3 values', hash: 91823 }]]
 */
export function liveMarks(def: DatasetDefinition): LiveMarks {
  const marks: Array<readonly [string, LiveMark]> = [];
  for (const slot of compile(def).slots) {
    const live = (slot.rule as { readonly [LIVE]?: () => LiveMark } | undefined)?.[LIVE];
    if (live !== undefined) marks.push([slot.id, live()]);
  }
  return marks;
}

/**
 * Why a worker thread cannot validate for the calling thread: the first rule whose mark differs (`theirs`, the
 * calling thread's; `ours`, the worker's own); undefined when they agree.
 * @example liveMismatch('parcels', [['c.reference', { shown: '3 values', hash: 1 }]], [['c.reference', { shown: '0 values', hash: 0 }]])
 */
export function liveMismatch(name: string, theirs: LiveMarks, ours: LiveMarks): string | undefined {
  for (const [id, mark] of theirs) {
    const own = ours.find(([i]) => i === id)?.[1];
    if (own !== undefined && own.hash === mark.hash && own.shown === mark.shown) continue;
    return `ddss: dataset "${name}" is not the same in the worker threads, which import its module again: rule "${id}" ` +
      `holds ${mark.shown} in the calling thread but ${own?.shown ?? 'no such rule'} in a worker (a Set filled after the ` +
      'module was imported is seen by the calling thread only); fill it in the module itself, give the list as a reference ' +
      "(ref('name') and validate's references), or validate with workers: 1";
  }
  return undefined;
}
