import { kindOf, startsValue, type RecordKind } from './_record-sink.js';
import type { ArrayWatch } from './_array-watch.js';
import { showRecordsPath } from './records-path.js';
import { shellWord } from '../../core/shell-word.js';
import { maskValue } from '../../core/mask.js';
import { personalValue } from '../../profile/personal-value.js';

/** Keys a message about a wrapper object lists; the rest are counted. */
const LISTED = 12;

/** What the walk asks of the scanner. Each returns where reading goes on in the current piece of text. */
export interface WalkHost {
  /** A syntax error at `i`. */
  fail(detail: string, i: number): number;
  /** The records are not where the path says: reading stops at `i`, saying `why`. */
  refuse(why: string, i: number): number;
  /** A key starts at `i`: read it, keeping its text though nothing is built, and give it to `meet`. */
  key(i: number): number;
  /** A value off the path starts at `i` with `c`: read it without building it, then call `after`. */
  skip(i: number, c: number): number;
  /** The array of records opens at `i`: read its elements as records, then call `after`. */
  records(i: number): number;
  /** The document's object closes at `i`. */
  end(i: number): number;
}

// Where the walk is in the current object: before the document, before its first key, another key, a colon, a value.
const TOP = 0, FIRST = 1, KEY = 2, COLON = 3, VALUE = 4, AFTER = 5;

/**
 * Follows a records path (`recordsPath`) through a JSON document's wrapper objects, one key at a time: it reads their
 * punctuation, hands the scanner the values to skip and the array of records, and words why the records are not where
 * the path says — the key is not there (naming the keys that are, and an array of objects among them), it holds no
 * array, it appears twice, the document is an array already.
 * @example
 * const walk = new RecordsWalk(['data'], new ArrayWatch(), host); walk.char(0x7b, 0); // the document's object
 */
export class RecordsWalk {
  /** Objects entered along the path (1: the document's own); one more than the path's keys: the object at its end. */
  private level = 0;
  private at = TOP;
  /** The current key of the current object, as read (undefined: too long to keep). */
  key: string | undefined;
  private matched = false;
  private found = false;
  private keys: string[] = [];
  private more = 0;

  constructor(readonly path: readonly string[], private readonly watch: ArrayWatch, private readonly host: WalkHost) {}

  /** A character outside any token, while the scanner is in a wrapper object (or before the document). */
  char(c: number, i: number): number {
    const h = this.host;
    switch (this.at) {
      case TOP:
        if (!startsValue(c)) return h.fail('expected a value', i);
        if (c === 123) return this.enter(i);
        return h.refuse(c === 91 ? 'the document is an array: its elements are the records; read it without a records path (--json-records)'
          : `the document is ${a(kindOf(c))}, not an object holding ${JSON.stringify(this.path[0])}`, i);
      case FIRST:
      case KEY:
        if (c === 125 && this.at === FIRST) return this.close(i);
        return c === 34 ? h.key(i) : h.fail(this.at === FIRST ? "expected a property name or '}'" : 'expected a property name', i);
      case COLON:
        if (c !== 58) return h.fail("expected ':' after a property name", i);
        this.at = VALUE;
        return i + 1;
      case VALUE:
        return this.value(c, i);
      default:
        if (c === 125) return this.close(i);
        if (c !== 44) return h.fail("expected ',' or '}' after a property value", i);
        this.at = KEY;
        return i + 1;
    }
  }

  /** A key of the current object was read. */
  meet(key: string | undefined): void {
    this.key = key;
    this.at = COLON;
    this.matched = key !== undefined && key === this.path[this.level - 1];
    if (key !== undefined && this.keys.length < LISTED) this.keys.push(key);
    else this.more++;
  }

  /** The value skipped, or the array of records, has ended. */
  after(): void {
    this.at = AFTER;
  }

  private value(c: number, i: number): number {
    if (!startsValue(c)) return this.host.fail('expected a value', i);
    if (!this.matched) return this.host.skip(i, c);
    if (this.found) {
      return this.host.refuse(`the key ${JSON.stringify(this.key)} appears twice in ${this.where(this.level - 1)}: which of its ` +
        'values holds the records is not clear', i);
    }
    this.found = true;
    if (c === 123) return this.enter(i); // on the way, or the end of the path: its keys are said when it closes
    const what = `${JSON.stringify(showRecordsPath(this.path.slice(0, this.level)))} is ${a(kindOf(c))}`;
    if (this.level < this.path.length) return this.host.refuse(`${what}, not an object holding ${JSON.stringify(this.path[this.level])}`, i);
    return c === 91 ? this.host.records(i) : this.host.refuse(`${what}, not an array of records`, i);
  }

  private enter(i: number): number {
    this.level++;
    this.at = FIRST;
    this.found = this.matched = false;
    this.keys = [];
    this.more = 0;
    this.watch.reset();
    return i + 1;
  }

  private close(i: number): number {
    if (this.level > this.path.length) {
      return this.host.refuse(`${JSON.stringify(showRecordsPath(this.path))} is an object, not an array of records; ${this.listed()}`, i);
    }
    if (!this.found) return this.host.refuse(`${JSON.stringify(this.path[this.level - 1])} is not in ${this.where(this.level - 1)}; ${this.listed()}`, i);
    this.level--;
    // The object above was entered by its key on the path: that key was found.
    this.found = true;
    this.matched = false;
    this.at = AFTER;
    return this.level === 0 ? this.host.end(i) : i + 1;
  }

  /** The object reached by the path's first `n` keys, for a message. */
  private where(n: number): string {
    return n === 0 ? 'the document' : JSON.stringify(showRecordsPath(this.path.slice(0, n)));
  }

  /** The current object's keys, and the array of objects among its values, for a message. */
  private listed(): string {
    const names = this.keys.map(keyName).join(', ');
    const more = this.more === 0 ? '' : `${names === '' ? '' : ' and'} ${this.more} more`;
    const best = this.watch.best;
    const seen = best === undefined ? ''
      : `; ${JSON.stringify(best.key)} holds an array of ${best.objects.toLocaleString('en-US')} object${best.objects === 1 ? '' : 's'}: ` +
        `pass --json-records ${shellWord(showRecordsPath([...this.path.slice(0, this.level - 1), best.key]))}`;
    return `${names === '' && more === '' ? 'it has no keys' : `its keys are ${names}${more}`}${seen}`;
  }
}

/**
 * A key in a list: as it is when it is a plain name, else quoted; a long one shortened; one that looks like personal
 * data masked (an object keyed by ID numbers: the message is shown whatever --show-values says).
 */
function keyName(key: string): string {
  const short = personalValue(key) ? maskValue(key) : key.length > 60 ? `${key.slice(0, 59)}…` : key;
  return /^[\p{L}\p{N}_$@-]+$/u.test(short) ? short : JSON.stringify(short);
}

function a(kind: RecordKind): string {
  return kind === 'null' ? 'null' : kind === 'object' || kind === 'array' ? `an ${kind}` : `a ${kind}`;
}
