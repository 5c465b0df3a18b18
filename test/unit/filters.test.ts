import {
  charClasses,
  hasSequentialRun,
  isPlaceholder,
  isReferenceOrLabel,
  looksLikeIdentifier,
  looksLikeWordPath,
  passesShape,
  shannonEntropy,
} from '../../src/detect/filters';
import { base62, crc32, hasBase62Crc32Tail } from '../../src/detect/checksum';
import { KeyGen } from '../helpers/keygen';

const gen = new KeyGen(42);

describe('entropy and character classes', () => {
  test('shannon entropy of uniform and repeated strings', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBeCloseTo(2);
    expect(shannonEntropy(gen.alnum(30))).toBeGreaterThan(4);
  });
  test('character classes count upper, lower and digits only', () => {
    expect(charClasses('abc')).toBe(1);
    expect(charClasses('aB3')).toBe(3);
    expect(charClasses('_-!')).toBe(0);
  });
});

describe('placeholders', () => {
  test.each([
    'xxxxxxxxxxxxxxxx',
    'LTAI****************'.slice(4),
    'your-access-key-secret',
    'EXAMPLEKEY',
    'YourPassword123',
    'abcdefghij',
    '9876543210',
    'aaaaaaaaZ1',
    '请填入AccessKey',
    '替换为您的密钥',
    '<replace-me>',
    'changeme',
  ])('%s is a placeholder', (s) => expect(isPlaceholder(s)).toBe(true));
  test('a random key is not', () => {
    for (let i = 0; i < 200; i++) expect(isPlaceholder(gen.alnum(30))).toBe(false);
  });
  test('sequential runs up and down', () => {
    expect(hasSequentialRun('xx123456yy', 6)).toBe(true);
    expect(hasSequentialRun('fedcba', 6)).toBe(true);
    expect(hasSequentialRun('12345', 6)).toBe(false);
  });
});

describe('references and labels (free-text secrets)', () => {
  test.each([
    '${DB_PASSWORD}',
    '{{ .Values.db.password }}',
    '${{ secrets.DB }}',
    '%s',
    '%(password)s',
    '<password>',
    '#{db.pass}',
    'ENC(AbCd1234)',
    '{COQLCE6DU6GtcS5P=}',
    'config.db.pass',
    'config.dbPass,',
    'getPassword()',
    'os.environ["X"]',
    'Password',
    'Passwort',
    'newPwd',
    '密码不能为空',
    'Enter your password',
    '********',
    '$2b$10$abcdefghijklmnopqrstuv',
    '{SSHA}abcd1234',
    '{password}',
    'postgres',
    // Non-ASCII text written as JS/JSON escapes (a bundler's output, JSON.stringify with ASCII only).
    '\\u5BC6\\u7801\\u4E0D\\u80FD\\u4E3A\\u7A7A',
    '\\u2026',
    '…',
    // Names and test vectors found in published packages (enum members, protocol names, types).
    'MYSQL_NATIVE_SHA2_PASSWORD',
    'caching_sha2_password',
    'PluginDefinition<{',
    'derivePbkdf2,',
    'urn:oasis:names:tc:SAML:2.0:ac:classes:Password',
    'pass\\u0000word',
    'latin1',
  ])('%s is not a literal password', (v) => expect(isReferenceOrLabel(v)).toBe(true));
  test('a chosen password is', () => {
    for (let i = 0; i < 200; i++) expect(isReferenceOrLabel(gen.password())).toBe(false);
  });
  test('a chosen password with a name-like part stays a password', () => {
    for (const v of ['Admin_Password_1', 'Secret_2024', 'Password123!', 'my_pass_x9', 'derivePbkdf2'])
      expect(isReferenceOrLabel(v)).toBe(false);
  });
  test('an escape inside a chosen password does not make it a label', () => {
    expect(isReferenceOrLabel('Pa\\x41ss9#word')).toBe(false);
    expect(isReferenceOrLabel('\\u0041bc9#Xyz7')).toBe(false);
  });
});

describe('identifiers', () => {
  test.each([
    'GetCallerIdentityResponse',
    'ListUsersRequest',
    'camelCaseName',
    'AssumeRoleV2',
    'DescribeRegions123',
    'DatabaseV2ReplicaConfigurationProperties',
    'AttachReplicaToClusterGroupRequestDetail',
    'refreshTokenOrCallbackUriValue',
  ])('%s looks like an identifier', (s) => expect(looksLikeIdentifier(s)).toBe(true));
  test('random strings do not', () => {
    // Ten thousand random keys of each length an identifier check guards: none may be taken for a name.
    for (const n of [20, 25, 30, 40, 44])
      for (let i = 0; i < 10000; i++) {
        const k = gen.alnum(n);
        if (looksLikeIdentifier(k)) expect(k).toBe('not an identifier');
      }
  });
  test('a path of words is a name; random base64 keys are not', () => {
    expect(looksLikeWordPath('org/API/current/UserGuide/TokenRotations')).toBe(true);
    for (let i = 0; i < 20000; i++) {
      const k = gen.b64(40);
      if (looksLikeWordPath(k)) expect(k).toBe('not a path of words');
    }
  });
});

describe('passesShape', () => {
  test('applies every floor of the shape', () => {
    const key = gen.alnum(30);
    expect(passesShape(key, { minClasses: 3, minEntropy: 3.6, rejectHex: true })).toBe(true);
    expect(passesShape(gen.hex(30), { rejectHex: true })).toBe(false);
    expect(passesShape('abcabcabcabcabc', { minEntropy: 3 })).toBe(false);
    expect(passesShape('abcdefXYZ', { minClasses: 2 })).toBe(false);
    expect(passesShape('LTAI' + key.slice(0, 20), { stripPrefix: 'LTAI', minClasses: 2 })).toBe(true);
    expect(passesShape('${PASSWORD}', { freeText: true })).toBe(false);
    expect(passesShape('${PASSWORD}', {})).toBe(true);
  });

  test('a name paired with the value on the next line is judged by the value alone', () => {
    const pw = gen.password();
    const shape = { minClasses: 2, minEntropy: 2, freeText: true };
    expect(passesShape(`REDIS_PASSWORD\n${pw}`, shape)).toBe(true);
    expect(passesShape('REDIS_PASSWORD\n${REDIS_PASSWORD}', shape)).toBe(false);
    expect(passesShape(`${pw}\nchangeme`, shape)).toBe(false);
  });
});

describe('CRC32 checksum tails', () => {
  test('crc32 matches the reference value', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
  });
  test('base62 pads to width', () => {
    expect(base62(0, 6)).toBe('000000');
    expect(base62(61, 2)).toBe('0z');
    expect(base62(62, 1)).toBe('10');
  });
  test('a generated token validates; one changed character does not', () => {
    for (let i = 0; i < 50; i++) {
      const t = gen.crcToken(i % 2 ? 'ghp_' : 'npm_');
      expect(hasBase62Crc32Tail(t)).toBe(true);
      const broken = t.slice(0, 10) + (t[10] === 'A' ? 'B' : 'A') + t.slice(11);
      expect(hasBase62Crc32Tail(broken)).toBe(false);
    }
    expect(hasBase62Crc32Tail('ghp_short')).toBe(false);
  });
});
