import { errorMessage } from './rule-base.js';

/**
 * Plain words for the reasons a file cannot be opened that a user fixes by hand: a wrong path, a directory given for
 * a file, missing permissions. Node's own words ("ENOENT: no such file or directory, open '/x.csv'") read as a crash
 * to someone who only asked to check a file, and repeat the path the message already names.
 */
const WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'file not found',
  // `parcels.csv/x.csv`, or `parcels.csv/`: a name on the way is a file, so there is no such file either.
  ENOTDIR: 'file not found (a part of its path is a file, not a directory)',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the file name is too long',
};

/** The same words in Vietnamese, for the CLI under `--locale vi`. */
const WORDS_VI: Readonly<Record<string, string>> = {
  ENOENT: 'không tìm thấy tệp',
  ENOTDIR: 'không tìm thấy tệp (một phần của đường dẫn là tệp, không phải thư mục)',
  EISDIR: 'đây là một thư mục',
  EACCES: 'không có quyền truy cập',
  EPERM: 'không có quyền truy cập',
  ELOOP: 'quá nhiều tầng liên kết tượng trưng',
  ENAMETOOLONG: 'tên tệp quá dài',
};

/**
 * Why a file could not be read, in words: the words above for their error codes, else the error's own message
 * (without a leading `ddss: `). With `code`, the words end with the code in parentheses (`file not found (ENOENT)`),
 * so a program reading a report's `source.error` can still tell the cause without parsing English. With `locale: 'vi'`
 * the words are Vietnamese, and an error without words of its own gives its Vietnamese message when it carries one
 * (`withVi`), else its message.
 * @example
 * fileErrorText(Object.assign(new Error("ENOENT: no such file or directory, open 'x.csv'"), { code: 'ENOENT' })); // 'file not found'
 * fileErrorText(e, { code: true }); // 'file not found (ENOENT)'
 */
export function fileErrorText(e: unknown, options: { readonly code?: boolean; readonly locale?: 'en' | 'vi' } = {}): string {
  const code = (e as Partial<NodeJS.ErrnoException> | null | undefined)?.code;
  const table = options.locale === 'vi' ? WORDS_VI : WORDS;
  const words = typeof code === 'string' && Object.hasOwn(table, code) ? table[code] : undefined;
  if (words !== undefined) return options.code === true ? `${words} (${code as string})` : words;
  return (e instanceof Error ? errorMessage(e, options.locale ?? 'en') : String(e)).replace(/^ddss: /, '');
}
