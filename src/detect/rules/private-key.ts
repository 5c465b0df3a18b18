import type { Rule } from '../types';

const HEADER = '-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |SSH2 ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----';

export const privateKey: Rule = {
  id: 'private-key',
  name: 'Private key (PEM)',
  provider: 'Generic',
  severity: 'critical',
  kind: 'key',
  advice: 'token',
  description: 'PEM private key block (RSA, EC, DSA, OpenSSH, PKCS#8, PGP): reported once, at its BEGIN line',
  detectors: [
    {
      // A block on its own lines: the header, then base64 on the next line.
      keywords: ['private key'],
      pattern: new RegExp(`${HEADER}\\s{0,4}$`, 'g'),
      nextLine: /^\s{0,40}["']?(?<secret>[A-Za-z0-9+/]{40,100}={0,2})["',\\n]{0,4}\s{0,4}$/,
    },
    {
      // A block inside a string with escaped newlines ("-----BEGIN PRIVATE KEY-----\nMIIE…"), as in GCP JSON keys.
      keywords: ['private key'],
      pattern: new RegExp(`${HEADER}(?:\\\\r)?\\\\n(?<secret>[A-Za-z0-9+/]{40,100})`, 'g'),
    },
    {
      // The whole block base64-encoded, as in a Kubernetes Secret (`tls.key: LS0tLS1CRUdJTi…`):
      // the fixed encodings of "-----BEGIN " and of the private-key type names.
      keywords: ['ls0tls1crudjtib'],
      pattern: new RegExp(
        '(?<![A-Za-z0-9+/])(?<secret>LS0tLS1CRUdJTiB(?:QUklWQVRF|SU0EgUFJJVkFURS|FQyBQUklWQVRF|PUEVOU1NIIFBSSVZBVEUg|EU0EgUFJJVkFURS|FTkNSWVBURUQgUFJJVkFURS)[A-Za-z0-9+/]{60,8000}={0,2})(?![A-Za-z0-9+/=])',
        'g',
      ),
    },
  ],
  shape: { minClasses: 3, minEntropy: 4 },
  examples: {
    positive: [
      '-----BEGIN RSA PRIVATE KEY-----\n{{pem}}\n{{pem}}\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN OPENSSH PRIVATE KEY-----\n{{pem}}',
      '  "private_key": "-----BEGIN PRIVATE KEY-----\\n{{pem}}\\n{{pem}}\\n-----END PRIVATE KEY-----\\n",',
      '  tls.key: {{pem_b64:RSA}}',
    ],
    negative: [
      'if (pem.startsWith("-----BEGIN RSA PRIVATE KEY-----")) {',
      '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN PUBLIC KEY-----\n{{pem}}',
      '  tls.crt: {{pem_b64:CERTIFICATE}}',
      '-----BEGIN PRIVATE KEY-----\n<your private key here>',
    ],
  },
};
