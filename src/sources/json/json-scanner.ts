import { afterDocument, JsonSyntaxError, NOT_CLOSED } from './json-syntax-error.js';
import type { JsonScanner, ScannerOptions } from './_scanner-api.js';
import { Lexer, SKIP_LINE, STRUCT } from './_lexer.js';
import type { Grammar } from './_grammar.js';
import { BitStack, KeyNames, MAX_BATCH, RecordSink, kindOf, showChar, type RecordKind } from './_record-sink.js';
import { ArrayWatch } from './_array-watch.js';
import { RecordsWalk } from './_records-walk.js';
import { showRecordsPath } from './records-path.js';
import { CellNotes } from './_cell-notes.js';

export type { JsonScanner, ScannerOptions } from './_scanner-api.js';

// Where the grammar is, between tokens.
const TOP = 0, DOC_FIRST = 1, DOC_NEXT = 2, DOC_AFTER = 3, DOC_END = 4, LINE_START = 5, LINE_END = 6, VALUE = 7;
const ARR_FIRST = 8, OBJ_FIRST = 9, OBJ_KEY = 10, COLON = 11, AFTER = 12;
/** In a wrapper object on the way to the records (`records`): the walk reads the punctuation. */
const WRAPPER = 13;

/**
 * Creates the reader. It is iterative (an explicit stack, one bit per level), so no nesting overflows the call
 * stack, and it builds only records it will return — at most `maxDepth` deep and `maxRecordBytes` long — so memory
 * is bounded by one record. Records have a null prototype, so `__proto__` is an ordinary key.
 * @example
 * const s = createJsonScanner({ format: 'ndjson', maxRecordBytes: 1 << 20, maxDepth: 64 });
 * s.push({ text: '{"a":1}\n', bad: [], bytes: 8 }); s.run(); s.end(); s.take().rows; // [{ a: 1 }]
 */
export function createJsonScanner(options: ScannerOptions): JsonScanner {
  const ndjson = options.format === 'ndjson';
  const { maxRecordBytes, maxDepth } = options;
  const sink = new RecordSink(options.starts === true);
  const types = new BitStack();
  const names = new KeyNames();
  const vals: unknown[] = [];
  const keys: string[] = [];
  let failure: JsonSyntaxError | undefined;
  let records = 0;
  let state = ndjson ? LINE_START : TOP;
  let single = false;
  // The current record.
  let depth = 0;
  let inValue = false;
  let kind: RecordKind = 'object';
  let recStart = 0;
  let recEnd = 0;
  let recLine = 0;
  let tooDeep = false;
  let lineErr: { detail: string; offset: number } | undefined;
  let topKey: string | undefined;
  let topCount = 0;
  let pendingValue: unknown;
  // Arrays of objects under a top-level key (the records of a wrapper read as one record) or a skipped wrapper value.
  const watch = new ArrayWatch();
  // A wrapper's value that is not on the way to the records: read without being built.
  let skipping = false;

  const notes = new CellNotes(sink);
  // In a top-level key (a column's name) or outside an object, a value is under no field.
  const inName = (inKey: boolean): boolean => depth === 0 || (depth === 1 && inKey);
  const grammar: Grammar = {
    structural, newline, string, key, scalar: complete, fail, pieceEnd,
    leadingZero: (text, offset) => notes.leadingZero(lex.build, depth === 0 ? undefined : topKey, text, offset),
    control: (codepoint, end, length, inKey) => notes.control(lex.build, inName(inKey), topKey, codepoint, lex.off(end) - length),
    invalidBytes: (offset, inKey) => notes.invalidBytes(lex.build, inName(inKey) ? undefined : topKey, offset),
  };
  const lex = new Lexer(grammar);
  const walk = ndjson || options.records === undefined || options.records.length === 0 ? undefined
    : new RecordsWalk(options.records, watch, {
      fail,
      refuse,
      key(i) {
        lex.keys = true; // a wrapper's keys are kept (bounded) though nothing is built: the path is matched against them
        return lex.startString(i, true);
      },
      skip(i, c) {
        skipping = true;
        depth = 0;
        lex.build = false;
        return startValue(i, c);
      },
      records: (i) => to(DOC_FIRST, i),
      end: (i) => to(DOC_END, i),
    });

  /** A syntax error at `i`: NDJSON skips the line, JSON stops. Returns `i`, where reading resumes (or stopped). */
  function fail(detail: string, i: number, atEnd = false): number {
    // The end of a document not closed says itself; what else ends the input early is found "the end of the input".
    const what = atEnd && detail === NOT_CLOSED ? detail : `${detail}, found ${atEnd ? 'the end of the input' : showChar(lex.text, i)}`;
    const offset = lex.off(i);
    if (ndjson) {
      lineErr ??= { detail: what, offset };
      stopBuilding();
      lex.mode = SKIP_LINE;
    } else {
      const hint = state === DOC_END ? afterDocument(single, lex.text.charCodeAt(i)) : '';
      const message = `ddss: invalid JSON at byte ${offset} (line ${lex.line}): ${what}${hint}`;
      failure ??= new JsonSyntaxError(message, offset, lex.line);
      lex.halt();
    }
    return i;
  }

  /** The records are not where `records` says (`RecordsWalk`): reading stops, as at a syntax error. */
  function refuse(why: string, i: number): number {
    failure ??= new JsonSyntaxError(`ddss: ${why}`, lex.off(i), lex.line);
    lex.halt();
    return i;
  }

  function to(next: number, i: number): number {
    state = next;
    return i + 1;
  }

  function stopBuilding(): void {
    lex.drop();
    vals.length = 0;
  }

  function beginRecord(i: number, c: number): number {
    inValue = true;
    recStart = lex.off(i);
    recLine = lex.line;
    depth = topCount = 0;
    kind = kindOf(c);
    lex.build = kind !== 'array'; // a non-object record is rejected; scalars are kept only to show them
    tooDeep = false;
    notes.reset();
    lineErr = topKey = undefined;
    return startValue(i, c);
  }

  /** One physical record is complete: a row, or the one issue that rejects it (the first that applies). */
  function emit(value: unknown, size: number): void {
    records++;
    sink.start = recStart;
    // A document that is one object holding an array of objects: the records seem to be there (`--json-records`).
    const found = single ? watch.best : undefined;
    const hint = found === undefined ? {} : { records: showRecordsPath([found.key]), objects: found.objects };
    const suggestion = found === undefined ? undefined : hint.records;
    if (size > maxRecordBytes) sink.reject('record_too_large', 'sufficient', recLine, { maxBytes: maxRecordBytes, ...hint }, undefined, suggestion);
    else if (lineErr !== undefined) sink.reject('invalid_json', 'correct', recLine, { ...lineErr });
    else if (kind !== 'object') {
      sink.reject('non_object_element', 'correct', recLine, { type: kind },
        kind === 'array' ? undefined : typeof value === 'string' ? value : String(value));
    } else if (tooDeep) sink.reject('too_deep', 'correct', recLine, { maxDepth, ...hint }, undefined, suggestion);
    else {
      if (single) sink.note('non_array_document', 'correct', { type: 'object', ...hint }, undefined, 'warning', undefined, suggestion);
      sink.row(value as Record<string, unknown>, recLine);
    }
    pendingValue = undefined;
    if (sink.size >= MAX_BATCH || sink.cut) lex.pause = true;
  }

  function finishLine(i: number, atEnd: boolean): void {
    if (state === LINE_END) emit(pendingValue, recEnd - recStart);
    else if (lex.mode === SKIP_LINE) emit(undefined, lex.off(i) - recStart);
    else if (inValue) {
      lineErr ??= { detail: `unexpected end of ${atEnd ? 'input' : 'line'} inside a value`, offset: lex.off(i) };
      emit(undefined, lex.off(i) - recStart);
    }
    inValue = false;
    state = LINE_START;
    lex.mode = STRUCT;
    lex.build = true;
  }

  function newline(i: number): void {
    if (ndjson && (inValue || state === LINE_END || lex.mode === SKIP_LINE)) finishLine(i, false);
  }

  function pieceEnd(n: number): void {
    if (inValue && lex.mode !== SKIP_LINE && lex.off(n) - recStart > maxRecordBytes) {
      stopBuilding(); // the record will be rejected as too large: stop holding it
      if (ndjson) lex.mode = SKIP_LINE;
    }
  }

  /** A value ended just before `end`: attach it to its container, or finish the record. */
  function complete(value: unknown, end: number): void {
    if (depth > 0) {
      const parent = vals[depth - 1];
      if (!lex.build) { /* a rejected record: nothing is kept */ } else if (types.isObject(depth - 1)) {
        const k = keys[depth - 1] as string;
        const obj = parent as Record<string, unknown>;
        if (Object.hasOwn(obj, k)) sink.note('duplicate_key', 'clean', { key: k }, topKey ?? k);
        // The last value wins, as in JSON.parse; `__proto__` is defined as an own property, never a prototype.
        if (k !== '__proto__') obj[k] = value;
        else Object.defineProperty(obj, k, { value, writable: true, enumerable: true, configurable: true });
      } else {
        (parent as unknown[]).push(value);
      }
      state = AFTER;
    } else if (skipping) {
      skipping = false;
      wrapperAgain();
    } else if (ndjson) {
      inValue = false;
      pendingValue = value;
      recEnd = lex.off(end);
      state = LINE_END;
    } else {
      inValue = false;
      emit(value, lex.off(end) - recStart);
      state = single ? DOC_END : DOC_AFTER;
    }
  }

  function string(s: string, end: number, isKey: boolean): void {
    if (!isKey) return complete(s, end);
    if (state === WRAPPER) return (walk as RecordsWalk).meet(lex.kept ? s : undefined);
    if (lex.build) {
      const k = depth === 1 ? names.name(s, topCount++) : names.name(s);
      keys[depth - 1] = k;
      if (depth === 1) topKey = k;
    } else if (depth === 1 && single) topKey = lex.kept ? s : undefined; // a record too large still names its keys
    state = COLON;
  }

  function key(text: string, start: number, end: number): string {
    return (depth === 1 ? names.top(text, start, end, topCount) : undefined) ?? text.slice(start, end);
  }

  function open(isObject: boolean, i: number): number {
    if (depth + 1 > maxDepth && kind === 'object' && !tooDeep && !skipping) {
      tooDeep = true;
      stopBuilding();
      if (ndjson) {
        lex.mode = SKIP_LINE;
        return i + 1;
      }
    }
    // An array under a top-level key of a lone object, or a skipped wrapper value: the records may be its elements.
    if (!isObject && ((single && depth === 1) || (skipping && depth === 0))) watch.open(skipping ? walk?.key : topKey, depth + 1);
    types.set(depth, isObject);
    depth++;
    if (lex.build) vals[depth - 1] = isObject ? {} : [];
    return to(isObject ? OBJ_FIRST : ARR_FIRST, i);
  }

  function close(i: number): number {
    depth--;
    if (depth === watch.at - 1) watch.close();
    const value = lex.build ? vals[depth] : undefined;
    vals[depth] = undefined;
    // The record loses its prototype only once complete: built as a plain object it keeps V8's fast properties
    // (Object.create(null) makes a slow dictionary), and no code sees it before. Nested objects stay plain, as
    // JSON.parse makes them.
    if (depth === 0 && value !== undefined && kind === 'object') Object.setPrototypeOf(value, null);
    complete(value, i + 1);
    return i + 1;
  }

  function startValue(i: number, c: number): number {
    if (depth === watch.at) watch.element(c);
    if (c === 123 || c === 91) return open(c === 123, i);
    if (c === 34) return lex.startString(i, false);
    const next = lex.startScalar(i, c);
    return next < 0 ? fail('expected a value', i) : next;
  }

  /** The array of records closes at `i`: the document ends, or the wrapper holding it goes on. */
  function arrayEnd(i: number): number {
    if (walk === undefined) return to(DOC_END, i);
    wrapperAgain();
    return i + 1;
  }

  /** Back in the wrapper object, after the array of records or a value skipped. */
  function wrapperAgain(): void {
    state = WRAPPER;
    lex.build = false;
    (walk as RecordsWalk).after();
  }

  function structural(c: number, i: number): number {
    switch (state) {
      case TOP:
        if (walk !== undefined) {
          state = WRAPPER;
          lex.build = false;
          return walk.char(c, i);
        }
        if (c === 91) return to(DOC_FIRST, i);
        single = true;
        return beginRecord(i, c);
      case DOC_FIRST:
      case DOC_NEXT:
      case LINE_START:
        return c === 93 && state === DOC_FIRST ? arrayEnd(i) : beginRecord(i, c);
      case DOC_AFTER:
        if (c === 44 || c === 93) return c === 44 ? to(DOC_NEXT, i) : arrayEnd(i);
        return fail("expected ',' or ']' after an array element", i);
      case WRAPPER:
        return (walk as RecordsWalk).char(c, i);
      case DOC_END:
        return fail('unexpected data after the end of the JSON document', i);
      case LINE_END:
        return fail("unexpected data after the record's value", i);
      case VALUE:
        return startValue(i, c);
      case ARR_FIRST:
        return c === 93 ? close(i) : startValue(i, c);
      case COLON:
        return c === 58 ? to(VALUE, i) : fail("expected ':' after a property name", i);
      case OBJ_FIRST:
      case OBJ_KEY:
        if (c === 125 && state === OBJ_FIRST) return close(i);
        if (c !== 34) return fail(state === OBJ_FIRST ? "expected a property name or '}'" : 'expected a property name', i);
        lex.keys = single && depth === 1; // the keys of a lone object name where its records may be, built or not
        return lex.startString(i, true);
      default: {
        const isObject = types.isObject(depth - 1);
        if (c === 44) return to(isObject ? OBJ_KEY : VALUE, i);
        if (c === (isObject ? 125 : 93)) return close(i);
        return fail(`expected ',' or '${isObject ? '}' : ']'}' after ${isObject ? 'a property value' : 'an array element'}`, i);
      }
    }
  }

  return {
    push: (chunk) => lex.push(chunk),
    run: () => lex.run(),
    end() {
      if (failure !== undefined) return;
      lex.finish();
      if (ndjson) finishLine(0, true);
      else if (failure === undefined && state !== TOP && state !== DOC_END) fail(NOT_CLOSED, 0, true);
    },
    pending: () => sink.size,
    take() {
      lex.pause = false;
      return sink.take(lex.newlines + (lex.charBase + lex.pos - 1 > lex.lastNl ? 1 : 0));
    },
    ready: () => sink.cut,
    records: () => records,
    error: () => failure,
  };
}

