import * as iconv from 'iconv-lite';
import { decodeBlobLines, decodeLine, gb18030Decoder, isUtf16 } from '../../src/text/decode';

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

describe('GB18030 through Node TextDecoder (iconv-lite no longer shipped)', () => {
  const isPua = (s: string) => /[\ue000-\uf8ff]/.test(s);
  test('ICU is present and agrees with iconv-lite on every valid GBK/GB18030 sequence but the GB18030-2022 remaps', () => {
    expect(process.versions.icu).toBeTruthy();
    const td = gb18030Decoder();
    const remapped: string[] = [];
    const same = (b: Buffer) => {
      const a = iconv.decode(b, 'gb18030');
      const t = td(b);
      if (a === t) return;
      // GB18030-2022 moved 18 characters out of the private-use area (e.g. vertical forms).
      if (isPua(a) && !isPua(t) && !a.includes('\ufffd')) remapped.push(b.toString('hex'));
      else throw new Error(`${b.toString('hex')}: ${escape(a)} vs ${escape(t)}`);
    };
    for (let l = 0x81; l <= 0xfe; l++) for (let t = 0x40; t <= 0xfe; t++) if (t !== 0x7f) same(Buffer.from([l, t]));
    for (let b2 = 0x30; b2 <= 0x39; b2++)
      for (let b3 = 0x81; b3 <= 0xfe; b3++) for (let b4 = 0x30; b4 <= 0x39; b4++) same(Buffer.from([0x81, b2, b3, b4]));
    expect(remapped.length).toBeLessThanOrEqual(18);
    expect(td(iconv.encode('数据库密码=abc', 'gbk'))).toBe('数据库密码=abc');
  });
  test('without ICU: iconv-lite when installed (here, a dev dependency)', () => {
    expect(gb18030Decoder(false)(iconv.encode('密码=x', 'gb18030'))).toBe('密码=x');
  });
});
