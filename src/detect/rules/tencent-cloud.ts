import type { Rule } from '../types';
import { assignment, bareToken, SECRET_KEY_NAME, standalone } from '../patterns';

const HAS_SECRET_ID = /(?<![A-Za-z0-9])AKID[A-Za-z0-9]{32}(?![A-Za-z0-9])/;

export const tencentCloudSecretId: Rule = {
  id: 'tencent-cloud-secret-id',
  name: 'Tencent Cloud SecretId',
  provider: 'Tencent Cloud',
  severity: 'critical',
  kind: 'key',
  advice: 'cloud',
  description: 'Tencent Cloud API SecretId: AKID followed by 32 letters and digits',
  detectors: [{ keywords: ['akid'], pattern: standalone('AKID[A-Za-z0-9]{32}') }],
  shape: { stripPrefix: 'AKID', minClasses: 2, minEntropy: 3.2, rejectIdentifiers: true },
  examples: {
    positive: ['TENCENTCLOUD_SECRET_ID=AKID{{alnum:32}}', 'cred = credential.Credential("AKID{{alnum:32}}", secret_key)'],
    negative: ['SecretId = "AKID{{rep:x:32}}"', 'SecretId = "AKIDxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', 'AKID{{alnum:31}}'],
  },
};

export const tencentCloudSecretKey: Rule = {
  id: 'tencent-cloud-secret-key',
  name: 'Tencent Cloud SecretKey',
  provider: 'Tencent Cloud',
  severity: 'critical',
  kind: 'key',
  advice: 'cloud',
  description: 'Tencent Cloud API SecretKey: 32 letters and digits under a Tencent secret name, or beside a SecretId in the same file',
  detectors: [
    {
      keywords: ['tencent', 'qcloud'],
      pattern: assignment(
        '(?:TENCENTCLOUD|[Tt]encent[Cc]loud|TENCENT|[Tt]encent|QCLOUD|[Qq]cloud)[A-Za-z0-9_.-]{0,20}(?:SECRET_?KEY|[Ss]ecret_?[Kk]ey)',
        '[A-Za-z0-9]{32}',
      ),
    },
    { keywords: [], fileContext: HAS_SECRET_ID, pattern: bareToken('[A-Za-z0-9]', '{32}') },
    {
      keywords: [],
      fileContext: /tencentcloud|qcloud|myqcloud\.com|tencentcos|腾讯云/i,
      pattern: assignment(SECRET_KEY_NAME, '[A-Za-z0-9]{32}'),
    },
  ],
  shape: { minClasses: 2, minEntropy: 3.5, rejectIdentifiers: true, rejectHex: true },
  pairsWith: 'tencent-cloud-secret-id',
  examples: {
    positive: [
      'TENCENTCLOUD_SECRET_KEY={{alnum:32}}',
      'cred = credential.Credential("AKID{{alnum:32}}", "{{alnum:32}}")',
      'secret_key = "{{alnum:32}}"  # cos.ap-guangzhou.myqcloud.com',
    ],
    negative: ['TENCENTCLOUD_SECRET_KEY=${TENCENTCLOUD_SECRET_KEY}', 'secret_key = "{{alnum:32}}"', 'md5 = "{{hex:32}}"'],
  },
};
