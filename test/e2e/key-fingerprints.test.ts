/**
 * A finding's fingerprint (what `allow` and `baseline` record) is made from its secret, so the
 * secret must be this key's and no other's. A DSA, DH or X9.42 key carries its group before its
 * private bytes: with only the first 7 lines of a PEM block read, every DSA key made from one
 * parameter file (`openssl genpkey -paramfile`, as a PKI or a test fixture makes many) and every
 * key of an RFC 5114 group had the same secret, and allowing one key silently let the others in.
 * The keys here are made by openssl from one parameter file each; allowing the first must not
 * allow the second.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { json, makeRepo, tmpDir } from '../helpers/repo';

const dir = tmpDir('akh-fp-');
const ossl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Two keys from one parameter file: DSA 2048 in PKCS#8 and traditional form, X9.42 DHX (RFC 5114 group 2). */
function keyPairsSharingAGroup(): Array<[string, string, string]> {
  ossl(['genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:2048', '-out', 'dsa-params.pem']);
  ossl(['genpkey', '-genparam', '-algorithm', 'DHX', '-pkeyopt', 'dh_rfc5114:2', '-out', 'dhx-params.pem']);
  const key = (params: string) => ossl(['genpkey', '-paramfile', path.join(dir, params)]);
  const dsa = [key('dsa-params.pem'), key('dsa-params.pem')];
  return [
    ['dsa-pkcs8', dsa[0], dsa[1]],
    ['dsa-traditional', traditional(dsa[0]), traditional(dsa[1])],
    ['dhx', key('dhx-params.pem'), key('dhx-params.pem')],
  ];
}

function traditional(pem: string): string {
  return execFileSync('openssl', ['pkey', '-traditional'], { input: pem, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

test('two keys of one DSA or X9.42 group have different fingerprints: allowing one does not allow the other', () => {
  const pairs = keyPairsSharingAGroup();
  const repo = makeRepo();
  for (const [name, first] of pairs) repo.write(`first/${name}.pem`, first);
  repo.git(['add', '.']);
  const r1 = repo.cli(['check', '--format', 'json']);
  const first = json(r1).findings as Array<{ file: string; fingerprint: string }>;
  expect(first.map((f) => f.file).sort()).toEqual(pairs.map(([name]) => `first/${name}.pem`).sort());
  expect(repo.cli(['allow', ...first.map((f) => f.fingerprint), '--reason', 'test keys']).status).toBe(0);
  expect(repo.cli(['check', '--format', 'json']).status).toBe(0);
  // The second key of each group, in a file of its own.
  for (const [name, , second] of pairs) repo.write(`second/${name}.pem`, second);
  repo.git(['add', '.']);
  const r2 = repo.cli(['check', '--format', 'json']);
  const found = json(r2).findings as Array<{ file: string; ruleId: string; fingerprint: string }>;
  expect(found.map((f) => `${f.ruleId} ${f.file}`).sort()).toEqual(pairs.map(([name]) => `private-key second/${name}.pem`).sort());
  expect(new Set([...first, ...found].map((f) => f.fingerprint)).size).toBe(2 * pairs.length);
  expect(r2.status).toBe(1);
});
