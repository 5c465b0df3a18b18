export const HELP = `Usage: ak-hook <command> [options]

Stops cloud AccessKeys and account passwords from entering a Git commit.

Commands:
  check [paths...]   Scan the staged changes (the index against HEAD): exactly what the
                     commit will contain. With paths, only those files' staged changes.
  rules              List the detection rules.
  allow <fp...> --reason "..." [--expires YYYY-MM-DD] [--config PATH]
                     Add allow entries for these fingerprints to the config file
                     (creates .akhookrc.json if there is none). --last: what the last
                     blocked run found.
  baseline           Record the findings already in the tracked files in
                     .akhook-baseline.json: check then blocks only new or changed ones.
  stale              List allow entries (and baselined findings) that match nothing in
                     the tracked files (exit 1 when there are some).

Options for check:
  --format <f>       text (default: message on stderr) or json (one document on stdout)
  --config <path>    Use this config file instead of .akhookrc.json / package.json "ak-hook"
  --lang <en|zh>     Message language (default: from LC_ALL / LC_MESSAGES / LANG)
  --verbose          Also report clean runs, skipped files and where the config came from

General:
  -h, --help         Show this help
  -v, --version      Show the version

Exit codes:
  0  nothing blocking
  1  secrets found (the commit is blocked)
  2  usage, config or git error (the commit is blocked: ak-hook fails closed)
`;
