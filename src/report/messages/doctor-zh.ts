import type { CheckId } from '../../doctor/types';
import type { DoctorMessages } from './doctor-en';
import { SUGGEST_DOCTOR } from './doctor-suggest';
import { cliZh } from './cli-zh';
import type { ConfigTextId } from './config-en';
import { CONFIG_ZH } from './config-zh';
import type { ErrorTextId } from './types';

type P = Record<string, string | number>;
const n = (v: string | number | undefined) => Number(v ?? 0);

/** A config problem's (or config error's) words in Chinese, from the id and data doctor kept. */
function detailZh(p: P): string | number {
  if (typeof p.problemId === 'string') {
    const w = CONFIG_ZH[p.problemId as ConfigTextId]?.(JSON.parse(String(p.problemArgs ?? '{}')));
    if (w) return `${p.at}: ${w.message}${w.hint ? `（${w.hint}）` : ''}`;
  }
  if (typeof p.textId === 'string') {
    const t = cliZh.errorText(p.textId as ErrorTextId, JSON.parse(String(p.textArgs ?? '{}')));
    if (t) return t;
  }
  return p.detail;
}

const MESSAGES: Record<string, (p: P) => string> = {
  'hook-ok': (p) =>
    `git 会运行 ${p.file}，且它会运行 ak-hook${p.hooksPath ? `（core.hooksPath ${p.hooksPath}，来自 ${p.scope} 配置）` : ''}。`,
  'husky-dir-missing': (p) =>
    `core.hooksPath 是 ${p.dir}，但该目录不存在（新的 worktree，或 husky 从未在此运行）：git 不会运行任何钩子，且不会提示。`,
  'husky-not-installed': (p) =>
    `core.hooksPath 是 ${p.dir}，但该目录不存在，且 husky 未安装（缺少 node_modules：请先运行 npm ci）：git 不会运行任何钩子。`,
  'husky-sparse': (p) => `稀疏检出（sparse checkout）没有检出 ${p.dir}：husky 的钩子不存在，git 不会运行任何钩子，且不会提示。`,
  'hooks-path-missing': (p) => `core.hooksPath（${p.scope} 配置）指向 ${p.dir}，但该目录不存在：git 不会运行任何钩子，且不会提示。`,
  'hook-missing': (p) => `${p.file} 不存在：提交前没有任何东西运行 ak-hook。`,
  'hook-not-executable': (p) => `${p.file} 没有可执行权限：git 会跳过它（只给出一条提示）。`,
  'hook-no-ak-hook': (p) => `${p.file} 没有运行 ak-hook（lint-staged 或 pre-commit 的配置中也没有 ak-hook）。`,
  'push-ok': (p) => `${p.file} 会运行 ak-hook check --pre-push。`,
  'push-missing': (p) => `没有运行 ak-hook 的 pre-push 钩子（${p.file}）：用 --no-verify 做的提交会不经检查被推送。`,
  'push-other': (p) => `${p.file} 存在，但没有运行 ak-hook check --pre-push。`,
  'push-not-executable': (p) => `${p.file} 没有可执行权限：git 会跳过它。`,
  'push-hooks-dir-missing': (p) => `钩子目录 ${p.dir} 不存在（见 pre-commit 检查）。`,
  'version-not-dependency': (p) => `此处运行的是 ak-hook ${p.running}；package.json 中没有把它列为依赖。`,
  'version-not-installed': (p) => `package.json 要求 ak-hook ${p.range}，但 node_modules 中没有安装。`,
  'version-mismatch': (p) => `package.json 要求 ak-hook ${p.range}，但 node_modules 中是 ${p.installed}。`,
  'version-running-differs': (p) =>
    `node_modules 中是 ak-hook ${p.installed}，但当前运行的是 ak-hook ${p.running}（另一份安装，例如全局安装）。`,
  'version-ok': (p) => `已安装 ak-hook ${p.installed}，符合 package.json 的要求（${p.range}）。`,
  'version-unknown-range': (p) => `已安装 ak-hook ${p.installed}（package.json：${p.range}）。`,
  'config-none': () => '没有配置文件：使用默认设置。',
  'config-ok': (p) => `${p.file} 有效。`,
  'config-invalid': (p) => `${p.file} 无效（${p.count} 个问题；第一个：${detailZh(p)}）：每次检查和提交都会因此停止。`,
  'allowlist-ok': () => '没有过期或失效的放行条目，基线也是最新的。',
  'allowlist-stale': (p) => `${n(p.expired)} 个放行条目已过期，${n(p.unused)} 个已失效，基线中有 ${n(p.baseline)} 处发现已不在文件中。`,
  'allowlist-skipped': () => '已跳过：配置无效。',
  'gitignore-ok': () => '.gitignore 已覆盖凭证文件（.env*、密钥文件、.aliyun/、.ossutilconfig、credentials），并保留 .env.example。',
  'gitignore-missing': (p) => `.gitignore 没有覆盖：${p.lines}`,
  'ci-ok': (p) => `${p.file} 会对推送的提交范围运行 ak-hook。`,
  'ci-no-range': (p) => `${p.file} 运行了 ak-hook，但没有检查推送的提交范围（check --range）。`,
  'ci-no-ak-hook': (p) => `没有 CI 工作流运行 ak-hook（${p.files}）：用 --no-verify 做的提交会不经检查进入仓库。`,
  'ci-missing': () => '没有 CI 工作流（GitHub Actions、GitLab CI）对推送的提交运行 ak-hook。',
  'history-clean': (p) => `历史记录中的 ${p.commits} 个提交里没有密钥。`,
  'history-secrets': (p) =>
    `历史记录中有 ${p.secrets} 处密钥，分布在 ${p.commits} 个提交中（${p.rules}）：必须轮换，只从文件中删除是不够的。`,
  'check-error': (p) => `无法检查：${detailZh({ ...p, detail: p.error })}`,
};

const NAMES: Record<CheckId, string> = {
  'pre-commit-hook': 'pre-commit 钩子',
  'pre-push-hook': 'pre-push 钩子',
  version: '版本',
  config: '配置',
  allowlist: '放行列表',
  gitignore: '.gitignore',
  ci: 'CI',
  history: '历史记录',
};

export const doctorZh: DoctorMessages = {
  checkName: (id) => NAMES[id],
  status: (st) => ({ ok: '正常', warn: '警告', fail: '失败' })[st],
  message: (code, p) => (MESSAGES[code] ?? (() => code))(p),
  fixLabel: '修复：',
  change: (a, dry, ok, error) => {
    const what =
      a.kind === 'append-gitignore'
        ? `向 .gitignore 追加：${a.lines.join(' ')}`
        : a.kind === 'run-husky'
          ? '重新创建 .husky/_（node node_modules/husky/bin.js）'
          : a.kind === 'append-hook-line'
            ? `向 ${a.file} 添加 "${a.line}"`
            : `安装 ${a.file}（ak-hook 的 hooks/pre-push 的副本）`;
    return `${dry ? '将会：' : ok ? '已完成：' : '失败：'}${what}${error ? `（${error}）` : ''}`;
  },
  noSafeFix: 'doctor 无法自动修复这些问题：请运行上面的修复命令。',
  after: '修复之后：',
  summary: (fail, warn, ok) => `ak-hook doctor：失败 ${fail} 项，警告 ${warn} 项，正常 ${ok} 项。`,
  suggestDoctor: SUGGEST_DOCTOR.zh,
};
