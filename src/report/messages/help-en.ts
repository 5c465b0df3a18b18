export const HELP_EN = `Usage: ak-hook <command> [options]

Stops cloud AccessKeys and account passwords from entering a Git commit.

Commands:
  check [paths...]   Scan the staged changes (the index against HEAD): exactly what the
                     commit will contain. With paths, only those files' staged changes.
  check --range <base>..<head>
                     Scan the lines added by those commits (each secret at the commit
                     that introduced it).
  check --pre-push   Scan the commits about to be pushed (git's pre-push hook input on
                     stdin): the defence against git commit --no-verify.
  scan               Scan every tracked file at HEAD (--index: the index instead).
  scan --history     Scan every commit; for each secret, the commit that introduced it.
  init               Make every git commit run ak-hook: adds one line to .husky/pre-commit
                     (installing husky when the project has no hooks), or to the hook in
                     an existing core.hooksPath. --lint-staged: add a lint-staged task
                     instead. --plain: no husky; pre-commit and pre-push scripts in
                     .git/hooks that stop the commit if ak-hook is missing. --dry-run:
                     only show what would change.
  uninstall          Remove what init added (--dry-run: only show it).
  rules              List the detection rules.
  allow <fp...> --reason "..." [--expires YYYY-MM-DD] [--config PATH]
                     Add allow entries for these fingerprints to the config file
                     (creates .akhookrc.json if there is none). --last: what the last
                     blocked run found.
  baseline           Record the findings already in the tracked files in
                     .akhook-baseline.json: check then blocks only new or changed ones.
  stale              List allow entries (and baselined findings) that match nothing in
                     the tracked files (exit 1 when there are some).
  verify             NETWORK, opt-in: ask each provider whether the keys found in the staged
                     changes are live, and whose (Alibaba/Tencent/AWS STS GetCallerIdentity,
                     GitHub GET /user). --range A..B, --scan, --history: other findings;
                     --stdin: one credential. --format json. Exit 1 when a key is live.
  doctor             Check that this clone really stops a key: hooks git will run, pre-push,
                     version, config, stale allow entries, .gitignore, CI (--history: secrets
                     in history). --fix: apply the safe fixes (--dry-run: show them).
                     Exit 1 when a check fails.

Options for check and scan:
  --format <f>       text (default: message on stderr), json or sarif (one document on stdout,
                     also when the run fails: {"error": ...} / executionSuccessful: false)
  -o, --output <file> Write the json or sarif document to this file (atomically) instead
  --config <path>    Use this config file instead of .akhookrc.json / package.json "ak-hook"
  --lang <en|zh>     Message language (default: from LC_ALL / LC_MESSAGES / LANG)
  --verbose          Also report clean runs, skipped files and where the config came from
  --git-backend <b>  native (the git binary), isomorphic (pure JavaScript, isomorphic-git)
                     or auto (default: native when git is on PATH)
  --max-file-size <n> Skip (with a note) files adding more than n bytes (e.g. 64MB; default:
                     no limit)
  --verify           check: also ask the providers whether the keys found are live (sends
                     them over HTTPS to the provider; see docs/verify-doctor.md)

General:
  -h, --help         Show this help
  -v, --version      Show the version

Exit codes:
  0  nothing blocking
  1  secrets found (the commit or push is blocked; scan: secrets found)
  2  usage, config or git error (the commit is blocked: ak-hook fails closed)
`;
