import type { Rule } from '../types';
import { assignment, B_END } from '../patterns';
import { OSS_PRESIGNED_URL } from '../alibaba-context';
import { isWordsInCase, looksLikeIdentifier } from '../filters';

/**
 * base64 holding an AccessKeyId: an encoded id alone (Kubernetes Secret data, CI variables), or a
 * whole encoded credentials file or .env (`echo ewog… | base64 -d > ~/.aliyun/config.json`).
 * `LTAI` encodes to `TFRBS`, `xUQU` or `MVEFJ`, by where it falls in a group of three bytes.
 */
const ENCODED_LTAI = ['TFRBS', 'xUQU', 'MVEFJ'];
const ID_IN_TEXT = /(?<![A-Za-z0-9])LTAI[A-Za-z0-9]{12}(?:[A-Za-z0-9]{8})?(?![A-Za-z0-9])/;
function holdsEncodedId(b64: string): boolean {
  const body = b64.replace(/=+$/, '');
  // Unpadded: only whole groups are decoded (a cut group holds no whole id anyway).
  const text = Buffer.from(body.slice(0, body.length - (body.length % 4 === 1 ? 1 : 0)), 'base64').toString('latin1');
  return ID_IN_TEXT.test(text);
}

export const alibabaAccessKeyId: Rule = {
  id: 'alibaba-access-key-id',
  name: 'Alibaba Cloud AccessKeyId',
  provider: 'Alibaba Cloud',
  severity: 'critical',
  kind: 'key',
  advice: 'alibaba',
  description:
    'AccessKeyId: LTAI followed by 12 or 20 letters and digits; an older 16-character id under a strong key name; base64 of an id or of text holding one (Kubernetes Secret data, an encoded credentials file or .env)',
  detectors: [
    {
      keywords: ['ltai'],
      // Not followed by `*`: a masked sample (LTAI4GDty8ab****) shows only part of an id.
      // Or right after a percent escape: URL-encoded text (`AccessKeyId%3DLTAI…`, `%22LTAI…%22`).
      // perf: one lookbehind, `%XX` nested in it (not after a letter or digit unless that ends a
      // `%XX`): a pattern that starts with an alternation of lookbehinds loses V8's literal scan
      // for `LTAI` (a 20 MB line: 90 ms against 3).
      pattern: new RegExp(`(?<![A-Za-z0-9](?<!%[0-9A-Fa-f]{2}))(?<secret>LTAI[A-Za-z0-9]{12}(?:[A-Za-z0-9]{8})?)${B_END}(?!\\*)`, 'g'),
    },
    {
      // Ids issued before the LTAI prefix: 16 letters and digits, only under a name that says so.
      keywords: ['accesskeyid', 'access_key_id', 'access-key-id'],
      pattern: assignment('[Aa]ccess_?[Kk]ey_?[Ii][Dd]|ACCESS_KEY_ID|access-key-id', '[A-Za-z0-9]{16}'),
      // Without the prefix nothing but the name says it is an id: a camelCase name there
      // (`accessKeyId: primaryAccessKey.id`) is code. (An LTAI id is never judged so.)
      // (`AccessKeyId: AccessKeyIdValue;` in a type declaration is a type's name: words in case.)
      validate: (s) => !looksLikeIdentifier(s) && !isWordsInCase(s),
    },
    {
      // Encoded: a base64 value that decodes to an id, or to text holding one (reported at the
      // encoded line; the first 8,000 characters of a value are read).
      keywords: ENCODED_LTAI.map((k) => k.toLowerCase()),
      // perf: a value is matched (a string made) only when the encoded LTAI is in its first 8,000 characters.
      pattern: /(?<![A-Za-z0-9+/])(?=[A-Za-z0-9+/]{0,7995}(?:TFRBS|xUQU|MVEFJ))(?<secret>[A-Za-z0-9+/]{20,8000}={0,2})(?![A-Za-z0-9+/])/g,
      validate: holdsEncodedId,
    },
    {
      keywords: ['getprofile('],
      pattern: new RegExp(`getProfile\\(\\s{0,4}["'][^"']{0,40}["']\\s{0,4},\\s{0,4}["'](?<secret>[A-Za-z0-9]{16})["']`, 'g'),
    },
  ],
  // (A 12-character id of lower-case letters only turns up once in 30,000: waived like one with a digit.)
  shape: { stripPrefix: 'LTAI', minClasses: 2, minEntropy: 2.2, rejectHex: true, classWaiver: { minLength: 12, minEntropy: 2.8 } },
  allow: { lines: [OSS_PRESIGNED_URL] },
  examples: {
    positive: [
      'accessKeyId = "{{ak_id}}"',
      'ALIBABA_CLOUD_ACCESS_KEY_ID={{ak_id}}',
      'export ALICLOUD_ACCESS_KEY={{ak_id16}}',
      '  "AccessKeyId": "{{ak_id}}",',
      'url = "https://ecs.aliyuncs.com/?AccessKeyId={{ak_id}}&Action=DescribeRegions"',
      'redirect=https%3A%2F%2Fecs.aliyuncs.com%2F%3FAccessKeyId%3D{{ak_id}}%26Action%3DDescribeRegions',
      'cfg=access_key_id%20%3D%20%22{{ak_id}}%22%0A',
      'KEY_{{ak_id}}',
      'String accessKeyId = "{{alnum:16}}";',
      'DefaultProfile profile = DefaultProfile.getProfile("cn-hangzhou", "{{alnum:16}}", secret);',
      '  ALIBABA_CLOUD_ACCESS_KEY_ID: {{enc:ak_id}}',
      'echo "{{enc:creds:0}}" | base64 -d > .env',
      'CREDS={{enc:creds:1}}',
      '  "credentials": "{{enc:creds:2}}",',
    ],
    negative: [
      // A TypeScript declaration: the type's name, not an id.
      '    AccessKeyId: AccessKeyIdValue;',
      'accessKeyId = "LTAI{{rep:*:20}}"',
      'accessKeyId = "LTAI{{rep:x:20}}"',
      'id = "LTAI{{alnum:12}}****"',
      'accessKeyId = "<yourAccessKeyId>"',
      'const DELTAINDEXES = 1 // DELTAI{{alnum:12}}',
      'ltai{{alnum:20}}',
      'LTAI{{alnum:16}}',
      'LTAI{{alnum:21}}',
      'accessKeyId = os.environ["ALIBABA_CLOUD_ACCESS_KEY_ID"]',
      'String accessKeyId = "{{hex:16}}";',
      ' *   accessKeyId: primaryAccessKey.id,',
      '  ALIBABA_CLOUD_ACCESS_KEY_ID: TFRBS{{b64:27}}',
      'data = "{{b64:40}}xUQU{{b64:40}}MVEFJ{{b64:40}}"',
      'url = "https://b.oss-cn-hangzhou.aliyuncs.com/a.png?OSSAccessKeyId={{ak_id}}&Expires=1700000000&Signature={{b64:27}}%3D"',
      'https://b.oss-cn-beijing.aliyuncs.com/a?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-credential={{ak_id}}%2F20250101%2Fcn-beijing%2Foss%2Faliyun_v4_request&x-oss-signature={{hex:64}}',
    ],
  },
};
