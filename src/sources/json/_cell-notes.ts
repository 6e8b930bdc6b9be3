import type { RecordSink } from './_record-sink.js';

/**
 * The findings about a record's values that do not reject it: bytes that are not UTF-8, an escaped C0 control, a
 * number written with a leading zero. Kept apart from the grammar because they are the rare path, and they hold the
 * only state that is per record and per field: one `invalid_encoding` per record, one `control_character` per
 * top-level field, as a CSV record gets them. `field` is the top-level key the value is under (`undefined` in a
 * top-level key or outside an object); `inName`: the escape or byte is in a top-level key, a column's name.
 * @example const notes = new CellNotes(sink); notes.reset(); notes.control(true, false, 'name', 0, 42);
 */
export class CellNotes {
  private badBytes = false;
  // Top-level fields of the current record already noted for a control character.
  private readonly controlled: (string | undefined)[] = [];

  constructor(private readonly sink: RecordSink) {}

  /** A new record begins: nothing of it noted yet. */
  reset(): void {
    this.badBytes = false;
    this.controlled.length = 0;
  }

  /** Bytes that are not UTF-8 (`offset`): one `invalid_encoding` per record, under the field they are in. */
  invalidBytes(build: boolean, field: string | undefined, offset: number): void {
    if (!build || this.badBytes) return;
    this.badBytes = true;
    this.sink.note('invalid_encoding', 'clean', { offset, encoding: 'utf-8' }, field);
  }

  /**
   * `"name":"A\u0000"` is JSON, but a NUL or another C0 control in a value is no clean text, as a CSV cell holding it is
   * `control_character` (clean, error): one finding per top-level field of the record, its `field`, with the escape's
   * byte. A top-level key holding one is a column name, said where columns are.
   */
  control(build: boolean, inName: boolean, field: string | undefined, codepoint: number, offset: number): void {
    if (!build || inName || this.controlled.includes(field)) return;
    this.controlled.push(field);
    this.sink.note('control_character', 'clean', { codepoint: codepoint.toString(16).toUpperCase().padStart(4, '0'), offset }, field);
  }

  /**
   * `{"owner_id":079123456789}` is not JSON (RFC 8259: no leading zeros), but such files exist (IDs written unquoted by
   * a hand-made export), and the zero is what matters: the value is kept as its text, the record is read, and it gets
   * the finding `leading_zero_number` (correct, error), so the file never passes as JSON it is not. A top-level
   * scalar (an NDJSON line `007`) is rejected as `non_object_element` anyway, which drops this note.
   */
  leadingZero(build: boolean, field: string | undefined, text: string, offset: number): void {
    if (build) this.sink.note('leading_zero_number', 'correct', { offset }, field, 'error', text);
  }
}
