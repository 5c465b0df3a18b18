import type { Rule } from '../types';
import { standalone } from '../patterns';
import { notPublishedExample } from '../published-examples';

export const gcpServiceAccountKey: Rule = {
  id: 'gcp-service-account-key',
  name: 'Google Cloud service account key',
  provider: 'Google Cloud',
  severity: 'critical',
  kind: 'key',
  advice: 'cloud',
  description: 'GCP service-account JSON key (private_key_id in a "type": "service_account" file); its private_key is a PEM block',
  detectors: [
    {
      keywords: [],
      fileContext: /"type"\s{0,4}:\s{0,4}"service_account"/,
      candidate: 'private_key_id',
      pattern: new RegExp('"private_key_id"\\s{0,4}:\\s{0,4}"(?<secret>[0-9a-f]{40})"', 'g'),
    },
  ],
  shape: { minEntropy: 3 },
  examples: {
    positive: ['{"type": "service_account", "project_id": "demo-1", "private_key_id": "{{hex:40}}"}'],
    negative: ['"private_key_id": "{{hex:40}}"', '{"type": "service_account", "private_key_id": "<key id>"}'],
  },
};

export const gcpApiKey: Rule = {
  id: 'gcp-api-key',
  name: 'Google API key',
  provider: 'Google Cloud',
  severity: 'high',
  kind: 'key',
  advice: 'token',
  description: 'Google API key: AIza followed by 35 characters (the example keys published in the Firebase SDKs are ignored)',
  detectors: [{ keywords: ['aiza'], pattern: standalone('AIza[0-9A-Za-z_-]{35}'), validate: notPublishedExample }],
  // Two classes, not three: about 1 real key in 400 has no digit in its 35 characters.
  shape: { stripPrefix: 'AIza', minClasses: 2, minEntropy: 3.5 },
  examples: {
    positive: ['GOOGLE_API_KEY=AIza{{alnum:35}}'],
    negative: ['GOOGLE_API_KEY=AIza{{rep:x:35}}', 'AIza{{alnum:34}}'],
  },
};
