import type { Rule } from '../types';

export const slackToken: Rule = {
  id: 'slack-token',
  name: 'Slack token or webhook',
  provider: 'Slack',
  severity: 'high',
  kind: 'key',
  advice: 'token',
  description: 'Slack bot/user/app tokens (xoxb-, xoxp-, xoxa-, xoxr-, xoxe-, xapp-) and incoming webhook URLs',
  detectors: [
    {
      keywords: ['xox', 'xapp-'],
      pattern: new RegExp('(?<![A-Za-z0-9])(?<secret>(?:xox[abeprs]|xapp)-[0-9]{1,2}-?[A-Za-z0-9-]{10,250})(?![A-Za-z0-9-])', 'g'),
    },
    {
      keywords: ['hooks.slack.com'],
      pattern: new RegExp(
        'hooks\\.slack\\.com/(?:services|workflows|triggers)/(?<secret>T[A-Z0-9]{8,12}/[A-Z0-9]{8,12}/[A-Za-z0-9]{20,30})(?![A-Za-z0-9])',
        'g',
      ),
    },
  ],
  shape: { minClasses: 2, minEntropy: 3 },
  examples: {
    positive: [
      'SLACK_BOT_TOKEN=xoxb-{{digits:11}}-{{digits:12}}-{{alnum:24}}',
      'SLACK_WEBHOOK=https://hooks.slack.com/services/T{{upper:10}}/B{{upper:10}}/{{alnum:24}}',
    ],
    negative: [
      'SLACK_BOT_TOKEN=xoxb-your-token-here',
      'SLACK_WEBHOOK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
    ],
  },
};
