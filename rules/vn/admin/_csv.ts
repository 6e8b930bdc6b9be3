/**
 * A small RFC 4180 reader for reference lists (a few thousand rows, read once): quoted fields with doubled quotes,
 * any line ending, a UTF-8 BOM, and the delimiter (`,`, `;` or tab) taken from the header line.
 */
export function parseCsv(text: string): { header: string[]; rows: { cells: string[]; line: number }[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r|\n|$/));
  const delimiter = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
  const records: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ cells, line: start });
      cells = [];
      cell = '';
      start = ++line;
    } else cell += ch;
  }
  if (quoted) throw new Error(`ddss: unclosed quote in the record starting on line ${start}`);
  if (cell !== '' || cells.length > 0) records.push({ cells: [...cells, cell], line: start });
  const nonBlank = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [head, ...rows] = nonBlank;
  return { header: head?.cells ?? [], rows };
}
