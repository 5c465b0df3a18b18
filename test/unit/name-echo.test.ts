/**
 * Values that only spell the name they are assigned to (`password2`, `myc00lP4ssw0rD`,
 * `p%40ss%3Aword`), and a password that repeats its user (`libgit3:libgit3@`): found in real
 * third-party code (SDK docs, URL-parser tests), never a credential. Chosen passwords stay found.
 */
import { echoesName, isReferenceOrLabel, repeatsUser } from '../../src/detect/filters';
import { KeyGen } from '../helpers/keygen';

const gen = new KeyGen(7);

describe('a value that echoes the name', () => {
  test.each([
    'password2',
    'password350',
    'db2pwd',
    'dbpass',
    'mypass',
    'secret42',
    'password-for-30001',
    'my-secret-value',
    'TheWrongPassword!',
    'myc00lP4ssw0rD',
    's0/\\/\\P4$$w0rD',
    's00pers3cret',
    'vaultS3cr3T',
    'p%40ss%3Aword',
    'p@ssword1',
    'p%40ss',
    'secret1234',
    'pass2',
    'topS3cr3tP4$$w0rd',
    'CachingSha2PasswordAuth',
    'foo%40bar',
    '%2F%40',
  ])('%s spells the name', (v) => {
    expect(echoesName(v)).toBe(true);
    expect(isReferenceOrLabel(v)).toBe(true);
  });

  test.each([
    'Password123!',
    'Password345',
    'Admin_Password_1',
    'Secret_2024',
    'my_pass_x9',
    'Very$ecur3',
    'r3s1st@anc3',
    'xK9$password',
    'Welcome@2021',
    'G7f$2kL9@vQx3Zp5*',
  ])('%s is a chosen password', (v) => {
    expect(echoesName(v)).toBe(false);
    expect(isReferenceOrLabel(v)).toBe(false);
  });

  test('generated passwords (random and human-chosen) never echo the name', () => {
    for (let i = 0; i < 3000; i++) {
      expect(echoesName(gen.password())).toBe(false);
      expect(echoesName(gen.humanPassword())).toBe(false);
    }
  });

  test('a password holding the word among random letters and digits stays a password', () => {
    // (Digits between letters around a plain `Password` are not leet: who writes leet spells the name so.)
    for (let i = 0; i < 5000; i++) {
      const v = `${gen.alnum(3)}Password${gen.alnum(4)}`;
      if (/[0-9]/.test(v)) expect(echoesName(v)).toBe(false);
    }
  });

  test('stock weak and placeholder passwords', () => {
    for (const v of ['abc123', 'ABC123', 'psw', 'foo', 'bar', 'wrong']) expect(isReferenceOrLabel(v)).toBe(true);
  });

  test('a GraphQL type is no password', () => {
    for (const v of ['String!', '[ID]!', 'PasswordInput!', '[String!]!']) expect(isReferenceOrLabel(v)).toBe(true);
    for (const v of ['Welcome!', 'Summer2024!']) expect(isReferenceOrLabel(v)).toBe(false);
  });
});

describe('a password that repeats its user', () => {
  test.each([
    ['https://libgit3:libgit3@bitbucket.org/x.git', 'libgit3'],
    ['DRIVER={DB2 ODBC Driver};DATABASE=SAMPLE;UID=db2admin;PWD=db2admin;HOSTNAME=localhost', 'db2admin'],
    ['Server=sql01;User Id=sa2;Password=sa2;', 'sa2'],
    ['mysql://root:root@127.0.0.1/db', 'root'],
    // In Markdown's inline code (a doc comment of this project's own filters.ts).
    [' * `UID=db2admin;PWD=db2admin`. A test account', 'db2admin'],
  ])('%s', (line, secret) => expect(repeatsUser(line, secret)).toBe(true));

  test('a different user, or the name glued to a longer one, is no repeat', () => {
    for (let i = 0; i < 200; i++) {
      const pw = gen.password();
      expect(repeatsUser(`postgres://app:${pw}@db.internal:5432/orders`, pw)).toBe(false);
      expect(repeatsUser(`UID=app;PWD=${pw};HOST=db`, pw)).toBe(false);
    }
    expect(repeatsUser('https://xadmin:admin@host.internal/', 'admin')).toBe(false);
  });

  /** The check as first written: the pair searched for along the line, the user fields read, per call. */
  function reference(line: string, secret: string): boolean {
    const pair = `${secret}:${secret}@`;
    for (let at = line.indexOf(pair); at >= 0; at = line.indexOf(pair, at + 1)) {
      if (at === 0 || !/[A-Za-z0-9_.%+-]/.test(line[at - 1])) return true;
    }
    for (const m of line.matchAll(/(?:^|[\s;?&"'{`])(?:uid|user|username|user id)=([^\s;&,'"`]{1,64})/gi)) if (m[1] === secret) return true;
    return false;
  }

  test('random lines of names, pairs and user fields: the same answer as searching the line per call', () => {
    const g = new KeyGen(21);
    const pick = <T>(a: readonly T[]): T => a[g.int(a.length)];
    const NAME = 'abcXYZ019_.%+-:@é';
    for (let i = 0; i < 400; i++) {
      const names = Array.from({ length: 1 + g.int(5) }, () => g.from(NAME, g.int(3) === 0 ? 60 + g.int(10) : 1 + g.int(6)));
      const pieces = [
        () => pick(names),
        () => {
          const n = pick(names);
          return `${n}:${n}@`;
        },
        () => `${pick(['', ' ', ';', 'x', '/', '"'])}${pick(['UID', 'user', 'User Id'])}=${pick(names)}`,
        () => g.from(':@/; x', 1 + g.int(3)),
      ];
      const line = Array.from({ length: 1 + g.int(12) }, () => pick(pieces)()).join('');
      for (const secret of [...names, '', ...names.map((n) => n.slice(1))])
        expect([line, secret, repeatsUser(line, secret)]).toEqual([line, secret, reference(line, secret)]);
    }
  });
});
