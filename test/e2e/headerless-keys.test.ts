/**
 * A private key as one line of base64 DER with no PEM armour, as payment SDKs and signing configs
 * hold it (`merchant.private-key=…`), made by openssl at test time: SEC1 EC keys of every common
 * curve (`MHc…`, `MHQ…`, `MIGk…`, `MIHc…`) and PKCS#8 Ed25519, X25519, Ed448 and X448 keys (48 to
 * 73 bytes: 64 to 100 characters). Each passed without a word before; their public keys must not
 * be reported.
 */
import { execFileSync } from 'node:child_process';
import { json, makeRepo } from '../helpers/repo';

const openssl = (args: string[], input?: Buffer): Buffer => execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'ignore'] });

test('one-line base64 DER keys of EC curves and Edwards/Montgomery curves are found; their public keys are not', () => {
  const repo = makeRepo();
  const expected: string[] = [];
  for (const curve of ['prime256v1', 'secp256k1', 'secp384r1', 'secp521r1']) {
    const der = openssl(['ecparam', '-genkey', '-name', curve, '-noout', '-outform', 'DER']);
    repo.write(`sec1-${curve}.properties`, `# payment gateway\nmerchant.private-key=${der.toString('base64')}\n`);
    expected.push(`sec1-${curve}.properties:2`);
  }
  for (const alg of ['ed25519', 'x25519', 'ed448', 'x448']) {
    const pem = openssl(['genpkey', '-algorithm', alg]);
    const der = openssl(['pkey', '-outform', 'DER'], pem);
    const pub = openssl(['pkey', '-pubout', '-outform', 'DER'], pem);
    repo.write(`${alg}.yaml`, `signing:\n  key: ${der.toString('base64')}\n  public: ${pub.toString('base64')}\n`);
    expected.push(`${alg}.yaml:2`);
  }
  repo.git(['add', '.']);
  const r = repo.cli(['check', '--format', 'json']);
  const found = json(r).findings as Array<{ file: string; line: number; ruleId: string }>;
  expect(found.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort()).toEqual(expected.map((e) => `${e} private-key`).sort());
  expect(r.status).toBe(1);
});
