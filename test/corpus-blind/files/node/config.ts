export const config = {
  github: { token: '«github-token:{{crc:ghp_}}»' },
  stripe: { secretKey: '«stripe-secret-key:sk_live_{{alnum:24}}»', publishable: 'pk_live_{{alnum:24}}', testKey: 'sk_test_{{alnum:24}}' },
  slack: { webhook: '«slack-token:https://hooks.slack.com/services/T{{upper:8}}/B{{upper:10}}/{{alnum:24}}»' },
  openai: { apiKey: process.env.OPENAI_API_KEY ?? '' },
  anthropic: { apiKey: '«anthropic-api-key:sk-ant-api03-{{alnum:93}}AA»' },
  google: { mapsKey: '«gcp-api-key:AIza{{alnum:35}}»' },
  sentryDsn: 'https://{{hex:32}}@o123456.ingest.sentry.io/4505',
  buildHash: '{{hex:40}}',
  logo: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
};
