import type { Rule } from '../types';
import { hasBase62Crc32Tail } from '../checksum';
import { standalone } from '../patterns';

/**
 * The stateless installation token (rolled out from April 2026): `ghs_<app id>_<JWT>`, about 520
 * characters. Its JWT header must decode to a JSON object that names an algorithm.
 */
function hasJwtBody(token: string): boolean {
  const jwt = token.slice(token.indexOf('_', 4) + 1);
  try {
    const header = JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString('utf8')) as unknown;
    return typeof header === 'object' && header !== null && 'alg' in header;
  } catch {
    return false;
  }
}

export const githubToken: Rule = {
  id: 'github-token',
  name: 'GitHub token',
  provider: 'GitHub',
  severity: 'critical',
  kind: 'key',
  advice: 'token',
  description:
    'GitHub token ghp_/gho_/ghu_/ghs_/ghr_ with a valid CRC32 checksum tail (checked offline), a fine-grained github_pat_…, or a stateless installation token ghs_<app id>_<JWT>',
  detectors: [
    { keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], pattern: standalone('gh[pousr]_[A-Za-z0-9]{36}'), validate: hasBase62Crc32Tail },
    { keywords: ['github_pat_'], pattern: standalone('github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}') },
    {
      keywords: ['ghs_'],
      pattern: standalone('ghs_[0-9]{1,12}_eyJ[A-Za-z0-9_-]{8,600}\\.[A-Za-z0-9_-]{16,2000}\\.[A-Za-z0-9_-]{16,700}'),
      validate: hasJwtBody,
    },
  ],
  shape: { minClasses: 2, minEntropy: 3.5 },
  examples: {
    positive: [
      'GITHUB_TOKEN={{crc:ghp_}}',
      'token: "{{crc:gho_}}"',
      'git clone https://x-access-token:{{crc:ghs_}}@github.com/o/r',
      'GH_PAT=github_pat_{{alnum:22}}_{{alnum:59}}',
      'GITHUB_TOKEN=ghs_{{digits:7}}_{{jwt}}',
    ],
    negative: [
      'GITHUB_TOKEN={{badcrc:ghp_}}',
      'GITHUB_TOKEN=ghp_{{rep:x:36}}',
      'GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}',
      'GITHUB_TOKEN=ghs_{{digits:7}}_eyJ{{alnum:40}}.{{alnum:200}}.{{alnum:40}}',
    ],
  },
};
