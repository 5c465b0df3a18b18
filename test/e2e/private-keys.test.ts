/**
 * Private keys from the real tools through real `git commit` (issue 10): a subset of the
 * real-tools corpus (one case per tool and format family) is blocked, its public counterparts
 * pass, and a key block's fingerprint is stable and its own (allow one key, the next still blocks).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GENERATED } from '../helpers/keygen';
import { secretParts } from '../helpers/key-material';
import { makeRepo, tmpDir, type Repo } from '../helpers/repo';
import { realToolCases } from '../corpus/realtools';
import type { Placed } from '../corpus/realtools/placements';

let cases: Placed[];
beforeAll(() => {
  cases = realToolCases(tmpDir('akh-keys-'));
  // The no-leak check then fails any test whose ak-hook output holds a key's random part.
  for (const c of cases) if (c.key.private) for (const p of secretParts(c.key.text)) GENERATED.add(p);
}, 120_000);

function setup(): Repo {
  const repo = makeRepo({ hook: true });
  repo.write('README.md', '# x\n');
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '-m', 'init']);
  return repo;
}

const PICK: Array<[string, string]> = [
  ['ssh-keygen ed25519 openssh', 'raw file'],
  ['ssh-keygen rsa openssh', 'YAML block scalar'],
  ['ssh-keygen ecdsa PEM encrypted', 'Terraform heredoc'],
  ['openssl PKCS#8 RSA', 'JSON \\n string'],
  ['openssl encrypted PKCS#8', 'Java string concatenation'],
  ['openssl SEC1 EC', 'Kubernetes Secret data'],
  ['openssl Ed25519', 'kubeconfig client-key-data'],
  ['puttygen ed25519 PPK v3 encrypted', 'raw file'],
  ['puttygen rsa PPK v2', 'raw file'],
  ['gpg secret key', 'JS string concatenation'],
  ['puttygen ssh.com (SSH2) private', 'raw file'],
  ['headerless PKCS#8 DER (Alipay)', 'application.properties'],
  ['node:crypto JWK EC private', 'JWK set pretty-printed'],
  ['.NET RSAKeyValue private', 'XML file'],
  ['openssl rsa -text -noout', 'Markdown code block'],
  ['openssl pkey -text -noout (Ed25519)', 'shell script, commented out'],
  ['openssl ec -text -noout', 'YAML block scalar'],
  ['age-keygen identity', '.env value'],
  ['minisign secret key (passphrase)', 'raw file'],
  ['signify secret key (-n)', '.env value'],
  ['openvpn --genkey secret (static key)', '.ovpn inline'],
  ['openvpn tls-crypt-v2 client key', 'Kubernetes Secret data'],
  ['nebula-cert ca Ed25519 key', 'JSON \\n string'],
  ['nebula-cert keygen X25519 key', 'raw file'],
  ['dropbearkey ed25519', 'binary file'],
  ['ktutil keytab (aes256)', 'binary file'],
];
const PUBLIC: Array<[string, string]> = [
  ['ssh-keygen ed25519 .pub', 'authorized_keys'],
  ['ssh-keygen rsa .pub', 'known_hosts'],
  ['openssl req -x509 certificate', 'raw file'],
  ['openssl RSA public key', 'YAML block scalar'],
  ['gpg public key', 'raw file'],
  ['headerless public key DER (Alipay public)', 'application.properties'],
  ['node:crypto JWK RSA public', 'JWK one line'],
  ['puttygen SSH2 public', 'raw file'],
  ['openssl rsa -pubin -text -noout', 'raw file'],
  ['openssl pkey -pubout -text -noout (EC)', 'Markdown code block'],
  ['age-keygen -y recipient', 'raw file'],
  ['minisign public key', 'raw file'],
  ['signify public key', 'YAML block scalar'],
  ['nebula-cert keygen X25519 public key', 'raw file'],
  ['nebula-cert ca certificate', 'Terraform heredoc'],
  ['dropbearkey rsa public blob', 'binary file'],
];
const find = (kind: string, placement: string) => {
  const c = cases.find((x) => x.key.kind === kind && x.placement === placement);
  if (!c) throw new Error(`no case ${kind} / ${placement}`);
  return c;
};

test('each private key blocks its commit, reported at its line; the public counterparts commit', () => {
  const repo = setup();
  for (const [kind, placement] of PICK) {
    const c = find(kind, placement);
    repo.write(c.path, c.content);
    repo.git(['add', c.path]);
    const r = repo.gitRaw(['commit', '-q', '-m', 'key']);
    expect({ kind, placement, status: r.status }).toEqual({ kind, placement, status: 1 });
    expect(r.stderr).toContain(`${c.path}:${c.line}:`);
    expect(r.stderr.match(/\[private-key\]/g)).toHaveLength(1);
    repo.git(['rm', '-q', '--cached', c.path]);
  }
  for (const [kind, placement] of PUBLIC) {
    const c = find(kind, placement);
    repo.write(c.path, c.content);
    repo.git(['add', c.path]);
    const r = repo.gitRaw(['commit', '-q', '-m', 'public']);
    expect({ kind, placement, status: r.status, out: r.stderr }).toEqual({ kind, placement, status: 0, out: '' });
  }
});

test('an allowed key stays allowed when moved, and allows no other key of the same type', () => {
  const repo = setup();
  const dir = tmpDir('akh-ssh-');
  const keygen = (name: string) => {
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'ci', '-f', path.join(dir, name)]);
    const text = readFileSync(path.join(dir, name), 'utf8');
    for (const p of secretParts(text)) GENERATED.add(p);
    return text;
  };
  const first = keygen('a');
  const second = keygen('b');
  // Two keys of one type share their whole first base64 line (the OpenSSH preamble).
  expect(first.split('\n')[1]).toBe(second.split('\n')[1]);
  repo.write('deploy/id_ed25519', first);
  repo.git(['add', '.']);
  const blocked = repo.gitRaw(['commit', '-q', '-m', 'key']);
  expect(blocked.status).toBe(1);
  const fp = /(?:npx --no ak-hook|node \S+) allow (akfp1:[0-9a-f]{32}) --reason /.exec(blocked.stderr)![1];
  repo.write('.akhookrc.json', JSON.stringify({ allow: [{ fingerprint: fp, reason: 'test fixture key' }] }));
  repo.git(['add', '.']);
  expect(repo.gitRaw(['commit', '-q', '-m', 'key']).status).toBe(0);
  repo.git(['rm', '-q', 'deploy/id_ed25519']);
  repo.write('fixtures/id_ed25519', `# fixture\n${first}`);
  repo.git(['add', '-A']);
  expect(repo.gitRaw(['commit', '-q', '-m', 'move']).status).toBe(0);
  repo.write('deploy/other', second);
  repo.git(['add', '.']);
  const again = repo.gitRaw(['commit', '-q', '-m', 'other']);
  expect(again.status).toBe(1);
  expect(again.stderr).toContain('deploy/other:1:1');
  expect(again.stderr).not.toContain(fp);
});
