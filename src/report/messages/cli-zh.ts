import { COMMAND_HELP_ZH } from './command-help-zh';
import type { ErrorTextArgs, ErrorTextId, Messages } from './types';

const q = (s: string | undefined) => (s ? `（你是不是想输入 "${s}"？）` : '');

const ERRORS: Record<ErrorTextId, (a: ErrorTextArgs) => string> = {
  noCommand: () => '没有给出命令：钩子中应写 "ak-hook check"（用法见上）',
  unknownCommand: (a) => `未知命令 "${a.name}"${q(a.suggestion)}`,
  unknownOption: (a) => `"${a.command}" 没有选项 ${a.option}${q(a.suggestion)}（可用选项：${a.options}）`,
  optionNeedsValue: (a) => `选项 ${a.option} 需要一个值`,
  optionTakesNoValue: (a) => `选项 ${a.option} 不接受值`,
  noArguments: (a) => `"${a.command}" 不接受参数`,
  badLang: (a) => `--lang 只能是 en 或 zh，收到的是 "${a.value}"`,
  badFormat: (a) =>
    `--format 只能是 ${(a.allowed ?? '')
      .split('|')
      .join('、')
      .replace(/、([^、]*)$/, ' 或 $1')}，收到的是 "${a.value}"`,
  badSize: (a) => `--max-file-size 应为 64MB、500KB 这样的大小，收到的是 "${a.value}"`,
  badBackend: (a) => `--git-backend 只能是 native、isomorphic 或 auto，收到的是 "${a.value}"`,
  rangeAndPrePush: () => '--range 与 --pre-push 不能同时使用',
  prePushStdin: () => '--pre-push 从标准输入读取 git 的引用列表',
  rangeNoPaths: () => '--range 扫描整个提交：不接受路径',
  historyAndIndex: () => '--history 与 --index 不能同时使用',
  reasonMissing: () => 'allow 需要 --reason "…"：说明为什么这不是密钥（审阅者会读到）',
  reasonPlaceholder: (a) => `--reason "${a.value}" 是占位文字：请说明该值为何安全（审阅者会读到）`,
  badExpires: (a) => `--expires 应为 YYYY-MM-DD 格式的日期，收到的是 "${a.value}"`,
  expiresPast: (a) => `--expires ${a.value} 不晚于今天（${a.today}）：该条目不会允许任何内容`,
  badFingerprint: (a) => `不是指纹："${a.value}"（应为 akfp1: 后跟 32 位十六进制数字）`,
  allowNothing: () => 'allow 需要指纹，或 --last',
  notARepo: (a) => `${a.dir} 不在 git 工作区内`,
  gitMissing: () => '在 PATH 中找不到 git',
  isomorphicMissing: () => 'PATH 中没有 git 程序，也没有安装 isomorphic-git（纯 JavaScript 读取器）',
  outsideRepo: (a) => `${a.path} 不在仓库内`,
  notARevision: (a) => `不是有效的版本："${a.value}"`,
  outputNeedsFormat: () => '--output 需要同时给出 --format json 或 sarif',
};

/** Errors without a text id (their detail is git's own words or a path): a Chinese title first. */
const TITLES: Record<string, string> = {
  E_USAGE: '用法错误',
  E_NOT_A_REPO: '不是 git 仓库',
  E_GIT_FAILED: 'git 执行失败',
  E_GIT_MISSING: '找不到 git',
  E_GIT_OUTPUT: 'git 输出异常',
  E_CONFIG_PARSE: '配置文件无法解析',
  E_CONFIG_INVALID: '配置文件有误',
  E_PATH_OUTSIDE_REPO: '路径不在仓库内',
  E_WRITE_FAILED: '写入失败',
  E_INTERNAL: '内部错误',
  E_GIT_UNSUPPORTED: '此读取器无法准确读取该仓库',
};

/** Chinese names of the rules (the rule files keep their English name). */
const RULE_NAMES: Record<string, string> = {
  'alibaba-access-key-id': '阿里云 AccessKey ID',
  'alibaba-access-key-secret': '阿里云 AccessKey Secret',
  'alibaba-acr-password': '阿里云容器镜像服务（ACR）密码',
  'alibaba-api-gateway-appcode': '阿里云云市场 AppCode',
  'alibaba-dashscope-api-key': '阿里云百炼 / DashScope API Key',
  'alibaba-sts-access-key-id': '阿里云 STS AccessKey ID',
  'alibaba-sts-security-token': '阿里云 STS SecurityToken',
  'alibaba-sts-access-key-secret': '阿里云 STS AccessKey Secret',
  'anthropic-api-key': 'Anthropic API Key',
  'aws-access-key-id': 'AWS 访问密钥 ID',
  'aws-secret-access-key': 'AWS 秘密访问密钥',
  'azure-storage-account-key': 'Azure 存储账户密钥',
  'baidu-cloud-access-key': '百度智能云 AccessKey',
  'cli-password': '命令行中的密码',
  'connection-string-password': '连接串或 URL 中的密码',
  'dingtalk-robot-token': '钉钉机器人 access_token',
  'dingtalk-robot-secret': '钉钉机器人加签密钥',
  'docker-login-password': 'docker login 密码',
  'gcp-service-account-key': 'Google Cloud 服务账号密钥',
  'gcp-api-key': 'Google API Key',
  'github-token': 'GitHub 令牌',
  'gitlab-token': 'GitLab 令牌',
  'http-basic-auth': 'HTTP Basic 认证凭据',
  'huawei-cloud-access-key': '华为云 AK/SK',
  'feishu-webhook': '飞书机器人 Webhook',
  'wecom-webhook': '企业微信机器人 Webhook',
  'jdcloud-access-key': '京东云 AccessKey',
  'netrc-password': '.netrc 密码',
  'npm-token': 'npm 访问令牌',
  'npmrc-auth': '.npmrc 基本认证',
  'openai-api-key': 'OpenAI API Key',
  'password-assignment': '硬编码的密码',
  'private-key': '私钥（PEM）',
  's3cfg-secret-key': 's3cmd / S3 兼容存储的密钥',
  'slack-token': 'Slack 令牌或 Webhook',
  'stripe-secret-key': 'Stripe 生产环境密钥',
  'tencent-cloud-secret-id': '腾讯云 SecretId',
  'tencent-cloud-secret-key': '腾讯云 SecretKey',
  'volcengine-access-key': '火山引擎 AccessKey',
  'generic-secret': '密钥类名称下的密钥',
  'infra-password': '基础设施配置中的密码',
};

/** Chinese texts of the CLI shell: per-command help, typed errors by id, rule names. */
export const cliZh: Pick<Messages, 'commandHelp' | 'errorText' | 'errorTitle' | 'ruleName' | 'dryRunHeader' | 'allowLastHint'> = {
  commandHelp: (name) => COMMAND_HELP_ZH[name],
  errorText: (id, args) => ERRORS[id]?.(args),
  errorTitle: (code) => TITLES[code],
  ruleName: (id, name) => RULE_NAMES[id] ?? name,
  dryRunHeader: (command) => `ak-hook：试运行，未写入任何内容。ak-hook ${command} 将会：`,
  allowLastHint: (command) => `逐一确认后，可一次放行以上全部：${command}`,
};
