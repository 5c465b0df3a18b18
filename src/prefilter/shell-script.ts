import { CONFIG_FILES, PACKAGE_KEY } from '../config/load';
import { secretPartOf } from '../detect/patterns';
import type { Rule } from '../detect/types';
import { stagedDiffArgs } from '../git/native';
import { addedFilesArgs } from '../git/native-new-files';
import { DROPPED_ENV, hardenedArgs } from '../git/run';
import { MAGICS } from '../scan/unscannable';
import { KEY_FILE_HEADS } from '../detect/keys/key-file';

/** Single-quotes a word for sh. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function escapeEre(s: string): string {
  return s.replace(/[.[\]()*+?{}|^$\\]/g, '\\$&');
}

/**
 * A keyword as the byte strings it can have in a staged line: its UTF-8 bytes and, for a
 * non-ASCII keyword, its GB18030 bytes (the two ways ak-hook decodes a line), each escaped for
 * an ERE and held one byte per char (latin1). Null when a non-ASCII keyword has case variants
 * (grep -i folds ASCII only).
 */
function keywordByteForms(k: string): string[] | null {
  if (/^[\x00-\x7f]*$/.test(k)) return [escapeEre(k)];
  if (k.toUpperCase() !== k.toLowerCase()) return null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const iconv = require('iconv-lite') as typeof import('iconv-lite');
  return [Buffer.from(k, 'utf8'), iconv.encode(k, 'gb18030')].map((b) => escapeEre(b.toString('latin1')));
}

/**
 * The ERE the prefilter greps for (case-insensitively, bytes in the C locale), one byte per
 * char (latin1), or null when a detector cannot be prefiltered: then the hook always runs node.
 * Every finding needs an added line matching one of these: a keyword of a keyword detector (the
 * engine never runs one on a line without its keyword), or, for a keyword-less detector, its
 * declared `candidate` or the secret part of a pattern built by detect/patterns.
 */
export function prefilterPattern(rules: readonly Rule[]): string | null {
  const alt = prefilterAlternation(rules);
  // Only added lines ('+' lines; '+++' headers too, which only costs a needless node run), and
  // the names renames and copies add (a key in a file name blocks too).
  return alt === null ? null : `^(\\+|rename to |copy to ).*${alt}`;
}

/** The group of keywords and candidates of prefilterPattern, matched anywhere in a line (for whole new blobs). */
export function prefilterAlternation(rules: readonly Rule[]): string | null {
  const alts = new Set<string>();
  for (const r of rules) {
    for (const d of r.detectors) {
      if (d.keywords.length > 0 && !d.fileContext) {
        for (const k of d.keywords) {
          const forms = keywordByteForms(k.toLowerCase());
          if (!forms) return null;
          for (const f of forms) alts.add(f);
        }
      } else {
        // Plain ERE only (no escapes, no JavaScript-only groups): it then means the same to grep -E.
        const c = d.candidate ?? secretPartOf(d.pattern);
        if (c === undefined || !/^[\x20-\x7e]+$/.test(c) || /\\|\(\?/.test(c)) return null;
        alts.add(c);
      }
    }
  }
  return alts.size > 0 ? `(${[...alts].join('|')})` : null;
}

/**
 * The first bytes of every format listed as not scanned (compressed, encrypted) and of every key
 * file in binary form (detect/keys/key-file), as an ERE
 * alternation matched at a line start: a file starting so must reach node, which lists it. A
 * magic is cut at its first NUL or LF (a NUL sends the file to node anyway; grep sees lines).
 */
export function magicAlternation(): string {
  const alts = new Set<string>();
  const heads = [...MAGICS.map((m) => [...Array<number>(m.at ?? 0).fill(-1), ...m.bytes]), ...KEY_FILE_HEADS];
  for (const bytes of heads) {
    const cut = bytes.findIndex((x) => x === 0 || x === 0x0a);
    const head = cut < 0 ? bytes : bytes.slice(0, cut);
    if (head.length === 0 || head.every((x) => x === -1)) continue;
    alts.add(head.map((x) => (x === -1 ? '.' : escapeEre(String.fromCharCode(x)))).join(''));
  }
  return `(${[...alts].join('|')})`;
}

/** ERE of a package.json line that only declares a dependency on `name` (a string value). */
export function dependencyLine(name: string): string {
  return `^[[:space:]]*"${escapeEre(name)}"[[:space:]]*:[[:space:]]*"[^"]*"[[:space:]]*,?[[:space:]]*$`;
}

/** ERE of the package's own name line (`"name": "ak-hook"`, in this project itself). */
export function nameLine(name: string): string {
  return `^[[:space:]]*"name"[[:space:]]*:[[:space:]]*"${escapeEre(name)}"[[:space:]]*,?[[:space:]]*$`;
}

/** A printf format that prints `s` (latin1 chars = bytes): backslashes, % and bytes >= 0x80 escaped. */
function printfBytes(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '\\') out += '\\\\';
    else if (ch === '%') out += '%%';
    else if (ch === "'") out += "'\\''";
    else if (c >= 0x80 || c < 0x20) out += '\\' + c.toString(8).padStart(3, '0');
    else out += ch;
  }
  return out;
}

/**
 * `ak-hook-pre-commit`: the hook entry. It runs `ak-hook check`, but first proves a clean
 * commit without starting node when it can: the staged diff (the very diff node would read,
 * same hardened flags) holds no keyword, no candidate and no NUL byte (UTF-16 text goes to
 * node). Anything else (arguments, a config file, a git error, an unborn HEAD, a grep that
 * fails its self-test) runs node.
 */
const NO_NODE_EN =
  "ak-hook: node was not found on PATH, so the check could not run. The commit was stopped. Git GUIs and IDEs often run hooks with a short PATH: start the client from a terminal, or add node's folder to the PATH it sees.";
const NO_NODE_ZH =
  'ak-hook：在 PATH 中找不到 node，无法运行检查，已阻止本次提交。图形化 Git 客户端和 IDE 运行钩子时 PATH 往往较短：请从终端启动客户端，或把 node 所在目录加入它的 PATH。';

export function preCommitScript(rules: readonly Rule[]): string {
  const pattern = prefilterPattern(rules);
  const quote = (args: string[]) => ['git', ...hardenedArgs(args)].map((a) => (/^[A-Za-z0-9_./=:-]+$/.test(a) ? a : shQuote(a))).join(' ');
  // The new files (listed as node lists them: same flags, renames paired) are grepped as blobs:
  // every line of a new file is added, and git hands a blob over faster than it formats its diff.
  const listCmd = quote(addedFilesArgs('HEAD', stagedDiffArgs('HEAD')).filter((a) => a !== '-z'));
  const patchCmd = quote(stagedDiffArgs('HEAD', 'a'));
  const blobCmd = quote(['cat-file', '--batch=%(objecttype)']);
  const lines = [
    '#!/bin/sh',
    '# ak-hook pre-commit entry. Generated by scripts/build.mjs from the rules: do not edit.',
    '# Runs `ak-hook check`; a clean commit is proven clean here without starting node when the',
    '# staged diff holds no rule keyword, no candidate of a keyword-less rule and no NUL byte.',
    'd=${0%/*}',
    'if [ -f "$d/cli.js" ]; then cli=$d/cli.js; else cli=$d/ak-hook; fi',
    '# Without node (a Git GUI or an IDE with a short PATH) the commit stops with a clear message.',
    'run_node() {',
    '  if ! command -v node >/dev/null 2>&1; then',
    `    echo ${shQuote(NO_NODE_EN)}" PATH=$PATH" >&2`,
    `    echo ${shQuote(NO_NODE_ZH)} >&2`,
    '    exit 2',
    '  fi',
    '  exec node "$cli" check "$@"',
    '}',
  ];
  if (pattern === null) {
    lines.push('# A detector has no prefilter candidate: always run the full check.', 'run_node "$@"');
    return lines.join('\n') + '\n';
  }
  lines.push(
    '[ $# -eq 0 ] || run_node "$@"',
    // GIT_DIR alone (git sets it for hooks in linked worktrees) keeps the root at cwd, for node
    // too; GIT_WORK_TREE moves it, and a cwd without .git may be below the root: node decides.
    '[ -z "${GIT_WORK_TREE}${AK_HOOK_NO_PREFILTER}" ] || run_node',
    '[ -e .git ] || run_node',
    ...CONFIG_FILES.filter((f) => f !== 'package.json').map((f) => `[ ! -e ${shQuote(f)} ] || run_node`),
    // package.json names ak-hook in every real install (the devDependency entry): only a line that
    // is neither a dependency entry ("ak-hook": "^1.2.3" alone on its line) nor the package's own
    // name can be configuration (an "ak-hook": { … } object), and sends the commit to node.
    `if [ -f package.json ] && LC_ALL=C grep -F ${shQuote(`"${PACKAGE_KEY}"`)} package.json | LC_ALL=C grep -v -q -E -e ${shQuote(dependencyLine(PACKAGE_KEY))} -e ${shQuote(nameLine(PACKAGE_KEY))}; then run_node; fi`,
    `nul=$(printf '[^\\001-\\377]')`,
    '# The fast path needs a grep that matches bytes, NUL included (GNU grep does).',
    `printf 'a\\000b\\n' | LC_ALL=C grep -a -q -E -e "$nul" 2>/dev/null || run_node`,
    `pat=$(printf '${printfBytes(pattern)}')`,
    `any=$(printf '${printfBytes(prefilterAlternation(rules)!)}')`,
    '# Compressed or encrypted formats (by their first bytes): node lists them as not scanned.',
    `magic=$(printf '${printfBytes(`^\\+${magicAlternation()}`)}')`,
    `bmagic=$(printf '${printfBytes(`^${magicAlternation()}`)}')`,
    '# A Git LFS pointer (its object id line, added or in a new blob): node reads the object it names.',
    `lfs='^[+]?oid sha256:[0-9a-f]{64}$'`,
    `unset ${DROPPED_ENV.join(' ')}`,
    'export GIT_OPTIONAL_LOCKS=0',
    // ':000000 100644 0…0 <oid> A<TAB>path' per new file; a submodule (160000) or anything odd goes to node.
    `new=$(LC_ALL=C ${listCmd} 2>/dev/null) || run_node`,
    // A name the commit adds is scanned too: a keyword in a new file's name (after the TAB) goes to node.
    `if printf '%s\\n' "$new" | cut -f2- | LC_ALL=C grep -a -q -i -E -e "$any"; then run_node; fi`,
    `oids=$(printf '%s\\n' "$new" | LC_ALL=C sed -n 's/^:000000 1[02][0-7][0-7][0-7][0-7] 0* \\([0-9a-f]*\\) A.*$/\\1/p')`,
    `[ "$(printf '%s\\n' "$new" | grep -c .)" = "$(printf '%s\\n' "$oids" | grep -c .)" ] || run_node`,
    // The patch without new files: added lines only. Then the new blobs, whole (a missing object
    // prints its 40/64-hex name, which the pattern's long-token candidates match: node decides).
    `st=$( { { LC_ALL=C ${patchCmd} 2>/dev/null; echo "git=$?" >&3; } | LC_ALL=C grep -a -q -i -E -e "$pat" -e "$nul" -e "$magic" -e "$lfs"; echo "grep=$?" >&3; } 3>&1 )`,
    'case $st in *git=0*) ;; *) run_node ;; esac',
    'case $st in *grep=1*) ;; *) run_node ;; esac',
    '[ -n "$oids" ] || exit 0',
    `st=$( { { printf '%s\\n' "$oids" | LC_ALL=C ${blobCmd} 2>/dev/null; echo "git=$?" >&3; } | LC_ALL=C grep -a -q -i -E -e "$any" -e "$nul" -e "$bmagic" -e "$lfs" -e ' missing$'; echo "grep=$?" >&3; } 3>&1 )`,
    'case $st in *git=0*) ;; *) run_node ;; esac',
    'case $st in *grep=1*) exit 0 ;; esac',
    'run_node',
  );
  return lines.join('\n') + '\n';
}
