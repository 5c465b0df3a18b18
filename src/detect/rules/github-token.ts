import type { Rule } from '../types';
import { hasBase62Crc32Tail } from '../checksum';
import { standalone } from '../patterns';

export const githubToken: Rule = {
  id: 'github-token',
  name: 'GitHub token',
  provider: 'GitHub',
  severity: 'critical',
  kind: 'key',
  advice: 'token',
  description: 'GitHub token ghp_/gho_/ghu_/ghs_/ghr_ with a valid CRC32 checksum tail (checked offline), or a fine-grained github_pat_…',
  detectors: [
    { keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], pattern: standalone('gh[pousr]_[A-Za-z0-9]{36}'), validate: hasBase62Crc32Tail },
    { keywords: ['github_pat_'], pattern: standalone('github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}') },
  ],
  shape: { minClasses: 2, minEntropy: 3.5 },
  examples: {
    positive: [
      'GITHUB_TOKEN={{crc:ghp_}}',
      'token: "{{crc:gho_}}"',
      'git clone https://x-access-token:{{crc:ghs_}}@github.com/o/r',
      'GH_PAT=github_pat_{{alnum:22}}_{{alnum:59}}',
    ],
    negative: ['GITHUB_TOKEN={{badcrc:ghp_}}', 'GITHUB_TOKEN=ghp_{{rep:x:36}}', 'GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}'],
  },
};
