import type { ToolKey } from './tools';

/** One key placed in one file the way projects hold it. */
export interface Placed {
  key: ToolKey;
  /** How it is held: `raw file`, `JSON \n string`, `YAML block scalar`… */
  placement: string;
  path: string;
  /** The file's text, or its bytes (a binary key file). */
  content: string | Buffer;
  /** For a private key: the 1-based line its one finding must be on. */
  line: number;
}

const b64 = (s: string) => Buffer.from(s + '\n').toString('base64');
const lines = (s: string) => s.split('\n');
const indent = (s: string, pad: string) =>
  lines(s)
    .map((l) => pad + l)
    .join('\n');

/** Where the finding for this key belongs: its BEGIN / PPK / dump header line, the `"d"` or `<D>` line, or the value line. */
function anchor(content: string, key: ToolKey, value?: string): number {
  const mark =
    key.shape === 'jwk'
      ? /"d"/
      : key.shape === 'xml'
        ? /<D>/
        : key.shape === 'dump'
          ? /Private-Key:/
          : key.shape === 'agent'
            ? /^\s*(?:Key: )?\((?:protected-)?private-key/
            : key.shape === 'age'
              ? /AGE-SECRET-KEY-1|^age1/
              : /BEGIN [A-Z0-9 ]{0,30}PRIVATE KEY|BEGIN OpenVPN|PuTTY-User-Key-File/;
  const all = lines(content);
  const i = all.findIndex((l) => (value === undefined ? mark.test(l) : l.includes(value.slice(0, 24))));
  return i + 1;
}

function place(
  key: ToolKey,
  placement: string,
  path: string,
  content: string,
  value = key.shape === 'line' ? key.text : key.shape === 'signer' ? lines(key.text)[1] : key.anchor,
): Placed {
  return { key, placement, path, content: content.endsWith('\n') ? content : content + '\n', line: anchor(content, key, value) };
}

/** Every realistic placement of one key. */
export function placements(key: ToolKey, n: number): Placed[] {
  const dir = `k${String(n).padStart(3, '0')}`;
  const t = key.text;
  const out: Placed[] = [];
  if (key.shape === 'agent') {
    // A GnuPG agent key file where dotfiles and provisioning keep it.
    out.push(
      place(key, 'raw file', `${dir}/.gnupg/private-keys-v1.d/key.key`, t),
      place(key, 'raw file, CRLF line ends', `${dir}/key.crlf.key`, t.replace(/\n/g, '\r\n')),
      place(key, 'YAML block scalar', `${dir}/vars.yaml`, `gpg:\n  agent_key: |\n${indent(t, '    ')}\n  owner: deploy`),
      place(
        key,
        'shell heredoc',
        `${dir}/setup.sh`,
        `#!/bin/sh\ncat > ~/.gnupg/private-keys-v1.d/key.key <<'EOF'\n${t}\nEOF\ngpgconf --kill gpg-agent`,
      ),
    );
  } else if (key.shape === 'block' && key.text.startsWith('PuTTY-User-Key-File')) {
    // A PuTTY key lives as a file (or pasted into a config block), not inside code strings.
    out.push(
      place(key, 'raw file', `${dir}/key.ppk`, t),
      place(key, 'YAML block scalar', `${dir}/values.yaml`, `deploy:\n  ppk: |\n${indent(t, '    ')}\n  host: example.test`),
      place(key, 'Terraform heredoc', `${dir}/main.tf`, `locals {\n  ppk = <<EOT\n${t}\nEOT\n}`),
    );
  } else if (key.shape === 'conf') {
    // A config-style key file: as it is, in a YAML block scalar (Ansible, Helm), in a Markdown note.
    out.push(
      place(key, 'raw file', `${dir}/${key.fileName ?? 'key.conf'}`, t),
      place(key, 'raw file, CRLF line ends', `${dir}/crlf-${key.fileName ?? 'key.conf'}`, t.replace(/\n/g, '\r\n')),
      place(
        key,
        'YAML block scalar',
        `${dir}/config.yaml`,
        `files:\n  - path: /etc/${key.fileName ?? 'key.conf'}\n    content: |\n${indent(t, '      ')}`,
      ),
      place(key, 'Markdown code block', `${dir}/DNS.md`, `# Zone keys\n\n\`\`\`\n${t}\n\`\`\`\n`),
    );
  } else if (key.shape === 'file') {
    // A binary key file, committed as it is (its finding is at line 1).
    const name = key.kind.startsWith('ktutil')
      ? 'krb5.keytab'
      : key.kind.startsWith('git-crypt')
        ? 'git-crypt.key'
        : key.kind.startsWith('tor')
          ? key.kind.split(' ').pop()!
          : key.kind.startsWith('dropbear')
            ? key.private
              ? 'id_dropbear'
              : 'id_dropbear.pub.bin'
            : 'key.bin';
    out.push({ key, placement: 'binary file', path: `${dir}/${name}`, content: key.data!, line: 1 });
  } else if (key.shape === 'signer') {
    // A minisign / signify key file, where release pipelines keep it: the file, a CI secret, a value.
    const [, line] = lines(t);
    out.push(
      place(key, 'raw file', `${dir}/release.key`, t),
      place(key, 'raw file, CRLF line ends', `${dir}/release.crlf.key`, t.replace(/\n/g, '\r\n')),
      place(key, '.env value', `${dir}/.env`, `APP_ENV=production\nSIGNING_KEY=${line}`),
      place(key, 'YAML block scalar', `${dir}/release.yaml`, `release:\n  signing_key: |\n${indent(t, '    ')}\n  upload: true`),
      place(key, 'JSON \\n string', `${dir}/secrets.json`, `{\n  "signing_key": ${JSON.stringify(t + '\n')}\n}`),
      place(key, 'shell script, commented out', `${dir}/sign.sh`, `#!/bin/sh\n${indent(t, '# ')}\nminisign -Sm dist.tar.gz`),
    );
  } else if (key.shape === 'block') {
    const escaped = JSON.stringify(t + '\n');
    const enc = b64(t);
    const javaLines = lines(t).map((l, i, a) => `        "${l}\\n"${i < a.length - 1 ? ' +' : ';'}`);
    out.push(
      place(key, 'raw file', `${dir}/key`, t),
      place(
        key,
        'JSON \\n string',
        `${dir}/credentials.json`,
        `{\n  "type": "service_account",\n  "private_key": ${escaped},\n  "client_email": "svc@example.iam"\n}`,
      ),
      place(
        key,
        'YAML block scalar',
        `${dir}/values.yaml`,
        `deploy:\n  user: git\n  ssh_key: |\n${indent(t, '    ')}\n  host: example.test`,
      ),
      place(
        key,
        'Terraform heredoc',
        `${dir}/main.tf`,
        `resource "tls_locally_signed_cert" "x" {\n  ca_private_key_pem = <<EOT\n${t}\nEOT\n}`,
      ),
      place(key, 'Terraform indented heredoc', `${dir}/vars.tf`, `locals {\n  key = <<-EOT\n${indent(t, '    ')}\n  EOT\n}`),
      place(
        key,
        'Java string concatenation',
        `${dir}/Keys.java`,
        `class Keys {\n    static final String KEY =\n${javaLines.join('\n')}\n}`,
      ),
      place(key, 'C# string concatenation', `${dir}/Keys.cs`, `class Keys {\n    const string Key =\n${javaLines.join('\n')}\n}`),
      place(
        key,
        'JS string concatenation',
        `${dir}/keys.js`,
        `const key =\n${lines(t)
          .map((l, i, a) => `  '${l}\\n'${i < a.length - 1 ? ' +' : ';'}`)
          .join('\n')}\nmodule.exports = { key };`,
      ),
      place(key, 'raw file, CRLF line ends', `${dir}/key.crlf`, t.replace(/\n/g, '\r\n')),
      // PHP's json_encode escapes every `/` as `\/`.
      place(key, 'PHP json_encode string', `${dir}/php.json`, `{"private_key":${escaped.replace(/\//g, '\\/')},"client_id":"42"}`),
      place(key, 'e-mail quote', `${dir}/mail.txt`, `On Mon, Ops wrote:\n> here is the key:\n>\n${indent(t, '> ')}\n>\n> thanks`),
      place(key, 'Python triple-quoted string', `${dir}/keys.py`, `import os\n\nKEY = """${t}"""\n`),
      place(key, '.env value, newlines as spaces', `${dir}/.env`, `APP_ENV=production\nSSH_KEY="${t.replace(/\n/g, ' ')}"\nPORT=8080`),
      place(key, '.env value, escaped newlines', `${dir}/.env.production`, `APP_ENV=production\nSSH_KEY="${t.replace(/\n/g, '\\n')}"`),
      place(key, 'shell script, commented out', `${dir}/deploy.sh`, `#!/bin/sh\nset -e\n${indent(t, '# ')}\nrsync -a dist/ host:/srv/`),
      // Armour headers (Proc-Type, an ssh.com Comment) cannot be told apart once glued to the body: not placed so.
      ...(/^[A-Za-z-]+: /m.test(t)
        ? []
        : [place(key, '.env value, line breaks removed', `${dir}/.env.ci`, `CI=true\nDEPLOY_KEY=${t.replace(/\n/g, '')}`)]),
      place(key, 'properties, continued lines', `${dir}/app.properties`, `app.name=x\nssh.key=${lines(t).join('\\n\\\n    ')}\napp.port=1`),
      place(
        key,
        'Kubernetes Secret data',
        `${dir}/secret.yaml`,
        `apiVersion: v1\nkind: Secret\ntype: Opaque\ndata:\n  key.pem: ${enc}`,
        enc,
      ),
      place(
        key,
        'kubeconfig client-key-data',
        `${dir}/kubeconfig`,
        `apiVersion: v1\nkind: Config\nusers:\n- name: admin\n  user:\n    client-key-data: ${enc}`,
        enc,
      ),
      // OpenVPN keys pasted inline into a client or server config.
      ...(/BEGIN OpenVPN/.test(t)
        ? [
            place(
              key,
              '.ovpn inline',
              `${dir}/client.ovpn`,
              `client\ndev tun\nremote vpn.example.test 1194\n${
                /Static key/.test(t) ? `key-direction 1\n<tls-auth>\n${t}\n</tls-auth>` : `<tls-crypt-v2>\n${t}\n</tls-crypt-v2>`
              }\nverb 3`,
            ),
            ...(/Static key/.test(t)
              ? [
                  place(key, '.ovpn inline <tls-crypt>', `${dir}/tc.ovpn`, `client\n<tls-crypt>\n${t}\n</tls-crypt>`),
                  place(key, '.ovpn inline <secret>', `${dir}/p2p.ovpn`, `dev tun\nifconfig 10.8.0.1 10.8.0.2\n<secret>\n${t}\n</secret>`),
                ]
              : []),
          ]
        : []),
    );
  } else if (key.shape === 'line') {
    if (/^(?:ssh|ecdsa)-/.test(t)) {
      out.push(
        place(key, '.pub file', `${dir}/id.pub`, t),
        place(key, 'authorized_keys', `${dir}/authorized_keys`, `# deploy\n${t}\nfrom="10.0.0.0/8",no-pty ${t}`),
        place(
          key,
          'known_hosts',
          `${dir}/known_hosts`,
          `github.example ${t.split(' ').slice(0, 2).join(' ')}\n|1|c2FsdA==|aGFzaA== ${t.split(' ').slice(0, 2).join(' ')}`,
        ),
      );
    } else {
      out.push(
        place(
          key,
          'application.properties',
          `${dir}/application.properties`,
          `alipay.app-id=2021000000000000\nalipay.${key.private ? 'private' : 'public'}-key=${t}\nalipay.gateway=https://openapi.alipay.com/gateway.do`,
        ),
        place(
          key,
          'PHP array',
          `${dir}/config.php`,
          `<?php\nreturn [\n    'app_id' => '2021000000000000',\n    '${key.private ? 'merchant_private_key' : 'alipay_public_key'}' => '${t}',\n];`,
        ),
        place(
          key,
          'Python constant',
          `${dir}/settings.py`,
          `APP_ID = "2021000000000000"\n${key.private ? 'APP_PRIVATE_KEY' : 'ALIPAY_PUBLIC_KEY'} = "${t}"`,
        ),
        place(
          key,
          'PHP json_encode value',
          `${dir}/config.json`,
          JSON.stringify({ app_id: '2021000000000000', [key.private ? 'private_key' : 'public_key']: t }).replace(/\//g, '\\/'),
          t.replace(/\//g, '\\/'),
        ),
        place(
          key,
          'YAML value',
          `${dir}/application.yml`,
          `wechat:\n  pay:\n    mch-id: "1900000000"\n    ${key.private ? 'private-key' : 'platform-public-key'}: ${t}`,
        ),
      );
    }
  } else if (key.shape === 'lines') {
    // Headerless base64 DER over several lines: a file of its own, or a YAML block scalar.
    const first = lines(t)[0];
    out.push(
      place(key, 'raw file', `${dir}/key.b64`, t, first),
      place(
        key,
        'YAML block scalar',
        `${dir}/merchant.yaml`,
        `alipay:\n  app-id: "2021000000000000"\n  private-key: |\n${indent(t, '    ')}`,
        first,
      ),
    );
  } else if (key.shape === 'dump') {
    // `openssl … -text` output pasted where people paste it: a file, a doc, a config note, a script comment.
    out.push(
      place(key, 'raw file', `${dir}/key.txt`, t),
      place(key, 'Markdown code block', `${dir}/README.md`, `# Test keys\n\nThe key we use:\n\n\`\`\`\n${t}\n\`\`\`\n`),
      place(key, 'YAML block scalar', `${dir}/notes.yaml`, `signing:\n  dump: |\n${indent(t, '    ')}`),
      place(key, 'shell script, commented out', `${dir}/gen.sh`, `#!/bin/sh\n${indent(t, '# ')}\nopenssl version`),
      place(key, 'raw file, CRLF line ends', `${dir}/key.crlf.txt`, t.replace(/\n/g, '\r\n')),
    );
  } else if (key.shape === 'age') {
    // An age identity (or recipient) where SOPS and CI setups keep it.
    const line = lines(t).find((l) => !l.startsWith('#'))!;
    out.push(
      place(key, 'raw file', `${dir}/keys.txt`, t),
      place(key, '.env value', `${dir}/.env`, `APP_ENV=production\nSOPS_AGE_KEY=${line}`),
      place(key, 'YAML block scalar', `${dir}/ci.yaml`, `sops:\n  age_key: |\n${indent(t, '    ')}\nstage: deploy`),
      place(key, 'JSON \\n string', `${dir}/secrets.json`, `{\n  "age": ${JSON.stringify(t + '\n')}\n}`),
      place(key, 'shell script, commented out', `${dir}/decrypt.sh`, `#!/bin/sh\n${indent(t, '# ')}\nsops -d secrets.enc.yaml`),
    );
  } else if (key.shape === 'wg') {
    // A private key is an interface's PrivateKey; a public key a peer's PublicKey.
    const conf = key.private
      ? `[Interface]\nAddress = 10.8.0.1/24\nListenPort = 51820\nPrivateKey = ${t}\n\n[Peer]\nAllowedIPs = 10.8.0.2/32`
      : `[Interface]\nAddress = 10.8.0.2/24\n\n[Peer]\nPublicKey = ${t}\nEndpoint = vpn.example.test:51820\nAllowedIPs = 0.0.0.0/0`;
    out.push(
      place(key, 'wg-quick config', `${dir}/wg0.conf`, conf, t),
      place(key, 'wg-quick config, CRLF line ends', `${dir}/wg1.conf`, conf.replace(/\n/g, '\r\n'), t),
      place(key, 'Markdown code block', `${dir}/VPN.md`, `# VPN\n\n\`\`\`ini\n${conf}\n\`\`\`\n`, t),
    );
  } else if (key.shape === 'jwk') {
    out.push(
      place(key, 'JWK one line', `${dir}/jwk.json`, t),
      place(key, 'JWK set pretty-printed', `${dir}/jwks.json`, JSON.stringify({ keys: [JSON.parse(t)] }, null, 2)),
    );
  } else {
    out.push(
      place(key, 'XML file', `${dir}/key.xml`, `<?xml version="1.0" encoding="utf-8"?>\n${t}`),
      place(key, 'C# string', `${dir}/Rsa.cs`, `class Rsa {\n    const string Xml = "${t.replace(/"/g, '\\"')}";\n}`),
    );
  }
  return out;
}
