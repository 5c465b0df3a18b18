/** `ak-hook help <command>` and `ak-hook <command> --help`, in English. */
const SCAN_OPTIONS = `  --format <f>        text (default: message on stderr), json or sarif (one document on stdout)
  --config <path>     Use this config file instead of .akhookrc.json / package.json "ak-hook"
  --verbose           Also report clean runs, skipped files and where the config came from`;
const GENERAL = `  --lang <en|zh>      Message language (default: from LC_ALL / LC_MESSAGES / LANG)
  -q, --quiet         Print only findings and errors
  --no-color          No colours (also NO_COLOR=1; FORCE_COLOR=1 forces them)
  -h, --help          Show this help`;
const EXIT_CODES = `Exit codes: 0 nothing blocking, 1 secrets found (blocked), 2 usage, config or git error (blocked).`;

export const COMMAND_HELP_EN: Readonly<Record<string, string>> = {
  check: `Usage: ak-hook check [paths...] [options]
       ak-hook check --range <base>..<head>
       ak-hook check --pre-push [remote url]

Scans the staged changes (the index against HEAD): exactly what the commit will contain.
With paths, only those files' staged changes.

Options:
${SCAN_OPTIONS}
  --range <a>..<b>    Scan the lines added by those commits (each secret at the commit
                      that introduced it)
  --pre-push          Scan the commits about to be pushed (git's pre-push input on stdin)
  --git-backend <b>   native (the git binary), isomorphic (pure JavaScript, needs the
                      isomorphic-git package) or auto (default: native when git is on PATH)
  --max-file-size <n> Skip (with a note) files adding more than n bytes (e.g. 64MB)
${GENERAL}

${EXIT_CODES}
`,
  scan: `Usage: ak-hook scan [--index | --history] [options]

Scans every tracked file at HEAD (--index: the index instead), or with --history every
commit, reporting each secret at the commit that introduced it.

Options:
${SCAN_OPTIONS}
  --index             Scan the index instead of HEAD
  --history           Scan every commit
${GENERAL}

${EXIT_CODES}
`,
  init: `Usage: ak-hook init [--pre-push] [--lint-staged | --plain] [--dry-run]

Makes every git commit run ak-hook: adds one line to .husky/pre-commit (installing husky
with the project's package manager when the project has no hooks), or to the hook in an
existing core.hooksPath. The line goes before slower steps already in the hook.

Options:
  --pre-push          Also add ak-hook to the pre-push hook (scans what git push sends)
  --lint-staged       Add a lint-staged task instead of a hook line
  --plain             No husky: pre-commit and pre-push scripts in .git/hooks
  --dry-run           Only show what would change
${GENERAL}
`,
  uninstall: `Usage: ak-hook uninstall [--dry-run]

Removes what ak-hook init added.

Options:
  --dry-run           Only show what would change
${GENERAL}
`,
  rules: `Usage: ak-hook rules [--format text|json]

Lists the detection rules.

Options:
  --format <f>        text (default) or json
${GENERAL}
`,
  allow: `Usage: ak-hook allow <fingerprint...> --reason "..." [--expires YYYY-MM-DD] [--config PATH]
       ak-hook allow --last --reason "..."

Adds allow entries for these fingerprints to the config file (creates .akhookrc.json when
there is none). --last: everything the last blocked run found (an id and its secret too).
The reason is required and must say why the value is safe: reviewers read it.

Options:
  --reason <text>     Why this is not a secret (a placeholder is refused)
  --expires <date>    The entry stops applying after this date
  --last              What the last blocked run found
  --config <path>     The config file to edit
${GENERAL}
`,
  baseline: `Usage: ak-hook baseline [--config PATH]

Records the findings already in the tracked files in .akhook-baseline.json: check then
blocks only new or changed ones.

Options:
  --config <path>     Use this config file
${GENERAL}
`,
  stale: `Usage: ak-hook stale [--config PATH]

Lists allow entries (and baselined findings) that match nothing in the tracked files
(exit 1 when there are some).

Options:
  --config <path>     Use this config file
${GENERAL}
`,
  verify: `Usage: ak-hook verify [--range <a>..<b> | --scan | --history | --stdin] [options]

NETWORK, opt-in. Asks each provider whether the keys found are live, and whose they are:
Alibaba Cloud, Tencent Cloud and AWS STS GetCallerIdentity, GitHub GET /user. Each call needs
no permission and changes nothing. Secrets go only to the provider's HTTPS endpoint (override
for tests and private clouds: AK_HOOK_ALIBABA_STS_ENDPOINT, AK_HOOK_TENCENT_STS_ENDPOINT,
AK_HOOK_AWS_STS_ENDPOINT, AK_HOOK_GITHUB_API_ENDPOINT; http:// only to a loopback address).
Results are masked: live (with the identity; a root-account key is flagged), invalid, unknown.

Where the keys come from (default: the staged changes):
  --range <a>..<b>    The lines added by those commits
  --scan              The tracked files at HEAD
  --history           Every commit
  --stdin             One credential on standard input ("ID SECRET", an STS triple, or a token)

Options:
  --format <f>        text (default) or json: { "results": [ { "ruleId", "file", "line",
                      "status", "identity", "root" } ] }
  --config <path>     Use this config file
${GENERAL}

Timeout per call: AK_HOOK_VERIFY_TIMEOUT_MS (default 3000). \`check --verify\` runs the same
check on a blocked commit; an unknown result never unblocks it.
Exit codes: 0 no key is live, 1 a key is live, 2 usage, config or git error.
`,
  doctor: `Usage: ak-hook doctor [--fix [--dry-run]] [--history] [options]

Checks that this clone really stops a key, each check ok / warn / fail with the command that
fixes it: git will run a pre-commit hook that calls ak-hook (core.hooksPath, husky's .husky/_),
the pre-push hook, the installed version against package.json, the config, expired or stale
allow entries and baseline, .gitignore covering credential files, a CI workflow scanning
pushed ranges.

Options:
  --fix               Apply the safe fixes (.gitignore lines, husky's folder, the pre-push
                      hook) and print each change
  --dry-run           With --fix: show the changes, write nothing
  --history           Also summarise the secrets in the history
  --format <f>        text (default) or json: { "checks": [ { "id", "status", "message", "fix" } ] }
  --config <path>     Use this config file
${GENERAL}

Exit codes: 0 no check fails, 1 a check fails, 2 usage or git error.
`,
};
