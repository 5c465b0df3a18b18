import { CONFIG_ZH } from './config-zh';
import type { ConfigTextId } from './config-en';
import { HELP_ZH } from './help-zh';
import type { Advice } from '../../detect/types';
import type { Messages, UnscannedItem } from './types';
import { integrationsZh } from './integrations-zh';
import { cliZh } from './cli-zh';

const WHY: Record<Advice, string> = {
  alibaba: 'AccessKey 是程序以您的账号调用阿里云 API 的唯一凭证：一旦泄露，可能导致数据泄露、服务器被挖矿和巨额账单。',
  'alibaba-sts': 'STS 临时凭证在过期前等同于您的账号权限；从日志和脚本中泄露的令牌几分钟内就会被利用。',
  cloud: '云访问密钥泄露后，任何读到它的人都可以以您的账号身份操作。',
  token: 'API 令牌泄露后，任何读到它的人都可以以您的身份使用该服务。',
  key: '私钥泄露后，任何读到它的人都可以以其所有者的身份登录、签名或解密（SSH 服务器、TLS 站点、发布签名、支付），直到所有信任其公钥的地方都不再信任它。',
  'shared-key':
    '共享密钥（VPN 静态密钥或 tls-crypt 密钥、Kerberos keytab、git-crypt 或 DNS TSIG 密钥）泄露后，任何读到它的人都能以共用它的主机身份解密、签名或登录，直到每一处都换用新密钥。',
  password: '提交到仓库的密码会被所有能访问仓库的人读到，并永久留在历史记录中。',
};

/** A list shown in one line: the first ten, then how many more (issue 9). */
const list = (xs: string[]) => (xs.length > 10 ? `${xs.slice(0, 10).join(', ')} (+${xs.length - 10})` : xs.join(', '));

const FIX: Record<Advice, string> = {
  alibaba:
    '请删除它，改为从环境变量（ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET）、凭证文件或密钥管理服务读取。请立即在 RAM 控制台轮换：创建新的 AccessKey、切换使用、禁用并删除这个旧的——暂存过的密钥可能已被复制到别处。请使用遵循最小权限原则的 RAM 用户，不要使用主账号 AccessKey，并在操作审计（ActionTrail）中检查该密钥的调用记录。',
  'alibaba-sts':
    '请删除它，让程序在运行时获取 STS 凭证（通过 SDK 凭证链调用 AssumeRole）。如果它仍然有效，请收紧角色权限策略，并在操作审计（ActionTrail）中检查调用记录。',
  cloud: '请删除它，改为从环境变量或密钥管理服务读取，并在云厂商控制台轮换该密钥。',
  token: '请删除它，改为从环境变量或密钥管理服务读取，并在对应服务中吊销该令牌。',
  key: '请把密钥文件从提交中移除（并加入 .gitignore）；生成新的密钥对，把新公钥安装到原来信任旧公钥的地方（authorized_keys、证书、商户平台），然后删除那里的旧公钥。',
  'shared-key':
    '请把密钥文件从提交中移除（并加入 .gitignore）；生成新密钥，部署到所有共用它的主机或对端，然后停用旧密钥（keytab：在 KDC 中修改该主体的密码或密钥版本）。',
  password: '请删除它，改为从环境变量或密钥管理服务读取，并修改该密码。',
};

// --- allowlist, baseline and the blocking message (issue 6): what to do now, step by step ---
const FIX_STEPS: Partial<Record<Advice, string[]>> = {
  alibaba: [
    '从文件中删除它；在运行时从环境变量（ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET）、凭证文件或密钥管理服务（KMS）读取。',
    '立即在 RAM 控制台轮换：创建新的 AccessKey，把程序切换到新密钥，禁用旧密钥，然后删除它。暂存过的密钥可能已被复制到别处。',
    '使用只授予所需权限（最小权限原则）的 RAM 用户，不要使用主账号的 AccessKey。',
    '在操作审计（ActionTrail）中检查该密钥的调用记录。',
  ],
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
  expiredEntry: (at, expires) => `允许条目 ${at} 已于 ${expires} 过期，不再生效。`,
  noChanges: 'ak-hook：没有暂存的改动需要检查。',
  errorPrefix: 'ak-hook：错误：',
  errorHint: (code, stopped = 'commit') => {
    // 停止的是什么：pre-commit 钩子中是提交，pre-push 中是推送，其他情况是扫描。
    const stop = { commit: '为安全起见已阻止本次提交', push: '为安全起见已阻止本次推送', scan: '扫描已停止', none: '' }[stopped];
    const then = (fix: string) => (stop ? `${fix}；${stop}。` : `${fix}。`);
    const hints: Record<string, string> = {
      E_USAGE: '运行 "ak-hook --help" 查看用法。',
      E_NOT_A_REPO: '请在 git 仓库中运行。',
      E_GIT_MISSING: '请安装 git，或将其加入 PATH（没有 git 时：npm i -D isomorphic-git，纯 JavaScript 读取器）。',
      E_GIT_FAILED: then('请用 "git status" 检查仓库'),
      E_GIT_OUTPUT: `git 输出异常${stop ? `；${stop}` : ''}，请报告此问题。`,
      E_CONFIG_PARSE: then('请修正配置文件（或用 --config 指定正确的文件）'),
      E_CONFIG_INVALID: then('请修正上面列出的条目'),
      E_PATH_OUTSIDE_REPO: '请传入仓库内的路径。',
      E_WRITE_FAILED: '请确保该文件及其所在目录可写后重试；未做任何修改。',
      // perf: backends
      E_GIT_UNSUPPORTED: then('请使用 --git-backend native 运行（需要 PATH 中有 git）'),
    };
    return hints[code] ?? `${stop ? stop + '，' : ''}请报告此问题。`;
  },
  configProblem: (p) => {
    const w = p.id !== undefined ? CONFIG_ZH[p.id as ConfigTextId]?.(p.args ?? {}) : undefined;
    const { message, hint } = w ?? p;
    return `  ${p.at}: ${message}${hint ? `（${hint}）` : ''}`;
  },
  // --- fail closed, no silent holes (issue 9) ---
  configChangeTitle: (files, base) =>
    base === undefined
      ? `ak-hook：本次提交修改了 ak-hook 配置（${files.join('、')}）。新配置对本次提交生效；与 HEAD 中的配置相比，它：`
      : `ak-hook：这些提交按 ak-hook 配置（${files.join('、')}）检查，它不同于${base === null ? '无配置（最早的提交没有父提交）' : `它们所基于的提交 ${base.slice(0, 12)} 中的配置`}；与之相比，当前生效的配置：`,
  configChangeExcluded: (paths, commits) =>
    `  把${commits ? '这些提交' : '本次提交'}中的 ${paths.length} 个文件排除在检查之外：${list(paths)}`,
  configChangeRulesOff: (ids) => `  关闭了 ${ids.length} 条规则：${list(ids)}`,
  configChangeAllowed: (n, commits) => `  放行了 ${n} 处${commits ? '之前的配置' : ' HEAD 中的配置'}会阻止的发现：`,
  configChangeReason: (by, entry) =>
    by === 'excluded'
      ? '文件被排除'
      : by === 'rule-off'
        ? '规则被关闭'
        : by === 'rule-settings'
          ? '规则设置被修改'
          : by === 'baseline'
            ? '基线'
            : entry !== undefined
              ? `allow[${entry}]`
              : by,
  configChangeFooter: '  如非有意，请取消暂存该配置改动（git restore --staged <文件>）后重新提交。',
  configChangeFooterCommits: (mode) => `  如非有意，请在一个新提交中撤销该配置改动后${mode === 'push' ? '重新推送' : '重新检查'}。`,
  unreadableTitle: (n, mode) =>
    `ak-hook：有 ${n} 个提交无法读取（对象缺失或损坏：部分克隆或仓库损坏？）。只扫描了能读取的提交；${mode === 'push' ? '已阻止本次推送' : '扫描已停止'}（退出码 2）：`,
  unreadableCommit: (sha, reason) => `  ${sha.slice(0, 12)}  ${reason}`,
  unreadableFix: '请用 "git fsck" 查看损坏情况；获取缺失的对象（git fetch --refetch）后重新扫描。',
  unreadableFilesTitle: (n) =>
    `ak-hook：有 ${n} 个被跟踪的文件无法读取（对象缺失：部分克隆或仓库损坏？）。只扫描了能读取的文件；扫描已停止（退出码 2）：`,
  // --- allowlist, baseline and the blocking message (issue 6) ---
  fixSteps: (a) => FIX_STEPS[a] ?? [FIX[a]],
  secretLabel: '密钥：',
  allowItLabel: '误报？',
  reasonPlaceholder: '说明为何安全',
  allowInline: (ruleId) => `或在该行或上一行加注释 "ak-hook-allow ${ruleId}"`,
  sameAsAbove: (location) => `处理方法：同上（${location}）`,
  summaryCounts: ({ found, allowed, baselined, expired }) =>
    `汇总：发现 ${found} 处，已放行 ${allowed} 处，基线忽略 ${baselined} 处，过期的放行条目 ${expired} 条。`,
  blockedFooter: '本次未提交任何内容：请修改（或放行）以上各处后重新提交。',
  expiredAllowEntry: (at, what, expires, reason) =>
    `${at}（${what}${reason ? `，"${reason}"` : ''}）已于 ${expires} 过期，不再放行任何内容：请更新 "expires" 或删除该条目。`,
  verboseConfig: (source, file) =>
    source === 'none'
      ? '配置：未找到'
      : `配置：${file}（读取自${source === 'index' ? '暂存区' : source === 'disk' ? '磁盘：未暂存' : ' --config'}）`,
  verboseBaseline: (source, file, entries) =>
    source === 'none' ? '基线：无' : `基线：${file}（${entries} 处，读取自${source === 'index' ? '暂存区' : '磁盘'}）`,
  allowWrote: (n, file, tracked) => `ak-hook：已向 ${file} 添加 ${n} 条放行条目。${tracked ? `请暂存以便钩子读取：git add ${file}` : ''}`,
  allowAlready: (fp) => `ak-hook：${fp} 已在放行列表中，未作改动。`,
  allowNothingLast: 'ak-hook：本仓库没有记录被阻止的运行，没有可放行的内容。',
  allowCannotEdit: (file, entries) => `ak-hook：${file} 是代码文件，不会被自动修改。请把以下条目加入其 "allow" 列表：\n${entries}`,
  baselineWrote: (n, file, skipped) =>
    `ak-hook：已写入 ${file}，共 ${n} 处（不含密钥和行号）${skipped > 0 ? `；跳过 ${skipped} 个大文件` : ''}。请提交它：git add ${file}`,
  staleNone: 'ak-hook：每条放行条目都匹配到了已跟踪文件中的内容。',
  staleHeader: (n, file) => `ak-hook：${file} 中有 ${n} 条放行条目在已跟踪文件中没有匹配（请删除）：`,
  staleEntry: (at, what, reason) => `  ${at}  ${what}${reason ? `  "${reason}"` : ''}`,
  staleBaseline: (n, file) => `ak-hook：${file} 中有 ${n} 处已不存在；运行 "ak-hook baseline" 可将其移除。`,
  // integrations (issue 4): commit ranges, pre-push, scan, init / uninstall
  ...integrationsZh,
  // detection catalogue (issue 3)
  pairedWith: (where) => `与 ${where} 属于同一凭证`,
  help: HELP_ZH,
  ...cliZh,
  // every added byte is scanned or listed (issue 9)
  unscanned: (items, more, max) => {
    const why = (i: UnscannedItem): string =>
      i.reason === 'too-large'
        ? i.format
          ? `${i.format} 内容超出读取上限`
          : `大于 maxFileSize（${max} 字节）`
        : i.reason === 'missing'
          ? `本仓库中没有该 ${i.format ?? 'git-lfs'} 对象`
          : i.reason === 'high-entropy'
            ? '内容近似随机：可能是压缩或加密数据'
            : `${i.format ? `${i.format}，` : ''}${i.reason === 'compressed' ? '压缩内容' : '加密内容'}`;
    const n = items.length + more;
    return `未扫描（${n} 个文件）：${items.map((i) => `${i.path}（${why(i)}）`).join('，')}${more > 0 ? `，另有 ${more} 个（见 --format json）` : ''}。`;
  },
  inFileName: '在文件名中',
};
