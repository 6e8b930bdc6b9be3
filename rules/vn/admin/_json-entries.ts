import { createJsonScanner } from '../../../src/sources/json/json-scanner.js';
import type { JsonRowBatch } from '../../../src/sources/json/_record-sink.js';
import { withVi } from '../../../src/core/rule-base.js';

/**
 * The line each entry starts on, in order (so messages about an entry name the file's line, as a CSV list's do), and
 * throws, naming the line, when a JSON commune list says what `JSON.parse` would read silently or refuse in its own
 * words: an entry holding a key twice (the last value is kept, so a list giving one commune the codes 00004 and 00005
 * imported 00005), a number with a leading zero (`"code": 00004`, which `JSON.parse` rejects as "Unexpected number"),
 * `"entries"` twice in a table, or a syntax error (`invalid JSON at byte N (line L)`). Read with the streaming reader
 * of JSON sources, which tells them; `wrapped`: the list is a table whose entries are under `"entries"`.
 * @example checkJsonEntries('[{"code":"1"},\n{"code":"2"}]', false) // [1, 2]; checkJsonEntries('[{"code":"1","code":"2"}]', false) // throws 'ddss: line 1 of the file: an entry holds the key "code" twice, …'
 */
export function checkJsonEntries(body: string, wrapped: boolean): number[] {
  const s = createJsonScanner({ format: 'json', maxRecordBytes: Infinity, maxDepth: 64, ...(wrapped ? { records: ['entries'] } : {}) });
  const lines: number[] = [];
  const check = (b: JsonRowBatch): void => {
    for (let i = 0; i < b.rows.length; i++) lines.push(b.lines?.[i] ?? 0);
    for (const i of b.issues ?? []) {
      const where = `ddss: line ${i.line ?? '?'} of the file`;
      const whereVi = `ddss: dòng ${i.line ?? '?'} của tệp`;
      if (i.code === 'duplicate_key') {
        throw withVi(new Error(`${where}: an entry holds the key "${String(i.params?.key)}" twice, so which value is meant is not known`),
          `${whereVi}: một mục có khóa "${String(i.params?.key)}" hai lần, nên không biết giá trị nào được dùng`);
      }
      if (i.code === 'leading_zero_number') {
        throw withVi(new Error(`${where}: "${i.field ?? ''}" is the number ${i.value ?? ''}, whose leading zero is not JSON: write it as the text "${i.value ?? ''}"`),
          `${whereVi}: "${i.field ?? ''}" là số ${i.value ?? ''}, có số 0 đứng đầu, điều JSON không cho phép: hãy viết nó thành văn bản "${i.value ?? ''}"`);
      }
    }
  };
  s.push({ text: body, bad: [], bytes: 0 });
  while (!s.run()) check(s.take());
  const stop = s.error();
  if (stop === undefined) s.end();
  while (s.ready()) check(s.take());
  check(s.take());
  const error = s.error();
  if (error !== undefined) throw error;
  return lines;
}
