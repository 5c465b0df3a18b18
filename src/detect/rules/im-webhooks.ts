import type { Rule } from '../types';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const feishuWebhook: Rule = {
  id: 'feishu-webhook',
  name: 'Feishu / Lark bot webhook',
  provider: 'Feishu / Lark',
  severity: 'medium',
  kind: 'key',
  advice: 'token',
  description: 'Feishu / Lark custom bot webhook URL (open.feishu.cn / open.larksuite.com …/bot/v2/hook/<token>)',
  detectors: [
    {
      keywords: ['/bot/v2/hook/'],
      pattern: new RegExp(
        `open\\.(?:feishu\\.cn|larksuite\\.com|larkoffice\\.com)/open-apis/bot/v2/hook/(?<secret>${UUID}|[A-Za-z0-9]{20,64})(?![A-Za-z0-9-])`,
        'g',
      ),
    },
  ],
  shape: { minEntropy: 3 },
  examples: {
    positive: [
      'FEISHU_WEBHOOK=https://open.feishu.cn/open-apis/bot/v2/hook/{{uuid}}',
      'url: "https://open.larksuite.com/open-apis/bot/v2/hook/{{uuid}}"',
    ],
    negative: [
      'FEISHU_WEBHOOK=https://open.feishu.cn/open-apis/bot/v2/hook/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      'url: "https://open.feishu.cn/open-apis/bot/v2/hook/${FEISHU_TOKEN}"',
    ],
  },
};

export const wecomWebhook: Rule = {
  id: 'wecom-webhook',
  name: 'WeCom (WeChat Work) bot webhook',
  provider: 'Tencent WeCom',
  severity: 'medium',
  kind: 'key',
  advice: 'token',
  description: 'WeCom group bot webhook key (qyapi.weixin.qq.com/cgi-bin/webhook/send?key=<uuid>)',
  detectors: [
    {
      keywords: ['qyapi.weixin.qq.com'],
      pattern: new RegExp(
        `qyapi\\.weixin\\.qq\\.com/cgi-bin/webhook/send\\?(?:[^\\s"'&]{0,40}&)?key=(?<secret>${UUID})(?![A-Za-z0-9-])`,
        'g',
      ),
    },
  ],
  shape: { minEntropy: 3 },
  examples: {
    positive: ['WECOM_WEBHOOK="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={{uuid}}"'],
    negative: [
      'WECOM_WEBHOOK="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${WECOM_KEY}"',
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693axxx6-7aoc-4bc4-97a0-0ec2sifa5aaa',
    ],
  },
};
