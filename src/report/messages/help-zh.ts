export const HELP_ZH = `用法：ak-hook <命令> [选项]

阻止云 AccessKey 和账号密码进入 Git 提交。

命令：
  check [路径...]    扫描暂存的改动（索引对比 HEAD）：正是本次提交将包含的内容。
                     给出路径时，只检查这些文件的暂存改动。
  check --range <base>..<head>
                     扫描这些提交新增的行（每处密钥报告在引入它的提交上）。
  check --pre-push   扫描即将推送的提交（从 stdin 读取 git pre-push 钩子的输入）：
                     防范 git commit --no-verify。
  scan               扫描 HEAD 中所有被跟踪的文件（--index：改为扫描索引）。
  scan --history     扫描所有提交；每处密钥报告引入它的提交。
  init               让每次 git commit 都运行 ak-hook：在 .husky/pre-commit 中加一行
                     （项目还没有钩子时会安装 husky），或加到现有 core.hooksPath 的钩子中。
                     --lint-staged：改为添加 lint-staged 任务。--plain：不用 husky，在
                     .git/hooks 中安装 pre-commit 和 pre-push 脚本（未安装 ak-hook 时阻止提交）。
                     --dry-run：只显示将要做的改动。
  uninstall          移除 init 添加的内容（--dry-run：只显示）。
  rules              列出检测规则。
  allow <指纹...> --reason "..." [--expires YYYY-MM-DD] [--config 路径]
                     把这些指纹加入配置文件的允许列表（没有配置文件时创建 .akhookrc.json）。
                     --last：允许上一次被阻止的运行所发现的全部内容。
  baseline           把被跟踪文件中已有的发现记录到 .akhook-baseline.json：
                     之后 check 只阻止新增或改动的密钥。
  stale              列出在被跟踪文件中已匹配不到任何内容的允许条目（及基线记录）
                     （存在时退出码为 1）。
  verify             联网，需显式运行：向服务商查询暂存改动中发现的密钥是否有效、属于谁
                     （阿里云/腾讯云/AWS STS GetCallerIdentity，GitHub GET /user）。
                     --range A..B、--scan、--history：其他来源的发现；--stdin：一个凭证。
                     --format json。有有效密钥时退出码为 1。
  doctor             检查这个克隆是否真的会拦截密钥：git 会运行的钩子、pre-push、版本、
                     配置、失效的放行条目、.gitignore、CI（--history：历史中的密钥）。
                     --fix：应用安全的修复（--dry-run：只显示）。有检查失败时退出码为 1。

check 与 scan 的选项：
  --format <f>       text（默认：说明输出到 stderr）、json 或 sarif（在 stdout 输出一个文档；
                     运行失败时也输出：{"error": ...} / executionSuccessful: false）
  -o, --output <file> 把 json 或 sarif 文档写入该文件（原子写入），不输出到 stdout
  --config <路径>    使用此配置文件，而不是 .akhookrc.json / package.json 的 "ak-hook"
  --lang <en|zh>     输出语言（默认取自 LC_ALL / LC_MESSAGES / LANG）
  --verbose          同时报告无发现的运行、跳过的文件以及配置来源
  --git-backend <b>  native（git 程序）、isomorphic（纯 JavaScript，isomorphic-git）
                     或 auto（默认：PATH 中有 git 时用 native）
  --max-file-size <n> 跳过（并注明）新增内容超过 n 字节的文件（如 64MB；默认不限）
  --verify           check：同时向服务商查询发现的密钥是否有效（会通过 HTTPS 发送给服务商；
                     见 docs/verify-doctor.md）

通用：
  -h, --help         显示本帮助
  -v, --version      显示版本

退出码：
  0  没有需要阻止的内容
  1  发现密钥（提交或推送被阻止；scan：发现密钥）
  2  用法、配置或 git 错误（提交同样被阻止：ak-hook 出错时不放行）
`;
