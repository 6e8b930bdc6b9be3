import { MAX_KEPT_KEY } from './_grammar.js';
import { personalValue } from '../../profile/personal-value.js';

/** An array of objects that is the value of `key`: where the records seem to be. */
export interface RecordsFound {
  readonly key: string;
  readonly objects: number;
}

/**
 * Watches the arrays that are values of one object's keys (the top-level object of a document read as one record, or
 * a wrapper object whose values are skipped) and keeps the one holding the most objects, among those whose first
 * element is an object: where the records seem to be. It counts elements as the scanner passes them, holding none.
 * @example
 * watch.open('data', 2); watch.element(0x7b); watch.close(); watch.best; // { key: 'data', objects: 1 }
 */
export class ArrayWatch {
  /** The depth of the watched array's elements (the scanner's `depth` when one starts); -1 when none is watched. */
  at = -1;
  best: RecordsFound | undefined;
  private key = '';
  private objects = 0;
  private first = true;

  /**
   * An array opens as the value of `key` (undefined: a key too long to keep). A key longer than the lexer keeps when
   * not building is not watched even when it was built, so how the text was cut does not change the hint. Nor is a
   * key that looks like personal data (`079123456789`: a map keyed by ID numbers): findings and messages name the
   * key, which is no column to mask, and such a map is no export wrapping its records.
   */
  open(key: string | undefined, at: number): void {
    if (key === undefined || key.length > MAX_KEPT_KEY || personalValue(key)) return;
    this.key = key;
    this.at = at;
    this.objects = 0;
    this.first = true;
  }

  /** An element of the watched array starts with character `c`. */
  element(c: number): void {
    if (this.first) {
      this.first = false;
      if (c !== 123) this.at = -1; // an array of scalars, or of arrays: not records
    }
    if (c === 123) this.objects++;
  }

  /** The watched array closed. */
  close(): void {
    if (this.objects > (this.best?.objects ?? 0)) this.best = { key: this.key, objects: this.objects };
    this.at = -1;
  }

  reset(): void {
    this.at = -1;
    this.best = undefined;
  }
}
