/** `ak-hook help <命令>` 与 `ak-hook <命令> --help`（中文）。 */
const SCAN_OPTIONS = `  --format <f>        text（默认：说明输出到 stderr）、json 或 sarif（在 stdout 输出一个文档）
  --config <路径>     使用此配置文件，而不是 .akhookrc.json / package.json 的 "ak-hook"
  --verbose           同时报告无发现的运行、跳过的文件以及配置来源`;
const GENERAL = `  --lang <en|zh>      输出语言（默认取自 LC_ALL / LC_MESSAGES / LANG）
  -q, --quiet         只输出发现和错误
  --no-color          不使用颜色（也可设 NO_COLOR=1；FORCE_COLOR=1 强制使用）
  -h, --help          显示本帮助`;
const EXIT_CODES = `退出码：0 没有需要阻止的内容，1 发现密钥（已阻止），2 用法、配置或 git 错误（同样阻止）。`;

export const COMMAND_HELP_ZH: Readonly<Record<string, string>> = {
  check: `用法：ak-hook check [路径...] [选项]
      ak-hook check --range <base>..<head>
      ak-hook check --pre-push [远程 地址]

扫描暂存的改动（索引对比 HEAD）：正是本次提交将包含的内容。给出路径时，只检查这些文件的暂存改动。

选项：
${SCAN_OPTIONS}
  --range <a>..<b>    扫描这些提交新增的行（每处密钥报告在引入它的提交上）
  --pre-push          扫描即将推送的提交（从 stdin 读取 git pre-push 钩子的输入）
  --git-backend <b>   native（git 程序）、isomorphic（纯 JavaScript，需要安装 isomorphic-git）
                      或 auto（默认：PATH 中有 git 时用 native）
  --max-file-size <n> 跳过（并注明）新增内容超过 n 字节的文件（如 64MB）
${GENERAL}

${EXIT_CODES}
`,
  scan: `用法：ak-hook scan [--index | --history] [选项]

扫描 HEAD 中所有被跟踪的文件（--index：改为扫描索引）；--history：扫描所有提交，每处密钥报告引入它的提交。

选项：
${SCAN_OPTIONS}
  --index             扫描索引而不是 HEAD
  --history           扫描所有提交
${GENERAL}

${EXIT_CODES}
`,
  init: `用法：ak-hook init [--pre-push] [--lint-staged | --plain] [--dry-run]

让每次 git commit 都运行 ak-hook：在 .husky/pre-commit 中加一行（项目还没有钩子时，用项目的包管理器安装 husky），
或加到现有 core.hooksPath 的钩子中。这一行放在钩子里已有的较慢步骤之前。

选项：
  --pre-push          同时在 pre-push 钩子中加入 ak-hook（扫描 git push 发送的内容）
  --lint-staged       改为添加 lint-staged 任务
  --plain             不用 husky：在 .git/hooks 中安装 pre-commit 和 pre-push 脚本
  --dry-run           只显示将要做的改动
${GENERAL}
`,
  uninstall: `用法：ak-hook uninstall [--dry-run]

移除 ak-hook init 添加的内容。

选项：
  --dry-run           只显示将要做的改动
${GENERAL}
`,
  rules: `用法：ak-hook rules [--format text|json]

列出检测规则。

选项：
  --format <f>        text（默认）或 json
${GENERAL}
`,
  allow: `用法：ak-hook allow <指纹...> --reason "..." [--expires YYYY-MM-DD] [--config 路径]
      ak-hook allow --last --reason "..."

把这些指纹加入配置文件的允许列表（没有配置文件时创建 .akhookrc.json）。--last：上一次被阻止的运行所发现的全部内容
（包括成对的 ID 与密钥）。必须给出理由，说明该值为何安全：审阅者会读到它。

选项：
  --reason <文字>     为什么这不是密钥（占位文字会被拒绝）
  --expires <日期>    此日期之后条目不再生效
  --last              上一次被阻止的运行所发现的内容
  --config <路径>     要编辑的配置文件
${GENERAL}
`,
  baseline: `用法：ak-hook baseline [--config 路径]

把被跟踪文件中已有的发现记录到 .akhook-baseline.json：之后 check 只阻止新增或改动的密钥。

选项：
  --config <路径>     使用此配置文件
${GENERAL}
`,
  stale: `用法：ak-hook stale [--config 路径]

列出在被跟踪文件中已匹配不到任何内容的允许条目（及基线记录）（存在时退出码为 1）。

选项：
  --config <路径>     使用此配置文件
${GENERAL}
`,
  verify: `用法：ak-hook verify [--range <a>..<b> | --scan | --history | --stdin] [选项]

联网，需显式运行。向服务商查询发现的密钥是否有效、属于谁：阿里云、腾讯云与 AWS 的
STS GetCallerIdentity，GitHub 的 GET /user。每次调用都不需要任何权限，也不做任何修改。
密钥只会发送到服务商的 HTTPS 端点（测试与专有云可用 AK_HOOK_ALIBABA_STS_ENDPOINT、
AK_HOOK_TENCENT_STS_ENDPOINT、AK_HOOK_AWS_STS_ENDPOINT、AK_HOOK_GITHUB_API_ENDPOINT 改写；
http:// 只允许回环地址）。结果均已打码：有效（附身份；主账号密钥会特别标出）、无效、未知。

密钥来源（默认：暂存的改动）：
  --range <a>..<b>    这些提交新增的行
  --scan              HEAD 中被跟踪的文件
  --history           全部提交
  --stdin             从标准输入读取一个凭证（"ID SECRET"、STS 三元组或一个令牌）

选项：
  --format <f>        text（默认）或 json：{ "results": [ { "ruleId", "file", "line",
                      "status", "identity", "root" } ] }
  --config <路径>     使用此配置文件
${GENERAL}

每次调用的超时：AK_HOOK_VERIFY_TIMEOUT_MS（默认 3000）。\`check --verify\` 会对被阻止的提交
做同样的查询；结果为“未知”时永远不会放行。
退出码：0 没有有效密钥，1 有有效密钥，2 用法、配置或 git 错误。
`,
  doctor: `用法：ak-hook doctor [--fix [--dry-run]] [--history] [选项]

检查这个克隆是否真的会拦截密钥，每项给出 正常 / 警告 / 失败 及修复命令：git 会运行调用
ak-hook 的 pre-commit 钩子（core.hooksPath、husky 的 .husky/_）、pre-push 钩子、已安装的版本
是否符合 package.json、配置、过期或失效的放行条目与基线、.gitignore 是否覆盖凭证文件、
是否有扫描推送范围的 CI 工作流。

选项：
  --fix               应用安全的修复（.gitignore 行、husky 的目录、pre-push 钩子），并逐条打印
  --dry-run           与 --fix 一起使用：只显示将要做的修改，不写入
  --history           同时汇总历史中的密钥
  --format <f>        text（默认）或 json：{ "checks": [ { "id", "status", "message", "fix" } ] }
  --config <路径>     使用此配置文件
${GENERAL}

退出码：0 没有失败的检查，1 有检查失败，2 用法或 git 错误。
`,
};
