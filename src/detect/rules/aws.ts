import type { Rule } from '../types';
import { assignment, bareToken, standalone } from '../patterns';

const HAS_AWS_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9])/;
/** A file that talks to AWS or an S3-compatible store. */
const AWS_FILE = /aws|amazon|boto|(?<![A-Za-z])s3|minio|(?:AKIA|ASIA)[A-Z2-7]{16}/i;

export const awsAccessKeyId: Rule = {
  id: 'aws-access-key-id',
  name: 'AWS access key id',
  provider: 'AWS',
  severity: 'critical',
  kind: 'key',
  advice: 'cloud',
  description: 'AWS access key id AKIA… (long-term) or ASIA… (temporary); the documented …EXAMPLE keys are ignored',
  detectors: [{ keywords: ['akia', 'asia'], pattern: standalone('(?:AKIA|ASIA)[A-Z2-7]{16}') }],
  shape: { stripPrefix: 'AKIA', minEntropy: 2.8 },
  examples: {
    positive: ['aws_access_key_id = {{aws_id:AKIA}}', 'AWS_ACCESS_KEY_ID="{{aws_id:ASIA}}"'],
    negative: ['aws_access_key_id = AKIA{{upper:9}}EXAMPLE', 'AKIA{{rep:A:16}}', 'ASIAN_MARKETS = "ASIA{{lower:16}}"'],
  },
};

export const awsSecretAccessKey: Rule = {
  id: 'aws-secret-access-key',
  name: 'AWS secret access key',
  provider: 'AWS',
  severity: 'critical',
  kind: 'key',
  advice: 'cloud',
  description: 'AWS secret access key (40 base64 characters) under an AWS secret name, or beside an access key id in the same file',
  detectors: [
    {
      keywords: ['aws'],
      pattern: assignment(
        '[A-Za-z0-9_.-]{0,30}(?:aws|AWS|Aws)[A-Za-z0-9_.-]{0,30}(?:[Ss]ecret|SECRET)[A-Za-z0-9_.-]{0,20}',
        '[A-Za-z0-9/+]{40}',
      ),
    },
    {
      // The bare name (secretAccessKey, secret_access_key) is also what Huawei OBS and other
      // S3-compatible SDKs call their secret: only in a file that talks to AWS or S3, so that in a
      // Huawei Cloud file the Huawei rule (earlier in the catalogue) reports it.
      keywords: [],
      fileContext: AWS_FILE,
      pattern: assignment('[Ss]ecret_?[Aa]ccess_?[Kk]ey|SECRET_ACCESS_KEY', '[A-Za-z0-9/+]{40}'),
    },
    { keywords: [], fileContext: HAS_AWS_ID, pattern: bareToken('[A-Za-z0-9/+]', '{40}') },
  ],
  shape: { minClasses: 2, minEntropy: 4, rejectHex: true, rejectIdentifiers: true },
  pairsWith: 'aws-access-key-id',
  examples: {
    positive: [
      'aws_secret_access_key = {{b64:40}}',
      'AWS_SECRET_ACCESS_KEY="{{b64:40}}"',
      'new BasicAWSCredentials("{{aws_id:AKIA}}", "{{b64:40}}");',
      'const s3 = new S3Client({ credentials: { accessKeyId: key, secretAccessKey: "{{b64:40}}" } });',
    ],
    negative: [
      'obs = ObsClient(access_key_id=ak, secret_access_key="{{alnum:40}}", server="https://obs.cn-north-4.myhuaweicloud.com")',
      'aws_secret_access_key = {{b64:30}}EXAMPLEKEY',
      'AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}',
      'commit = "{{hex:40}}"',
    ],
  },
};
