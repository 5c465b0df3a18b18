import type { RE2JS } from 're2js';
import { regexText, type Said } from './messages';

/**
 * Regexes written by users (allow entries' `regex`, custom rules' `pattern`) never run on V8's
 * backtracking engine: they run on re2js, a pure-JavaScript port of RE2 whose matching time is
 * linear in the input whatever the pattern, so a catastrophic pattern such as
 * `^([A-Za-z0-9]|[A-Za-z0-9])*-$` cannot hang the hook. The syntax is RE2's (as in gitleaks and
 * Go): no lookahead, no backreferences; captureless lookbehind `(?<!…)`/`(?<=…)` is supported
 * (linear, re2js's LOOKBEHINDS mode); `(?i)` makes a pattern ignore case.
 * re2js (260 KB) is bundled apart as dist/re2.js and loaded only when a config has a regex.
 */
export const MAX_REGEX_LENGTH = 1000;
/** RE2 program size (instructions): the matching cost per input character grows with it. */
export const MAX_PROGRAM_SIZE = 20000;

type Re2Module = typeof import('re2js');
let re2: Re2Module | null = null;
function load(): Re2Module {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (re2 ??= require('re2js') as Re2Module);
}

const cache = new Map<string, RE2JS>();

/** Compiles a pattern already accepted by userRegexProblem (throws otherwise). */
export function compileUserRegex(source: string): RE2JS {
  let re = cache.get(source);
  if (!re) {
    const { RE2JS } = load();
    re = RE2JS.compile(source, RE2JS.LOOKBEHINDS);
    cache.set(source, re);
  }
  return re;
}

export type RegexProblem = Said;

/** What is wrong with a user's pattern, or null. Never echoes a long pattern. */
export function userRegexProblem(source: string): RegexProblem | null {
  if (source === '') return regexText.empty;
  if (source.length > MAX_REGEX_LENGTH) return regexText.tooLong(source.length, MAX_REGEX_LENGTH);
  if (/\(\?[=!]/.test(source.replace(/\\./g, ''))) return regexText.lookahead(source);
  if (/(?:^|[^\\])(?:\\\\)*\\[1-9]/.test(source)) return regexText.backreference(source);
  let re: RE2JS;
  try {
    re = compileUserRegex(source);
  } catch (e) {
    const why = ((e as Error).message ?? String(e)).replace(/^error parsing regexp: /, '');
    return regexText.invalid(source, why.length > 120 ? why.slice(0, 120) + '…' : why);
  }
  if (re.programSize() > MAX_PROGRAM_SIZE) return regexText.tooLarge(re.programSize(), MAX_PROGRAM_SIZE);
  return null;
}

/** True when the pattern matches somewhere in `text`. */
export function userRegexTest(source: string, text: string): boolean {
  return compileUserRegex(source).matcher(text).find();
}

/**
 * The subset of a global RegExp the detection engine uses (`lastIndex`, `exec` with `index` and
 * `groups.secret`), backed by re2js: a custom rule's pattern runs in linear time.
 */
export function linearPattern(source: string): RegExp {
  const re = compileUserRegex(source);
  const hasSecret = 'secret' in re.namedGroups();
  const pattern = {
    lastIndex: 0,
    source,
    flags: 'g',
    global: true,
    exec(text: string): RegExpExecArray | null {
      const m = re.matcher(text);
      if (pattern.lastIndex > text.length || !m.find(pattern.lastIndex)) {
        pattern.lastIndex = 0;
        return null;
      }
      const out = [m.group() ?? ''] as unknown as RegExpExecArray;
      out.index = m.start();
      out.input = text;
      const secret = hasSecret ? m.group('secret') : null;
      out.groups = secret !== null ? { secret } : undefined;
      pattern.lastIndex = m.end();
      return out;
    },
    test(text: string): boolean {
      return re.matcher(text).find();
    },
  };
  return pattern as unknown as RegExp;
}
