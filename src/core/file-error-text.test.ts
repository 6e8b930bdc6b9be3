import { describe, expect, it } from 'vitest';
import { fileErrorText } from './file-error-text.js';

const systemError = (code: string, message = `${code}: something, open '/x.csv'`) =>
  Object.assign(new Error(message), { code, syscall: 'open', path: '/x.csv' });

describe('fileErrorText', () => {
  it.each([
    ['ENOENT', 'file not found'],
    ['ENOTDIR', 'file not found (a part of its path is a file, not a directory)'],
    ['EISDIR', 'it is a directory'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
  ])('%s is "%s", without Node\'s message or the path', (code, words) => {
    expect(fileErrorText(systemError(code))).toBe(words);
    expect(fileErrorText(systemError(code), { code: true })).toBe(`${words} (${code})`);
  });

  it.each([
    ['ENOENT', 'không tìm thấy tệp'],
    ['ENOTDIR', 'không tìm thấy tệp (một phần của đường dẫn là tệp, không phải thư mục)'],
    ['EISDIR', 'đây là một thư mục'],
    ['EACCES', 'không có quyền truy cập'],
    ['EPERM', 'không có quyền truy cập'],
    ['ELOOP', 'quá nhiều tầng liên kết tượng trưng'],
    ['ENAMETOOLONG', 'tên tệp quá dài'],
  ])('%s in Vietnamese is "%s"', (code, words) => {
    expect(fileErrorText(systemError(code), { locale: 'vi' })).toBe(words);
    expect(fileErrorText(systemError(code), { locale: 'vi', code: true })).toBe(`${words} (${code})`);
  });

  it('an error without words of its own keeps its message in Vietnamese too', () => {
    expect(fileErrorText(systemError('EIO', 'EIO: i/o error, read'), { locale: 'vi' })).toBe('EIO: i/o error, read');
  });

  it('any other error is its own message, without a leading "ddss: "', () => {
    expect(fileErrorText(systemError('EIO', 'EIO: i/o error, read'))).toBe('EIO: i/o error, read');
    expect(fileErrorText(systemError('EIO', 'EIO: i/o error, read'), { code: true })).toBe('EIO: i/o error, read');
    expect(fileErrorText(new Error('ddss: the file changed while it was read'))).toBe('the file changed while it was read');
    expect(fileErrorText('plain text')).toBe('plain text');
    expect(fileErrorText(undefined)).toBe('undefined');
    // A code no file error has, inherited from the prototype, is not taken for one.
    expect(fileErrorText(Object.assign(new Error('x'), { code: 'toString' }))).toBe('x');
  });
});
