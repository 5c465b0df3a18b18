import * as iconv from 'iconv-lite';
import { decodeBlobLines, decodeLine, isUtf16 } from '../../src/text/decode';

describe('decodeLine', () => {
  test('ASCII, UTF-8, and GB18030 fallback; trailing CR dropped', () => {
    expect(decodeLine(Buffer.from('abc\r'))).toEqual({ text: 'abc', encoding: 'ascii' });
    expect(decodeLine(Buffer.from('密码=1'))).toEqual({ text: '密码=1', encoding: 'utf-8' });
    expect(decodeLine(iconv.encode('数据库密码=abc', 'gbk'))).toEqual({ text: '数据库密码=abc', encoding: 'gb18030' });
  });
});

describe('decodeBlobLines', () => {
  test('UTF-8 with BOM, CRLF', () => {
    expect(decodeBlobLines(Buffer.from('\ufeffa\r\nb\n'))).toEqual(['a', 'b']);
  });
  test('UTF-16 LE and BE with BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('x=1\r\n密码\n', 'utf16le')]);
    expect(isUtf16(le)).toBe(true);
    expect(decodeBlobLines(le)).toEqual(['x=1', '密码']);
    const be = Buffer.from(le.subarray(2));
    be.swap16();
    expect(decodeBlobLines(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual(['x=1', '密码']);
  });
  test('no trailing newline keeps the last line', () => {
    expect(decodeBlobLines(Buffer.from('a\nb'))).toEqual(['a', 'b']);
    expect(decodeBlobLines(Buffer.alloc(0))).toEqual([]);
  });
});
