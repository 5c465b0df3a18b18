import type { Advice } from '../../detect/types';
import type { Messages } from './types';
import { integrationsZh } from './integrations-zh';

const WHY: Record<Advice, string> = {
  alibaba: 'AccessKey 是程序以您的账号调用阿里云 API 的唯一凭证：一旦泄露，可能导致数据泄露、服务器被挖矿和巨额账单。',
  'alibaba-sts': 'STS 临时凭证在过期前等同于您的账号权限；从日志和脚本中泄露的令牌几分钟内就会被利用。',
  cloud: '云访问密钥泄露后，任何读到它的人都可以以您的账号身份操作。',
  token: 'API 令牌泄露后，任何读到它的人都可以以您的身份使用该服务。',
  password: '提交到仓库的密码会被所有能访问仓库的人读到，并永久留在历史记录中。',
};

const FIX: Record<Advice, string> = {
  alibaba:
    '请删除它，改为从环境变量（ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET）、凭证文件或密钥管理服务读取。请立即在 RAM 控制台轮换：创建新的 AccessKey、切换使用、禁用并删除这个旧的——暂存过的密钥可能已被复制到别处。请使用遵循最小权限原则的 RAM 用户，不要使用主账号 AccessKey，并在操作审计（ActionTrail）中检查该密钥的调用记录。',
  'alibaba-sts':
    '请删除它，让程序在运行时获取 STS 凭证（通过 SDK 凭证链调用 AssumeRole）。如果它仍然有效，请收紧角色权限策略，并在操作审计（ActionTrail）中检查调用记录。',
  cloud: '请删除它，改为从环境变量或密钥管理服务读取，并在云厂商控制台轮换该密钥。',
  token: '请删除它，改为从环境变量或密钥管理服务读取，并在对应服务中吊销该令牌。',
  password: '请删除它，改为从环境变量或密钥管理服务读取，并修改该密码。',
};

export const zh: Messages = {
  blockedTitle: (n) => `ak-hook：已阻止提交：暂存的改动中有 ${n} 处密钥`,
  why: (a) => WHY[a],
  fix: (a) => FIX[a],
  allowHow: (file) =>
    `误报？在该行或上一行加注释 "ak-hook-allow <规则 id>"（任意注释语法均可），或把该处的 "allow" 条目粘贴到 ${file} 的 "allow" 列表中并填写 reason。`,
  allowLabel: '放行条目：',
  whyLabel: '为什么重要：',
  fixLabel: '现在该做什么：',
  summaryBlocked: (found, allowed) =>
    `已阻止 ${found} 处密钥${allowed > 0 ? `，${allowed} 处已按允许列表放行` : ''}。本次未提交任何内容；请修改以上各行后重新提交。`,
  summaryClean: (scanned, allowed) =>
    `ak-hook：${scanned} 个暂存文件中未发现密钥${allowed > 0 ? `（${allowed} 处已按允许列表放行）` : ''}。`,
  binarySkipped: (n) => `已跳过 ${n} 个二进制文件。`,
  expiredEntry: (at, expires) => `允许条目 ${at} 已于 ${expires} 过期，不再生效。`,
  noChanges: 'ak-hook：没有暂存的改动需要检查。',
  errorPrefix: 'ak-hook：错误：',
  errorHint: (code) =>
    ({
      E_USAGE: '运行 "ak-hook --help" 查看用法。',
      E_NOT_A_REPO: '请在 git 仓库中运行。',
      E_GIT_MISSING: '请安装 git，或将其加入 PATH。',
      E_GIT_FAILED: '请用 "git status" 检查仓库；为安全起见已阻止本次提交。',
      E_GIT_OUTPUT: 'git 输出异常；为安全起见已阻止本次提交，请报告此问题。',
      E_CONFIG_PARSE: '请修正配置文件（或用 --config 指定正确的文件）；为安全起见已阻止本次提交。',
      E_CONFIG_INVALID: '请修正上面列出的条目；为安全起见已阻止本次提交。',
      E_PATH_OUTSIDE_REPO: '请传入仓库内的路径。',
    })[code] ?? '为安全起见已阻止本次提交，请报告此问题。',
  configProblem: (at, message, hint) => `  ${at}: ${message}${hint ? `（${hint}）` : ''}`,
  // integrations (issue 4): commit ranges, pre-push, scan, init / uninstall
  ...integrationsZh,
};
