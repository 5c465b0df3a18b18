import type { Rule } from '../types';
import { assignment, standalone } from '../patterns';
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

export const googleOauthCredential: Rule = {
  id: 'google-oauth-credential',
  name: 'Google OAuth credential',
  provider: 'Google Cloud',
  severity: 'critical',
  kind: 'key',
  advice: 'token',
  description:
    'Google OAuth client secret (GOCSPX-…), refresh token (1//0… under a refresh-token name, as gcloud and firebase-tools write it to application_default_credentials.json) and access token (ya29.…)',
  detectors: [
    { keywords: ['gocspx-'], pattern: standalone('GOCSPX-[A-Za-z0-9_-]{28}') },
    {
      keywords: ['refresh_token', 'refreshtoken', 'refresh-token'],
      pattern:
        /(?:refresh_token|refreshToken|REFRESH_TOKEN|refresh-token)["']?\s{0,4}[:=]\s{0,4}["']?(?<secret>1\/\/0[A-Za-z0-9_-]{40,300})(?![A-Za-z0-9_-])/g,
    },
    { keywords: ['ya29.'], pattern: standalone('ya29\\.[A-Za-z0-9_-]{50,2000}') },
  ],
  shape: { minClasses: 2, minEntropy: 3.5 },
  examples: {
    positive: [
      '  "client_secret": "GOCSPX-{{alnum:28}}",',
      '{"refresh_token": "1//0{{alnum:100}}", "type": "authorized_user"}',
      'refreshToken: 1//0{{alnum:60}}',
      'Authorization: Bearer ya29.{{alnum:120}}',
    ],
    negative: [
      '  "client_secret": "GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx",',
      '"refresh_token": "1//0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      'const half = 1//0{{alnum:60}}',
      'token = "ya29.${ACCESS_TOKEN}"',
    ],
  },
};

export const gcpHmacKey: Rule = {
  id: 'gcp-hmac-key',
  name: 'Google Cloud Storage HMAC key',
  provider: 'Google Cloud',
  severity: 'critical',
  kind: 'key',
  advice: 'cloud',
  description:
    'Cloud Storage HMAC secret (40 base64 characters) under gs_secret_access_key, as gsutil and boto write it to .boto (the GOOG1… access id beside it is only a name)',
  detectors: [
    {
      keywords: ['gs_secret_access_key'],
      pattern: assignment('(?<![A-Za-z0-9])(?:gs_secret_access_key|GS_SECRET_ACCESS_KEY)', '[A-Za-z0-9+/]{40}'),
    },
  ],
  shape: { minClasses: 2, minEntropy: 3.5, rejectIdentifiers: true, rejectHex: true },
  examples: {
    positive: [
      '[Credentials]\ngs_access_key_id = GOOG1E{{upper:55}}\ngs_secret_access_key = {{b64:40}}',
      'GS_SECRET_ACCESS_KEY={{alnum:40}}',
    ],
    negative: [
      'gs_secret_access_key = {{hex:40}}',
      'gs_secret_access_key = <your secret>',
      'gs_secret_access_key = ${GS_SECRET_ACCESS_KEY}',
      'my_gs_secret_access_key_name = {{alnum:40}}',
    ],
  },
};
