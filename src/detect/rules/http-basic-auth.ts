import type { Rule } from '../types';

/** Base64 that decodes to printable `user:password`: what an HTTP Basic header carries. */
function isBasicCredential(b64: string): boolean {
  const text = Buffer.from(b64, 'base64').toString('latin1');
  // A JWT's header ({"alg":…) holds a colon too, but it is JSON, not user:password.
  if (text.startsWith('{')) return false;
  return /^[\x21-\x7e]{1,128}:[\x20-\x7e]{3,128}$/.test(text) && !/:(?:\$\{|\{\{|<|%s|password$|pass$)/i.test(text);
}

/** `-u user:v`, `--user 'user:v'`, `--user=user:v`, `-u user:'v'` (an empty user is allowed: `-u ":v"`). */
const CURL_USER = `(?:-u|--user)(?:=|\\s{1,4})["']?[^\\s:"'$]{0,64}:["']?(?<secret>[^\\s"'$]{3,128})`;

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
      // (Not the first segment of a JWT: `Basic eyJ….eyJ….sig` is a bearer token sent under the wrong scheme.)
      pattern: new RegExp(`(?<![A-Za-z])[Bb]asic\\s{1,4}(?<secret>[A-Za-z0-9+/]{8,256}={0,2})(?![A-Za-z0-9+/=]|\\.[A-Za-z0-9_-])`, 'g'),
      validate: isBasicCredential,
    },
    {
      // ~/.docker/config.json: "auths": { "registry": { "auth": "<base64 of user:password>" } }.
      keywords: ['"auth"'],
      pattern: new RegExp(`"auth"\\s{0,4}:\\s{0,4}"(?<secret>[A-Za-z0-9+/]{8,256}={0,2})"`, 'g'),
      validate: isBasicCredential,
    },
    {
      // curl -u user:v, --user 'user:v', --user=user:v, -u user:'v'.
      keywords: ['curl'],
      pattern: new RegExp(`curl\\s(?:[^|;&]{0,200}?\\s)?${CURL_USER}`, 'g'),
    },
    {
      // The same flag on a continuation line of a command split with `\`: `  -u user:v \`.
      keywords: ['-u ', '-u"', "-u'", '--user'],
      pattern: new RegExp(`^\\s{1,40}(?:#\\s{0,4})?(?:-[^\\n]{0,300}?\\s)?${CURL_USER}(?=\\s|$)`, 'g'),
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
      "curl -s --user 'api:{{password}}' https://api.corp.internal/v2/messages",
      "curl --user kevin:'{{password}}' -X PATCH https://api.corp.internal/me",
      'curl -k -X POST https://cache.internal:11222/rest/v2/caches/default \\\n  -H "Content-Type: text/plain" \\\n  -u developer:{{password}}',
      '  --user {{lower:15}}:{{lower:15}} --data grant_type=authorization_code',
      '      "auth": "{{basic}}"',
    ],
    negative: [
      'headers = {"Authorization": "Basic " + base64(user + ":" + password)}',
      'curl -u "$USER:$PASS" https://api.corp.internal',
      'Authorization: Basic {{b64:24}}',
      'This is a basic example of the API.',
      'Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW',
      'Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==',
      '-H "Authorization: Basic {{jwt}}"',
      "curl -i -u 'test:test' https://localhost",
      'curl --user "$GITHUB_USERNAME:$GITHUB_PASSWORD" "$GITHUB_URL"',
      'curl -u <user:password> https://test.com/endpoint',
      'curl --user neo4j:[PASSWORD] http://[IP]:7474/db/data/',
      'curl -u username:token',
      '  -u "${_username}:${_password}" \\',
      'docker run -u 1000:1000 node:20',
    ],
  },
};
