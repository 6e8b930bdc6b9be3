import { renderMessage } from '../core/message.js';
import { binaryInputVi } from './binary-input.js';

/**
 * A reader's error for an input with nothing in it (`emptyInput`, `binaryInput`) in Vietnamese: an empty one as its
 * finding (`source.empty`) says it, a binary one with what to do (`binaryInputVi`); undefined for any other error,
 * whose words stay as written (they name files, bytes and lines). For the lines that quote a reader's error where no
 * finding is at hand: `profile`'s "no column could be read", a comparison's side. A run's report says it from the
 * finding itself.
 * @example readerWordsVi('the input is empty (0 bytes)') // 'đầu vào không có dữ liệu (0 byte); không có gì để đánh giá'
 */
export function readerWordsVi(error: string): string | undefined {
  const bytes = EMPTY.exec(error)?.[1];
  if (bytes !== undefined) return renderMessage('empty', { bytes: Number(bytes) }, 'vi');
  return binaryInputVi(error);
}

/** `emptyInput`'s errors: `the input is empty (0 bytes)`, `the input holds only … (UTF-8, 3 bytes)`. */
const EMPTY = /^the input (?:is empty|holds only [^()]*) \((?:[^(),]*, )?(\d+) bytes\)$/;
