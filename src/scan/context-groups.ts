import { anchorScanner, type AnchorScanner } from '../detect/anchors';
import type { CompiledRules } from '../detect/engine';

/**
 * The file-context patterns of a rule set, joined into one alternation per flag set, so a
 * line that matches none of them costs one regex call instead of one per pattern (38 rules
 * bring about a dozen). Patterns with backreferences or named groups stay alone.
 */
export interface ContextGroup {
  any: RegExp;
  members: RegExp[];
  /**
   * How to search a block of whole ASCII lines without CR at once, or null (then line by line).
   * `free` (flags g, m) holds the members not anchored at the line start, `anchored` (flags y, m)
   * the ones that are, tried at each line start. Both are supersets: wherever a member matches
   * inside one line, they match at the same place in the block (^/$ hold at the line breaks; the
   * only lookarounds allowed, over a class of letters, digits and +/=_-, read a line break as
   * they read the line's edge). Every hit is confirmed on its line with `any` and the members.
   */
  block: { free: RegExp | null; anchored: RegExp | null; freeScan: AnchorScanner | null } | null;
  /**
   * perf: when every member has literal anchors (see detect/anchors.ts), their scanner: a line
   * without an anchor matches no member (`any` is not asked). `block.freeScan` is the same for
   * the members `free` holds: each line with an anchor is confirmed as a `free` hit is.
   */
  scan: AnchorScanner | null;
}

/** A negative lookaround over a class of letters, digits and +/=_- only (a line break is outside it). */
const PLAIN_LOOKAROUND = /\(\?<?!\[(?:[A-Za-z0-9+=_-]|\\\/)*\]\)/g;

function blockSafe(re: RegExp): boolean {
  return !/\(\?<?[=!]|\\[1-9]|\\k</.test(re.source.replace(PLAIN_LOOKAROUND, ''));
}

/** True when the pattern starts with ^ that binds all of it (no | outside groups and classes). */
export function anchoredAtStart(source: string): boolean {
  if (!source.startsWith('^')) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return false;
  }
  return true;
}

export function blockSearch(members: readonly RegExp[], flags: string): ContextGroup['block'] {
  if (!members.every(blockSafe)) return null;
  const f = flags.replace(/[gmy]/g, '');
  const join = (rs: RegExp[], extra: string) =>
    rs.length === 0 ? null : new RegExp(rs.map((r) => `(?:${r.source})`).join('|'), f + extra);
  const free = members.filter((r) => !anchoredAtStart(r.source));
  return {
    free: join(free, 'gm'),
    anchored: join(
      members.filter((r) => anchoredAtStart(r.source)),
      'my',
    ),
    freeScan: free.length > 0 ? anchorScanner(free) : null,
  };
}

const cache = new WeakMap<CompiledRules, ContextGroup[]>();

export function contextGroups(compiled: CompiledRules): ContextGroup[] {
  let groups = cache.get(compiled);
  if (groups) return groups;
  const all = [...new Set(compiled.contextual.map((c) => c.detector.fileContext!))];
  const byFlags = new Map<string, RegExp[]>();
  groups = [];
  for (const re of all) {
    const flags = re.flags.replace(/[gy]/g, '');
    if (/\\[1-9]|\\k<|\(\?</.test(re.source.replace(/\(\?<[=!]/g, ''))) {
      const any = new RegExp(re.source, flags);
      groups.push({ any, members: [re], block: blockSearch([re], flags), scan: anchorScanner([re]) });
    } else byFlags.set(flags, [...(byFlags.get(flags) ?? []), re]);
  }
  for (const [flags, members] of byFlags) {
    const any = new RegExp(members.map((r) => `(?:${r.source})`).join('|'), flags);
    groups.push({ any, members, block: blockSearch(members, flags), scan: anchorScanner(members) });
  }
  cache.set(compiled, groups);
  return groups;
}
