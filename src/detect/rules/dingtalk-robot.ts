import type { Rule } from '../types';
import { assignment, standalone } from '../patterns';

export const dingtalkRobotToken: Rule = {
  id: 'dingtalk-robot-token',
  name: 'DingTalk robot access_token',
  provider: 'Alibaba DingTalk',
  severity: 'high',
  kind: 'key',
  advice: 'token',
  description: 'DingTalk custom robot webhook access_token (64 hex digits)',
  detectors: [
    {
      keywords: ['robot/send'],
      pattern: new RegExp('robot/send\\?(?:[^\\s"\'&]{0,40}&)?access_token=(?<secret>[0-9a-f]{64})(?![0-9a-zA-Z])', 'g'),
    },
    {
      keywords: [],
      fileContext: /dingtalk|钉钉/i,
      pattern: assignment(
        '[A-Za-z0-9_.-]{0,20}(?:access_?token|ACCESS_TOKEN|[Rr]obot_?[Tt]oken|ROBOT_TOKEN|[Dd]ing[Tt]alk_?[Tt]oken|DINGTALK_TOKEN)',
        '[0-9a-f]{64}',
      ),
    },
  ],
  shape: { minEntropy: 3.2 },
  examples: {
    positive: [
      'WEBHOOK = "https://oapi.dingtalk.com/robot/send?access_token={{hex:64}}"',
      'curl "https://oapi.dingtalk.com/robot/send?access_token={{hex:64}}" -d "$MSG"',
      'dingtalk_token: {{hex:64}}  # 钉钉机器人',
    ],
    negative: [
      'WEBHOOK = "https://oapi.dingtalk.com/robot/send?access_token=${DINGTALK_TOKEN}"',
      'url = "https://oapi.dingtalk.com/robot/send?access_token={{rep:x:64}}"',
      'sha256 = "{{hex:64}}"',
    ],
  },
};

export const dingtalkRobotSecret: Rule = {
  id: 'dingtalk-robot-secret',
  name: 'DingTalk robot signing secret',
  provider: 'Alibaba DingTalk',
  severity: 'high',
  kind: 'key',
  advice: 'token',
  description: 'DingTalk robot signing secret: SEC followed by 64 hex digits',
  detectors: [{ keywords: ['sec'], pattern: standalone('SEC[0-9a-f]{64}') }],
  shape: { stripPrefix: 'SEC', minEntropy: 3.2 },
  examples: {
    positive: ['secret = "SEC{{hex:64}}"', 'DINGTALK_SECRET=SEC{{hex:64}}'],
    negative: ['secret = "SEC{{rep:0:64}}"', 'secret = "SEC{{hex:63}}"', 'SECOND = "{{hex:64}}"', 'secret = "SECxxxxxxxx"'],
  },
};
