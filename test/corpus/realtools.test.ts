/**
 * The real-tools corpus (issue 10): keys written at run time by ssh-keygen, openssl, puttygen,
 * gpg and node:crypto, placed as projects hold them, scanned through the library with real git.
 * A missing tool fails the suite (it never skips): .ci/run installs them.
 */
import { realToolCases, realToolsFailures, formatRealTools, runRealTools, type RealToolsReport } from './realtools';
import { tmpDir } from '../helpers/repo';

describe('the real-tools corpus', () => {
  let report: RealToolsReport;
  beforeAll(async () => {
    report = await runRealTools({ cases: realToolCases(tmpDir('akh-keys-')) });
  }, 240_000);

  test('every private key is found once, at its line; no public key, certificate, authorized_keys or known_hosts line is', () => {
    const failed = realToolsFailures(report);
    if (failed.length > 0) throw new Error(failed.join('\n') + '\n\n' + formatRealTools(report));
    expect(report.keys).toBeGreaterThanOrEqual(50);
    expect(report.outcomes.filter((o) => !o.case.key.private).length).toBeGreaterThanOrEqual(40);
  });

  test('covers every tool and format of the issue', () => {
    const kinds = report.outcomes.map((o) => o.case.key.kind).join('\n');
    for (const k of [
      /ssh-keygen ed25519 openssh$/m,
      /ssh-keygen rsa PEM encrypted/,
      /openssl encrypted PKCS#8/,
      /openssl traditional encrypted PEM/,
      /openssl SEC1 EC/,
      /openssl Ed25519/,
      /PPK v2 encrypted/,
      /PPK v3$/m,
      /gpg secret key/,
      /ssh\.com \(SSH2\) private/,
      /JWK EC private/,
      /RSAKeyValue private/,
      /headerless PKCS#8 DER/,
      /openssl base64 of PKCS#8 DER \(lines\)/,
      /gpg-agent key file, extended \(rsa, protected\)/,
      /gpg-agent key file, extended \(elg\)/,
      /gpg-agent key file, canonical \(ecc\)/,
      /gpg-agent shadowed key/,
      /puttygen -t rsa1 encrypted \(SSH-1\)/,
      /openssl genpkey DH \(ffdhe2048\)/,
      /openssl genpkey DH DER file/,
      /openssl pkcs12 -nodes \(Bag Attributes\)/,
      /ssh-keygen ecdsa-521 -m PKCS8/,
      /puttygen ed448 PPK --ppk-param kdf=argon2i/,
      /gpg --export-secret-subkeys dsa\+elg \(binary\)/,
      /minisign secret key \(passphrase\)/,
      /signify secret key \(-n\)/,
      /openvpn --genkey secret/,
      /openvpn tls-crypt-v2 client key/,
      /nebula-cert ca Ed25519 key/,
      /dropbearkey rsa$/m,
      /ktutil keytab/,
      /puttygen dsa -O text/,
      /puttygen ed25519 -O text/,
      /gpg -v --list-packets \(secret key\)/,
      /openssl asn1parse -i of PKCS#8 rsa/,
      /openssl asn1parse of PKCS#1 RSA/,
      /openssl asn1parse of a DSA key/,
      /certtool --generate-privkey rsa \(text\)/,
      /certtool --generate-privkey ed25519 \(text\)/,
      /paperkey --secret-key/,
      /gpg --export-secret-keys rsa, base64 one line/,
      /gpg --export-secret-keys rsa \(passphrase\), base64 one line/,
      /gpg --export-secret-keys default, base64 one line/,
      /gpg --export-secret-keys rsa \| base64 \(lines, RSA\)/,
      /gpg --export-secret-keys rsa \(passphrase\) \| base64 \(lines, RSA\)/,
      /xxd -i k8\.der/,
      /xxd -p ssh_ed25519_openssh_plain/,
      /xxd -p -c 256 ec\.der \(one line\)/,
    ])
      expect(kinds).toMatch(k);
  });

  test('fingerprints tell keys apart: no two keys share one, even when their first lines are the same preamble', () => {
    const raw = report.outcomes.filter((o) => o.case.key.private && o.case.placement === 'raw file');
    const fps = raw.map((o) => o.found[0]?.fingerprint);
    const seen = new Map<string | undefined, string>();
    const same: string[] = [];
    raw.forEach((o, i) => {
      const other = seen.get(fps[i]);
      if (other !== undefined) same.push(`${other} = ${o.case.key.kind}`);
      seen.set(fps[i], o.case.key.kind);
    });
    expect(same).toEqual([]);
  });
});
