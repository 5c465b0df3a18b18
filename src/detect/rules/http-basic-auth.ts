import type { Rule } from '../types';

/** Base64 that decodes to printable `user:password`: what an HTTP Basic header carries. */
function isBasicCredential(b64: string): boolean {
  const text = Buffer.from(b64, 'base64').toString('latin1');
  return /^[\x21-\x7e]{1,128}:[\x20-\x7e]{3,128}$/.test(text) && !/:(?:\$\{|\{\{|<|%s|password$|pass$)/i.test(text);
}

export const httpBasicAuth: Rule = {
  id: 'http-basic-auth',
  name: 'HTTP Basic credentials',
  provider: 'Generic',
  severity: 'high',
  kind: 'password',
  advice: 'password',
  description:
    'HTTP Basic credentials: an "Authorization: Basic …" header or a .docker/config.json "auth" that decodes to user:password, or curl -u user:password',
  detectors: [
    {
      keywords: ['basic '],
      pattern: new RegExp(`(?<![A-Za-z])[Bb]asic\\s{1,4}(?<secret>[A-Za-z0-9+/]{8,256}={0,2})(?![A-Za-z0-9+/=])`, 'g'),
      validate: isBasicCredential,
    },
    {
      // ~/.docker/config.json: "auths": { "registry": { "auth": "<base64 of user:password>" } }.
      keywords: ['"auth"'],
      pattern: new RegExp(`"auth"\\s{0,4}:\\s{0,4}"(?<secret>[A-Za-z0-9+/]{8,256}={0,2})"`, 'g'),
      validate: isBasicCredential,
    },
    {
      keywords: ['curl'],
      pattern: new RegExp(`curl\\s(?:[^|;&]{0,200}?\\s)?(?:-u|--user)\\s{1,4}["']?[^\\s:"'$]{1,64}:(?<secret>[^\\s"'$]{3,128})`, 'g'),
    },
  ],
  shape: { minEntropy: 2, freeText: true },
  allow: {
    // The documented samples of RFC 6749 (s6BhdRkqt3:gX1fBat3bV) and RFC 7617 (Aladdin:open sesame).
    secrets: [/^czZCaGRSa3F0MzpnWDFmQmF0M2JW$/, /^QWxhZGRpbjpvcGVuIHNlc2FtZQ==$/],
  },
  examples: {
    positive: [
      'curl -H "Authorization: Basic {{basic}}" https://api.corp.internal/v1/items',
      'headers = {"Authorization": "Basic {{basic}}"}',
      'curl -u deploy:{{password}} https://nexus.corp.internal/repository/raw/',
      '      "auth": "{{basic}}"',
    ],
    negative: [
      'headers = {"Authorization": "Basic " + base64(user + ":" + password)}',
      'curl -u "$USER:$PASS" https://api.corp.internal',
      'Authorization: Basic {{b64:24}}',
      'This is a basic example of the API.',
      'Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW',
      'Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==',
    ],
  },
};
