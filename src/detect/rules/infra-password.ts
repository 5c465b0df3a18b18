import type { Rule } from '../types';

/** A `~/.pgpass` line: host:port:database:user:password (port a number or `*`). */
const PGPASS = `^(?:\\*|[A-Za-z0-9_.-]{1,253}|\\[[0-9A-Fa-f:]{2,39}\\]):(?:[0-9]{1,5}|\\*):[^:\\s]{1,63}:[^:\\s]{1,63}:`;
const PGPASS_LINE = new RegExp(`${PGPASS}[^:\\s]{4,128}$`);

/** Variable names that hold a password in a shell or compose default: DB_PASSWORD, REDIS_PASS, ADMIN_PWD. */
const VAR = '[A-Za-z0-9_]{0,40}(?:PASSWORD|PASSWD|PASS|PWD|password|passwd|pass|pwd)[A-Za-z0-9_]{0,20}';

/** camelCase names ending in Pass: keystorePass, truststorePass, keyPass (Tomcat, Spring Boot, Gradle). */
const CAMEL_PASS = '(?<![A-Za-z0-9])[A-Za-z0-9_.-]{0,40}(?<=[a-z0-9])Pass(?![a-z])';

export const infraPassword: Rule = {
  id: 'infra-password',
  name: 'Password in infrastructure config',
  provider: 'Generic',
  severity: 'high',
  kind: 'password',
  advice: 'password',
  description:
    'Passwords in infrastructure dialects: .pgpass lines, ${DB_PASSWORD:-literal} defaults in shell and compose files, Ansible inventory ansible_*pass=, keystorePass/truststorePass',
  detectors: [
    {
      // ~/.pgpass: db.internal:5432:orders:app:v (escaped colons are rare; the value stops at one).
      keywords: [],
      fileContext: PGPASS_LINE,
      candidate: '[^: ]+:([0-9]+|[*]):[^: ]+:[^: ]+:[^: ]+',
      pattern: new RegExp(`${PGPASS}(?<secret>[^:\\s]{4,128})$`, 'g'),
    },
    {
      // Shell and compose defaults: ${DB_PASSWORD:-v}, ${DB_PASS:=v}, ${PGPASSWORD-v}.
      keywords: ['pass', 'pwd'],
      pattern: new RegExp(`\\$\\{${VAR}:?[-=](?<secret>[^}\\s"'$]{4,128})\\}`, 'g'),
    },
    {
      // Ansible INI inventory, anywhere on a host line: web1 ansible_host=10.0.0.5 ansible_ssh_pass=v.
      keywords: ['ansible_'],
      pattern: new RegExp(`(?<![A-Za-z0-9_])ansible_(?:ssh_|become_|sudo_|su_)?pass(?:word)?=["']?(?<secret>[^\\s"']{4,128})`, 'g'),
    },
    {
      // camelCase in code, JSON and XML attributes: keystorePass="v", "truststorePass": "v".
      keywords: ['pass'],
      pattern: new RegExp(`${CAMEL_PASS}["'\\]]{0,2}\\s{0,4}(?::=|=>|=|:)\\s{0,4}["'\`](?<secret>[^"'\`\\s]{4,128})["'\`]`, 'g'),
    },
    {
      // camelCase in properties and YAML: server.ssl.keystorePass=v, truststorePass: v.
      keywords: ['pass'],
      pattern: new RegExp(
        `^\\s{0,20}(?:-D)?${CAMEL_PASS}\\s{0,4}[=:]\\s{0,4}(?<secret>[^"'\`\\s#;\\\\][^"'\`\\s]{3,127})(?=\\s{1,10}[#;]|\\s{0,10}$)`,
        'g',
      ),
    },
  ],
  shape: { minClasses: 2, minEntropy: 2, classWaiver: { minLength: 12, minEntropy: 3.3 }, freeText: true },
  examples: {
    positive: [
      'db.internal:5432:orders:app:{{password}}',
      '*:*:*:replicator:{{password}}',
      '10.0.3.4:5432:*:postgres:{{humanpw}}',
      '      MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD:-{{password}}}',
      '      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD:-{{password}}}',
      'DB_PASS="${DB_PASS:={{password}}}"',
      'web1 ansible_host=10.0.0.5 ansible_user=deploy ansible_ssh_pass={{password}}',
      "db1 ansible_host=10.0.0.6 ansible_become_pass='{{password}}'",
      'win1 ansible_host=10.0.0.9 ansible_password={{humanpw}} ansible_connection=winrm',
      '<Connector port="8443" SSLEnabled="true" keystoreFile="conf/ks.jks" keystorePass="{{password}}" />',
      'server.ssl.keystorePass={{password}}',
      '  truststorePass: {{password}}',
      '    "keyPass": "{{password}}",',
    ],
    negative: [
      'localhost:5432:*:postgres:*',
      'db.internal:5432:orders:app:changeme',
      'root:x:0:0:root:/root:/bin/bash',
      'MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD:-}',
      'MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD:?required}',
      'POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}',
      'REDIS_PASSWORD: ${REDIS_PASSWORD:-${DEFAULT_PASSWORD}}',
      'NODE_ENV: ${NODE_ENV:-{{password}}}',
      'web1 ansible_host=10.0.0.5 ansible_ssh_pass="{{ vault_ssh_pass }}"',
      'web1 ansible_host=10.0.0.5 ansible_become_pass={{ lookup("env", "BECOME_PASS") }}',
      'bypass = "{{password}}"',
      'keystorePass="${KEYSTORE_PASS}"',
      'server.ssl.keystorePass=${KEYSTORE_PASSWORD}',
      'truststorePass: string;',
      '    ownPass: !!ownPass',
    ],
  },
};
