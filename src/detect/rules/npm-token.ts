import type { Rule } from '../types';
import { hasBase62Crc32Tail } from '../checksum';
import { standalone } from '../patterns';

export const npmToken: Rule = {
  id: 'npm-token',
  name: 'npm access token',
  provider: 'npm',
  severity: 'critical',
  kind: 'key',
  advice: 'token',
  description: 'npm access token npm_… with a valid CRC32 checksum tail, or a legacy UUID token after :_authToken=',
  detectors: [
    { keywords: ['npm_'], pattern: standalone('npm_[A-Za-z0-9]{36}'), validate: hasBase62Crc32Tail },
    {
      keywords: ['_authtoken'],
      pattern: new RegExp(
        '_authToken\\s{0,4}=\\s{0,4}["\']?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])',
        'g',
      ),
    },
  ],
  shape: { minEntropy: 3 },
  examples: {
    positive: ['//registry.npmjs.org/:_authToken={{crc:npm_}}', 'NPM_TOKEN={{crc:npm_}}', '//registry.npmjs.org/:_authToken={{uuid}}'],
    negative: ['NPM_TOKEN={{badcrc:npm_}}', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}', 'const npm_{{alnum:36}} = 1'],
  },
};
