import type { SetupAction, SetupNote } from '../../setup/types';
import type { CommitsMode } from './types';
import type { integrationsEn } from './integrations-en';

const WHERE: Record<CommitsMode, string> = { push: '即将推送的提交中', range: '所扫描的提交中', history: '历史提交中' };

/** 集成功能的中文文本：提交范围、pre-push、scan、init / uninstall。 */
export const integrationsZh: typeof integrationsEn = {
  commitsBlockedTitle: (n, mode) => `ak-hook：${mode === 'push' ? '已阻止推送：' : ''}${WHERE[mode]}有 ${n} 处密钥`,
  commitHeader: (sha, author, date) => `提交 ${sha.slice(0, 12)}  ${author}  ${date}（在此引入）`,
  commitsClean: (commits, allowed) => `ak-hook：${commits} 个提交中未发现密钥${allowed > 0 ? `（${allowed} 处已按允许列表放行）` : ''}。`,
  commitsFooter: (mode) =>
    mode === 'push'
      ? '本次未推送任何内容。请从这些提交中删除密钥（git rebase -i、git commit --amend），轮换这些密钥后重新推送。'
      : '凡是进入过提交的密钥都必须轮换，即使后来的提交已将其删除。',
  treeBlockedTitle: (n) => `ak-hook：已跟踪的文件中有 ${n} 处密钥`,
  treeClean: (files, allowed) => `ak-hook：${files} 个已跟踪文件中未发现密钥${allowed > 0 ? `（${allowed} 处已按允许列表放行）` : ''}。`,
  treeFooter: '请从文件中删除这些密钥并轮换：它们也存在于历史提交中（ak-hook scan --history）。',
  progress: (done, total) => `ak-hook：正在扫描提交 ${done}/${total}`,
  setupAction: (a: SetupAction, dry) => {
    const w = dry ? '将' : '已';
    switch (a.kind) {
      case 'install-husky':
        return `${dry ? '将运行' : '已运行'}：${a.command}`;
      case 'prepare-script':
        return `${w}将 package.json 的 "scripts.prepare" 设为 "${a.value}"`;
      case 'run-husky':
        return `${dry ? '将运行' : '已运行'}：husky（设置 git config core.hooksPath=${a.hooksPath}）`;
      case 'create-hook':
        return `${w}创建 ${a.file}，运行 "${a.line}"`;
      case 'add-line':
        return `${w}在 ${a.file} 中加入 "${a.line}"`;
      case 'remove-line':
        return `${w}从 ${a.file} 中删除 "${a.line}"`;
      case 'delete-hook':
        return `${w}删除 ${a.file}（其中已没有其他内容）`;
      case 'add-task':
        return `${w}在 ${a.file} 中加入 lint-staged 任务 "${a.glob}": "${a.command}"`;
      case 'remove-task':
        return `${w}从 ${a.file} 中删除 lint-staged 任务 "${a.glob}": "${a.command}"`;
    }
  },
  setupNote: (n: SetupNote) => {
    switch (n.kind) {
      case 'pre-push-offer':
        return '如需同时扫描 git push 发送的内容（包括用 --no-verify 做的提交）：npx --no ak-hook init --pre-push';
      case 'pre-push-manual':
        return `${n.file} 已存在：请自行把这一行加进去，放在任何读取标准输入的命令之前：${n.line}`;
      case 'lint-staged-offer':
        return '本项目使用 lint-staged：ak-hook 作为单独一行在 lint-staged 之前运行（比作为 lint-staged 任务更快）。如需改为 lint-staged 任务：npx --no ak-hook init --lint-staged';
      case 'lint-staged-manual':
        return `lint-staged 配置在 ${n.file} 中，ak-hook 不会修改该文件。请在其中加入任务：${n.task}`;
      case 'hooks-path':
        return `git config core.hooksPath 为 "${n.hooksPath}"：钩子写在该目录中，未安装 husky。`;
      case 'hooks-outside':
        return `git 从仓库之外的 ${n.dir} 运行本仓库的钩子（全局 core.hooksPath，与其他仓库共用）：未做任何修改，ak-hook 在本仓库尚未生效。修复方法二选一：在 ${n.dir}/pre-commit 中加入这一行（之后使用这些钩子的每个仓库都会运行它）：${n.line}\n或让本仓库使用自己的钩子（全局钩子将不再在本仓库运行）：git config --local core.hooksPath .git/hooks && npx ak-hook init --plain`;
      case 'hook-not-shell':
        return `${n.file} 不是 shell 脚本（${n.shebang}）：未做任何修改，ak-hook 尚未生效。请让该钩子先运行下面的命令，并在它失败时终止提交：${n.line}`;
      case 'husky-kept':
        return 'husky 与 "prepare" 脚本保持不变（其他钩子可能在使用）。';
    }
  },
  setupNothing: 'ak-hook：已经设置好，未做任何修改。',
  setupNoPackageJson: (dir) =>
    `ak-hook：仓库根目录 ${dir} 中没有 package.json。请在 npm 项目的根目录运行 "ak-hook init"，或把纯 git 钩子安装到 .git/hooks：npx ak-hook init --plain`,
  uninstallNothing: 'ak-hook：没有需要删除的内容，未做任何修改。',
  setupCommandFailed: (command, detail) => `ak-hook："${command}" 运行失败；上面列出的步骤已完成，之后的步骤未执行。\n${detail}`,
};
