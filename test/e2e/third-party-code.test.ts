/**
 * Classes of false positives found in real third-party code (803 npm packages as one commit),
 * each made again here, beside real credentials in the same commit that must stay found:
 * Go's `RSA TESTING KEY` blocks (in every Go binary that links net/http's testcert), usage
 * examples in SDK doc comments, values that spell the name (`password2`, `myc00lP4ssw0rD`),
 * URL-parser test vectors, a password that repeats its user.
 */
import { execFileSync } from 'node:child_process';
import { json, makeRepo } from '../helpers/repo';
import { KeyGen } from '../helpers/keygen';

const gen = new KeyGen(20261203);
const openssl = (args: string[], input?: Buffer): Buffer => execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'ignore'] });

test('stand-ins of real third-party code pass; the real credentials beside them are found', () => {
  const repo = makeRepo();
  const pem = openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024', '-outform', 'PEM']).toString();
  const body = pem.split('\n').filter((l) => l && !l.startsWith('-----'));
  // A Go binary's text: net/http's test key under its TESTING label, between other strings.
  const testing = ['</table>', '-----BEGIN RSA TESTING KEY-----', ...body, '-----END RSA TESTING KEY-----'].join('\n');
  repo.write('bin/tool.txt', `{{end}}\n${testing}\n`);
  repo.write(
    'sdk/instance.d.ts',
    [
      '/**',
      ' * ```typescript',
      ' * const example = new alicloud.ecs.Instance("example", {',
      ` *     password: "${gen.humanPassword()}",`,
      ' * });',
      ' * ```',
      ' */',
      'export declare class Instance {}',
      '',
    ].join('\n'),
  );
  repo.write(
    'test/urls.test.js',
    [
      "const redis = { port: 30001, password: 'password-for-30001' };",
      "const opts = { password: 'password2' };",
      "const myPlaintextPassword = 'myc00lP4ssw0rD';",
      '// https://user%3An%40me:p%40ss%3Aword@x.com/ becomes',
      "const clone = 'https://libgit3:libgit3@bitbucket.org/libgit2/testgitrepository.git';",
      "const bad = 'https://user:pass%2fis%40bad@hostname.com:1234/';",
      "url.parse('https://anonymous:flabada@developer.mozilla.org/en-US/docs/Web/API/URL/password');",
      '',
    ].join('\n'),
  );
  // The real ones: a key file, a chosen password in config, a connection string.
  repo.write('deploy/key.pem', pem);
  const pw = gen.password();
  const dbPw = gen.humanPassword();
  repo.write('config/app.properties', `db.password=${pw}\nredis.url=redis://cache:${dbPw}@10.0.3.7:6379/0\n`);
  repo.git(['add', '.']);
  const r = repo.cli(['check', '--format', 'json']);
  const found = (json(r).findings as Array<{ file: string; line: number; ruleId: string }>)
    .map((f) => `${f.file}:${f.line} ${f.ruleId}`)
    .sort();
  expect(found).toEqual([
    'config/app.properties:1 password-assignment',
    'config/app.properties:2 connection-string-password',
    'deploy/key.pem:1 private-key',
  ]);
  expect(r.status).toBe(1);
});
