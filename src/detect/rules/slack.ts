import type { Rule } from '../types';

/** Digit groups (team, user, bot ids), and the random part after them. */
const D = '[0-9]{6,14}';
const R = '[A-Za-z0-9]{10,64}';
/** The token types and their structure (api.slack.com/authentication/token-types). */
const TOKEN_SHAPES = [
  `xoxb-${D}-${D}-${R}`, // bot
  `xoxb-${D}-${R}`, // legacy bot
  `xox[pe]-${D}-${D}-${D}-${R}`, // user
  `xox[os]-${D}-${D}-${D}-[0-9A-Fa-f]{8,64}`, // legacy
  `xox[ar]-[0-9]-${D}-${D}-${D}-${R}`, // legacy workspace
  `xapp-[0-9]-[A-Z0-9]{8,14}-[0-9]{10,14}-[A-Za-z0-9]{32,80}`, // app-level
  'xoxe\\.xox[bp]-[0-9]-[A-Za-z0-9]{150,180}', // configuration access
  'xoxe-[0-9]-[A-Za-z0-9]{140,160}', // configuration refresh
];

export const slackToken: Rule = {
  id: 'slack-token',
  name: 'Slack token or webhook',
  provider: 'Slack',
  severity: 'high',
  kind: 'key',
  advice: 'token',
  description:
    'Slack bot/user/app/configuration tokens (xoxb-, xoxp-, xoxa-, xoxr-, xoxe-, xapp-) by their digit-group structure, incoming and workflow webhook URLs',
  detectors: [
    {
      // Each token type has its own digit groups (team, user, bot ids) before the random part, so a
      // placeholder (xoxb-12345-abcd234, xoxp-…-####, xoxe.xoxp-1-RANDOMSTRINGHERE) does not fit.
      keywords: ['xox', 'xapp-'],
      pattern: new RegExp(`(?<![A-Za-z0-9])(?<secret>${TOKEN_SHAPES.join('|')})(?![A-Za-z0-9-])`, 'g'),
    },
    {
      keywords: ['hooks.slack.com'],
      pattern: new RegExp(
        'hooks\\.slack\\.com/(?:services|workflows|triggers)/(?<secret>T[A-Z0-9]{8,12}/[A-Z0-9]{8,12}/[A-Za-z0-9]{20,30})(?![A-Za-z0-9])',
        'g',
      ),
    },
    {
      // Workflow Builder webhooks have four parts (team, app, workflow id, secret), triggers three.
      keywords: ['hooks.slack.com'],
      pattern: new RegExp(
        'hooks\\.slack\\.com/(?:workflows|triggers)/(?<secret>T[A-Z0-9]{8,12}/(?:A[A-Z0-9]{8,12}/[0-9]{10,20}|[0-9]{10,20})/[A-Za-z0-9]{20,40})(?![A-Za-z0-9])',
        'g',
      ),
    },
  ],
  shape: { minClasses: 2, minEntropy: 3 },
  examples: {
    positive: [
      'SLACK_BOT_TOKEN=xoxb-{{digits:11}}-{{digits:12}}-{{alnum:24}}',
      'SLACK_WEBHOOK=https://hooks.slack.com/services/T{{upper:10}}/B{{upper:10}}/{{alnum:24}}',
      '"user_token": "xoxp-{{digits:11}}-{{digits:12}}-{{digits:12}}-{{hex:32}}"',
      'SLACK_APP_TOKEN=xapp-1-A{{upper:10}}-{{digits:13}}-{{hex:64}}',
      'bot = "xoxb-{{digits:12}}-{{alnum:24}}"',
      'SLACK_CONFIG_TOKEN=xoxe.xoxp-1-{{alnum:163}}',
      'https://hooks.slack.com/workflows/T{{upper:10}}/A{{upper:10}}/{{digits:18}}/{{alnum:24}}',
    ],
    negative: [
      'SLACK_BOT_TOKEN=xoxb-your-token-here',
      'SLACK_WEBHOOK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      'SLACK_BOT_TOKEN=xoxb-12345-{{lower:7}}',
      'token = "xoxp-{{digits:12}}-{{digits:12}}-{{digits:12}}-{{rep:#:20}}"',
      'SLACK_CONFIG_TOKEN=xoxe.xoxp-1-{{lit:RANDOMSTRINGHERE}}',
      'xoxb-{{lit:xoxb-my-bot-token}}',
    ],
  },
};
