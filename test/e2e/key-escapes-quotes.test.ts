/**
 * Keys made by openssl and ssh-keygen at test time, held the ways that passed without a word
 * every time before: a PEM block in PHP `json_encode` output (every `/` written `\/`) or in .NET
 * System.Text.Json output (`+` written `\u002B`); PEM lines quoted in an e-mail or Markdown
 * (`> `, `> > `) or behind other comment marks (`%`, `!`, `REM`); an encrypted PKCS#8 key of a
 * small key type (EC P-256, Ed25519, X25519) as one line or lines of headerless base64, whose
 * encryption OID sits at another offset than an RSA key's; an Ed448 key's PKCS#8 over two lines.
 * Their public keys must not be reported.
 */
import { execFileSync } from 'node:child_process';
import { json, makeRepo } from '../helpers/repo';

const openssl = (args: string[], input?: Buffer | string): Buffer =>
  execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'ignore'] });
const PASS = 'pass:escapes-' + process.pid;

test('PEM blocks with JSON-escaped slashes and pluses, quoted or commented lines, and small encrypted PKCS#8 keys are found once each', () => {
  const repo = makeRepo();
  const expected: string[] = [];
  const ec = openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']).toString();
  const ed = openssl(['genpkey', '-algorithm', 'ED25519']).toString();
  const x = openssl(['genpkey', '-algorithm', 'X25519']).toString();
  const rsa = openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024']).toString();
  const blocks: Record<string, string> = {
    ec,
    ed,
    sec1: openssl(['ec'], ec).toString(),
    rsa: openssl(['rsa', '-traditional'], rsa).toString(),
  };
  for (const [name, pem] of Object.entries(blocks)) {
    const php = JSON.stringify({ private_key: pem }).replace(/\//g, '\\/');
    repo.write(`php-${name}.json`, `${php}\n`);
    expected.push(`php-${name}.json:1`);
    const net = JSON.stringify({ Key: pem }).replace(/\+/g, '\\u002B');
    repo.write(`net-${name}.json`, `${net}\n`);
    expected.push(`net-${name}.json:1`);
    const lines = pem.trim().split('\n');
    for (const [mark, prefix] of [
      ['gt', '> '],
      ['gtgt', '> > '],
      ['pct', '% '],
      ['bang', '! '],
      ['rem', 'REM '],
    ]) {
      repo.write(`quote-${mark}-${name}.txt`, `Hi,\n${prefix}the key:\n${lines.map((l) => prefix + l).join('\n')}\n`);
      expected.push(`quote-${mark}-${name}.txt:3`);
    }
  }
  const enc = (pem: string, args: string[]) => openssl(['pkcs8', '-topk8', ...args, '-passout', PASS, '-outform', 'DER'], pem);
  const small: Record<string, Buffer> = {
    'ec-aes': enc(ec, ['-v2', 'aes-256-cbc']),
    'ed-aes': enc(ed, ['-v2', 'aes-256-cbc']),
    'x-scrypt': enc(x, ['-scrypt']),
    'ed-3des': enc(ed, ['-v1', 'PBE-SHA1-3DES']),
    'ec-3des': enc(ec, ['-v1', 'PBE-SHA1-3DES']),
    'rsa-3des': enc(rsa, ['-v1', 'PBE-SHA1-3DES']),
  };
  for (const [name, der] of Object.entries(small)) {
    repo.write(`enc-${name}.properties`, `app.id=1\napp.private-key=${der.toString('base64')}\n`);
    expected.push(`enc-${name}.properties:2`);
    repo.write(`enc-${name}.b64`, openssl(['base64'], der));
    expected.push(`enc-${name}.b64:1`);
  }
  // One-line values in PHP json_encode output (each with a `/` to escape: an EC key's 164
  // characters lack one about once in 13, so another key is made then).
  const withSlash = (make: () => string): string => {
    for (let i = 0; i < 40; i++) {
      const v = make();
      if (v.includes('/')) return v;
    }
    throw new Error('no key with a / in its base64');
  };
  const oneLine: Record<string, string> = {
    der: withSlash(() =>
      openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024', '-outform', 'DER']).toString('base64'),
    ),
    'der-ec': withSlash(() => openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-outform', 'DER']).toString('base64')),
    'der-ed': withSlash(() => openssl(['genpkey', '-algorithm', 'ED25519', '-outform', 'DER']).toString('base64')),
  };
  for (const [name, value] of Object.entries(oneLine)) {
    repo.write(`php-value-${name}.json`, `${JSON.stringify({ app_id: '1', private_key: value + '\n' }).replace(/\//g, '\\/')}\n`);
    expected.push(`php-value-${name}.json:1`);
  }
  const ed448 = openssl(['genpkey', '-algorithm', 'ED448']);
  repo.write('ed448.b64', openssl(['base64'], openssl(['pkey', '-outform', 'DER'], ed448)));
  expected.push('ed448.b64:1');
  // Public keys, escaped and quoted the same ways: nothing.
  const pub = openssl(['pkey', '-pubout'], ec).toString();
  repo.write('pub.json', `${JSON.stringify({ public_key: pub }).replace(/\//g, '\\/')}\n`);
  repo.write(
    'pub.txt',
    `${pub
      .trim()
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n')}\n`,
  );
  repo.write('pub.properties', `app.public-key=${openssl(['pkey', '-pubout', '-outform', 'DER'], ed448).toString('base64')}\n`);
  repo.git(['add', '.']);
  const r = repo.cli(['check', '--format', 'json']);
  const found = json(r).findings as Array<{ file: string; line: number; ruleId: string }>;
  expect(found.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort()).toEqual(expected.map((e) => `${e} private-key`).sort());
  expect(r.status).toBe(1);
});
