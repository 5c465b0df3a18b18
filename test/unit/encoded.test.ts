import { decodeBase64Text } from '../../src/detect/encoded';
import { isReferenceOrLabel } from '../../src/detect/filters';
import { KeyGen } from '../helpers/keygen';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('base64-encoded values', () => {
  test('decode to printable text, or null', () => {
    expect(decodeBase64Text(b64('app:secret-value'))).toBe('app:secret-value');
    expect(decodeBase64Text(b64('密码'))).toBe('密码');
    expect(decodeBase64Text('abc')).toBeNull(); // not a multiple of 4
    expect(decodeBase64Text(Buffer.from([0, 1, 2, 250, 251, 252]).toString('base64'))).toBeNull();
    const gen = new KeyGen(3);
    // A random base64 string almost never decodes to text.
    let text = 0;
    for (let i = 0; i < 200; i++) if (decodeBase64Text(gen.expand('{{alnum:40}}')) !== null) text++;
    expect(text).toBe(0);
  });
  test('an encoded stand-in is a stand-in; an encoded password is not', () => {
    for (const s of ['changeme', '${DB_PASSWORD}', 'password', '{{ .Values.pw }}'])
      expect({ s, label: isReferenceOrLabel(b64(s)) }).toEqual({ s, label: true });
    const gen = new KeyGen(4);
    for (let i = 0; i < 50; i++) expect(isReferenceOrLabel(b64(gen.password()))).toBe(false);
  });
});
