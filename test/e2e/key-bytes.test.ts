/**
 * Raw keys (a WireGuard `PrivateKey`, a JWK's `"d"`) are judged by their BYTES, never by how
 * their base64 looks: the base64 of about one key in 300,000 holds a run of five or six equal
 * characters, or has a Shannon entropy under 4.2 bits, and such a key passed without a word
 * (measured: 10 in 3,000,000 random 32-byte keys for each of the two old text checks).
 *
 * That is too rare to wait for, so each key here starts as one the real tool made (`wg genkey`,
 * node:crypto) and is given the property the way a real key has it: a run of zero bytes (every
 * 32-byte string is as likely as any other from the generator). The tool itself then proves it
 * is a key: `wg pubkey` derives its public key; node:crypto imports the seed and exports the JWK.
 */
import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { json, makeRepo } from '../helpers/repo';

/** A `wg genkey` key with bytes 3–6 zero: its base64 holds `AAAAA` (five equal characters). */
function wireguardKeyWithRun(): { priv: string; pub: string } {
  const bytes = Buffer.from(execFileSync('wg', ['genkey'], { encoding: 'utf8' }).trim(), 'base64');
  bytes.fill(0, 3, 7);
  const priv = bytes.toString('base64');
  expect(priv).toMatch(/(.)\1{4}/);
  const pub = execFileSync('wg', ['pubkey'], { input: priv + '\n', encoding: 'utf8' }).trim();
  return { priv, pub };
}

/** An Ed25519 JWK (node:crypto) whose seed has bytes 3–8 zero: `"d"` holds a run of eight `A`s, and a low entropy. */
function jwkWithRun(): { priv: string; pub: string } {
  const seed = execFileSync('openssl', ['rand', '32']);
  seed.fill(0, 3, 9);
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const jwk = key.export({ format: 'jwk' }) as Record<string, string>;
  expect(jwk.d).toMatch(/(.)\1{5}/);
  const { d, ...pub } = jwk;
  expect(d.length).toBe(43);
  return { priv: JSON.stringify(jwk), pub: JSON.stringify(pub) };
}

test('a WireGuard key and a JWK whose base64 has a run of equal characters are found; their public keys are not', () => {
  const wg = wireguardKeyWithRun();
  const jwk = jwkWithRun();
  const repo = makeRepo();
  repo.write('wg0.conf', `[Interface]\nAddress = 10.8.0.1/24\nPrivateKey = ${wg.priv}\n\n[Peer]\nAllowedIPs = 10.8.0.2/32\n`);
  repo.write('peer.conf', `[Peer]\nPublicKey = ${wg.pub}\nAllowedIPs = 0.0.0.0/0\n`);
  repo.write('jwk.json', jwk.priv + '\n');
  repo.write('jwks.json', JSON.stringify({ keys: [JSON.parse(jwk.priv)] }, null, 2) + '\n');
  repo.write('jwk.pub.json', jwk.pub + '\n');
  repo.git(['add', '.']);
  const r = repo.cli(['check', '--format', 'json']);
  const found = json(r).findings as Array<{ file: string; line: number; ruleId: string }>;
  expect(found.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort()).toEqual([
    'private-key jwk.json:1',
    'private-key jwks.json:5',
    'private-key wg0.conf:3',
  ]);
  expect(r.status).toBe(1);
});
