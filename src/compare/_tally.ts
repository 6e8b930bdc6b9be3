import { piiProtector } from '../core/mask.js';
import { personalColumnName } from '../profile/personal-column.js';
import { isThenable } from '../core/_validator-helpers.js';
import type { DatasetDefinition, PiiMode } from '../core/types.js';
import { cellText, type Canon } from './_canon.js';
import { strayCell } from './_stray-cell.js';
import type { KeyOutcome } from './_table.js';
import type { Difference, DifferenceStatus } from './types.js';

/** What the tally needs to know about the comparison. */
export interface TallySetup {
  readonly key: readonly string[];
  readonly compared: readonly string[];
  /** Canonical forms: the key columns, then the compared columns. */
  readonly canons: readonly Canon[];
  readonly dataset: DatasetDefinition | undefined;
  readonly pii: readonly string[];
  readonly showValues: boolean;
  readonly piiKey: string | undefined;
  readonly maxSamples: number;
  readonly onChange: ((d: Difference) => unknown) | undefined;
}

/** Counts, per-column counts and samples of a comparison, fed one key outcome at a time. */
export interface Tally {
  /** Classifies one key; returns a Promise when `onChange` returned any for its differences (settled together). */
  add(outcome: KeyOutcome): Promise<unknown> | undefined;
  /**
   * Gives `onChange` a blank key (its parts as read) and how many records of each side have it: such records are
   * paired with nothing, counted in the report's `keyless` (not in its samples). Waits for `onChange`'s Promise.
   */
  keyless(parts: readonly unknown[], sourceCount: number, copyCount: number): Promise<unknown> | undefined;
  readonly counts: { matched: number; changed: number; missing: number; extra: number; duplicateKeys: number };
  readonly duplicates: { source: number; copy: number };
  readonly columns: Record<string, { changed: number }>;
  readonly samples: Difference[];
}

/**
 * Classifies each key: duplicated on a side (never paired), missing, extra, matched, or changed (then compares its
 * cells one by one to name the columns). Every difference goes to `onChange`, and the first `maxSamples` of each status
 * to the samples; values of personal columns are masked (or hashed) unless `showValues`, and so are cells of other
 * compared columns that are a person's data by their form (`strayCell`).
 */
export function tally(s: TallySetup): Tally {
  const nk = s.key.length;
  const protect = piiProtector(s.piiKey);
  const modes: (PiiMode | false)[] = [...s.key, ...s.compared].map((c) => {
    if (s.showValues) return false;
    // The dataset says which of its fields are personal; a column it does not declare (or any, without a dataset) is
    // personal when named by `pii` or when its name says so (`owner_name`, `dob`, `Số CCCD`), as profile judges.
    const spec = s.dataset?.fields[c];
    if (spec !== undefined && spec.privacy !== false) return spec.privacy;
    return s.pii.includes(c) || (spec === undefined && personalColumnName(c)) ? 'mask' : false;
  });
  // A person's value in a compared column that is not personal (a note quoting a CCCD, a name shifted by a dropped
  // cell) is masked too: in any column no dataset declares, and, as validate does, in a declared field when the
  // dataset has personal fields (one that has none declares open data). Keys stay as read: they find the record.
  const open = s.dataset !== undefined && !Object.values(s.dataset.fields).some((f) => f.privacy !== false);
  const stray = [...s.key, ...s.compared].map((c, i) => {
    const spec = s.dataset?.fields[c];
    return i >= nk && !s.showValues && (spec === undefined || !open) ? { type: spec?.type } : undefined;
  });
  const show = (i: number, raw: unknown): string => {
    const text = cellText(raw);
    const mode = modes[i] ?? false;
    if (text === '') return text;
    if (mode !== false) return protect(text, mode);
    const judged = stray[i];
    return judged !== undefined && strayCell(text, judged.type) ? protect(text, 'mask') : text;
  };
  // A composite key's parts joined with `|`; a `|` or `\` inside a part is escaped (`\|`, `\\`), since ["a|b", "c"]
  // and ["a", "b|c"] are two keys (never paired) that were both shown "a|b|c". A one-column key is shown as written.
  const keyOf = (record: readonly unknown[]): string => {
    if (nk === 1) return show(0, record[0]);
    const parts: string[] = [];
    for (let i = 0; i < nk; i++) parts.push(show(i, record[i]).replace(/[\\|]/g, '\\$&'));
    return parts.join('|');
  };
  const kept: Record<DifferenceStatus, number> = { changed: 0, missing: 0, extra: 0, duplicate: 0, keyless: 0 };
  const columns: Record<string, { changed: number }> = {};
  for (const c of s.compared) columns[c] = { changed: 0 };
  let waits: PromiseLike<unknown>[] | undefined;
  const t: Tally = {
    counts: { matched: 0, changed: 0, missing: 0, extra: 0, duplicateKeys: 0 },
    duplicates: { source: 0, copy: 0 },
    columns,
    samples: [],
    add(o) {
      if (o.sourceCount > 1 || o.copyCount > 1) {
        t.counts.duplicateKeys++;
        t.duplicates.source += o.sourceCount;
        t.duplicates.copy += o.copyCount;
        emit({ key: keyOf(_parse(o.sourceRecord())), status: 'duplicate', sourceCount: o.sourceCount, copyCount: o.copyCount });
      } else if (o.copyCount === 0) {
        t.counts.missing++;
        emit({ key: keyOf(_parse(o.sourceRecord())), status: 'missing' });
      } else if (o.sourceCount === 0) {
        t.counts.extra++;
        emit({ key: keyOf(_parse(o.copyRecord())), status: 'extra' });
      } else if (o.equal) {
        t.counts.matched++;
      } else {
        _changed(o);
      }
      if (waits === undefined) return undefined;
      const all = Promise.all(waits);
      waits = undefined;
      return all;
    },
    keyless(parts, sourceCount, copyCount) {
      const wait = s.onChange?.({ key: keyOf(parts), status: 'keyless', sourceCount, copyCount });
      return isThenable(wait) ? Promise.resolve(wait) : undefined;
    },
  };
  function _changed(o: KeyOutcome): void {
    const src = _parse(o.sourceRecord());
    const cpy = _parse(o.copyRecord());
    const key = keyOf(src);
    const differing: number[] = [];
    for (let j = 0; j < s.compared.length; j++) {
      const canon = s.canons[nk + j] as Canon;
      if (canon(src[nk + j]) !== canon(cpy[nk + j])) differing.push(j);
    }
    // Hashes differed but no cell does (a 2^-64 hash collision): the records are equal.
    if (differing.length === 0) {
      t.counts.matched++;
      return;
    }
    t.counts.changed++;
    for (const j of differing) {
      const column = s.compared[j] as string;
      (columns[column] as { changed: number }).changed++;
      emit({ key, status: 'changed', column, source: show(nk + j, src[nk + j]), copy: show(nk + j, cpy[nk + j]) });
    }
  }
  function emit(d: Difference): void {
    const wait = s.onChange?.(d);
    if (isThenable(wait)) (waits ??= []).push(wait);
    if (kept[d.status] < s.maxSamples) {
      kept[d.status]++;
      t.samples.push(d);
    }
  }
  return t;
}

function _parse(record: string | undefined): readonly unknown[] {
  return record === undefined ? [] : JSON.parse(record) as unknown[];
}
