/**
 * The reason a read is partial when the file's size differs between the start and the end of the run (the wording
 * the single-threaded reader uses too).
 * @example fileChanged(9000, 4000) // 'the file changed while it was read (9000 bytes at the start, 4000 at the end)'
 */
export function fileChanged(before: number, after: number): string {
  return `the file changed while it was read (${before} bytes at the start, ${after} at the end)`;
}
