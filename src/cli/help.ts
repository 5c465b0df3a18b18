export const HELP = `Usage: ak-hook <command> [options]

Stops cloud AccessKeys and account passwords from entering a Git commit.

Commands:
  check [paths...]   Scan the staged changes (the index against HEAD): exactly what the
                     commit will contain. With paths, only those files' staged changes.
  rules              List the detection rules.

Options for check:
  --format <f>       text (default: message on stderr) or json (one document on stdout)
  --config <path>    Use this config file instead of .akhookrc.json / package.json "ak-hook"
  --lang <en|zh>     Message language (default: from LC_ALL / LC_MESSAGES / LANG)
  --verbose          Also report clean runs, skipped files and where the config came from
  --git-backend <b>  native (the git binary), isomorphic (pure JavaScript, isomorphic-git)
                     or auto (default: native when git is on PATH)
  --max-file-size <n> Skip (with a note) files adding more than n bytes (e.g. 64MB, the
                     default; 0 scans everything)

General:
  -h, --help         Show this help
  -v, --version      Show the version

Exit codes:
  0  nothing blocking
  1  secrets found (the commit is blocked)
  2  usage, config or git error (the commit is blocked: ak-hook fails closed)
`;
