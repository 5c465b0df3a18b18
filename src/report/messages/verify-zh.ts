import type { VerifyMessages } from './verify-en';

const REASONS: Record<string, string> = {
  timeout: '在时限内没有响应',
  network: '网络错误',
  redirect: '接口返回了重定向（未跟随）',
  unsupported: 'ak-hook 无法验证这类密钥',
  'no-secret': '没有找到与该 ID 配对的密钥',
  'no-id': '没有找到与该密钥配对的 ID',
  'no-token': '临时密钥：没有找到它的会话令牌 / SecurityToken',
  'bad-response': '响应格式异常',
};

export const verifyZh: VerifyMessages = {
  liveCheckMade: (n, hosts) =>
    `ak-hook：已进行在线验证：${n} 个凭证已通过 HTTPS 发送到 ${hosts.join('、') || '（无）'}（GetCallerIdentity / GET /user：无需任何权限，不做任何修改）。`,
  noCredentials: 'ak-hook：没有需要验证的凭证。',
  status: (st) => ({ live: '有效', invalid: '无效', unknown: '未知' })[st],
  reason: (r) => REASONS[r] ?? (r.startsWith('http-') ? `HTTP ${r.slice(5)}` : `服务商返回 ${r}`),
  identity: (type, accountId, arn) => `${type}${accountId ? `，账号 ${accountId}` : ''}${arn ? `，${arn}` : ''}`,
  rootTitle: '主账号密钥：这个密钥属于主账号（根账号），拥有该账号下的全部权限。',
  rootAdvice: (alibaba) =>
    alibaba
      ? [
          '立即轮换：在控制台禁用并删除这个 AccessKey（只有在业务必须持续运行时才先创建新密钥并切换）。',
          '然后创建遵循最小权限原则（只授予程序所需权限）的 RAM 用户，改用它的 AccessKey。',
          '永远不要在代码中使用主账号密钥：为主账号开启 MFA，并在操作审计（ActionTrail）中检查该密钥的调用记录。',
        ]
      : [
          '立即轮换：在控制台禁用并删除这个密钥。',
          '然后创建遵循最小权限原则的子用户（IAM 用户 / CAM 子用户），改用它的密钥。',
          '永远不要在代码中使用主账号密钥，并在审计日志（CloudTrail / 云审计）中检查该密钥的调用记录。',
        ],
  liveAdvice: '仓库中出现过的有效密钥必须轮换，即使该提交从未推送。',
  summary: (live, invalid, unknown) => `ak-hook：有效 ${live} 个，无效 ${invalid} 个，未知 ${unknown} 个。`,
  invalidDowngraded: (n) =>
    `ak-hook：发现 ${n} 个密钥，服务商确认均已无效：由于配置中设置了 "verify": { "invalid": "warn" }，本次提交仅给出警告并放行。仍请删除它们。`,
  invalidStillBlocks: '无效的密钥默认仍会阻止提交（在配置中设置 "verify": { "invalid": "warn" } 可将无效密钥降级为警告）。',
  unknownBlocks: '结果为“未知”的凭证永远不会放行提交。',
  stdinNotCredential:
    '标准输入中没有 ak-hook 能验证的凭证：请给出 "ID SECRET"（阿里云 LTAI…、腾讯云 AKID…、AWS AKIA…）、"STS.… SECRET TOKEN"、"ASIA… SECRET SESSION_TOKEN"，或一个 GitHub 令牌',
};
