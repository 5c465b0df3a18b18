import { buildScanner } from './keyword-scanner';
import { topAtoms } from './pivot';

/**
 * perf: literal anchors of a regex. `literalAnchors` returns strings such that every match of
 * the pattern holds one of them (compared with ASCII letters case-folded), or null when it cannot
 * tell. Read from the start of each top-level branch, after its zero-width assertions: literal
 * characters, escaped punctuation, and groups of such alternatives (`(?:AKIA|ASIA)`), until the
 * first anything else. A branch that yields nothing makes the answer null.
 *
 * Without the u (or v) flag, a case-insensitive regex folds ASCII letters to ASCII letters only
 * (a non-ASCII character whose upper case is ASCII, like ſ, keeps its own), so a search for the
 * anchors with ASCII folding finds every place a match can be; a hit is then only a candidate,
 * confirmed by the regex itself.
 */
export function literalAnchors(re: RegExp): string[] | null {
  // perf: asked for the same patterns by several set-ups (groups, scanners): read once.
  let a = known.get(re);
  if (a === undefined) known.set(re, (a = readAnchors(re)));
  return a;
}

const known = new WeakMap<RegExp, string[] | null>();

function readAnchors(re: RegExp): string[] | null {
  if (/[uv]/.test(re.flags)) return null;
  const out = branchesOf(re.source);
  if (!out || out.some((s) => s.length === 0 || /[\r\n\u2028\u2029]/.test(s))) return null;
  // A non-ASCII anchor must have no case (CJK): its own character is the only one that matches.
  if (out.some((s) => [...s].some((c) => c.charCodeAt(0) >= 128 && (c.toLowerCase() !== c || c.toUpperCase() !== c)))) return null;
  return [...new Set(out.map((s) => s.toLowerCase()))];
}

const MAX = 64;

/** The anchors of an alternation (split at its top-level `|`), or null. */
function branchesOf(src: string): string[] | null {
  const out: string[] = [];
  for (const b of splitTop(src)) {
    const r = prefixOf(b);
    if (!r) return null;
    out.push(...r.strs);
    if (out.length > MAX) return null;
  }
  return out;
}

/** Every exact string a branch of literal atoms matches (`complete`), or the literal starts of its matches. */
function prefixOf(src: string): { strs: string[]; complete: boolean } | null {
  const atoms = topAtoms(src);
  if (!atoms) return null;
  let strs = [''];
  let k = 0;
  // Zero-width assertions at the start do not consume: skip them.
  while (k < atoms.length && atoms[k].quant === '' && /^\((?:\?<?[=!])/.test(atoms[k].text)) k++;
  for (; k < atoms.length; k++) {
    const a = atoms[k];
    if (a.text === '^' || a.text === '$') continue;
    if (a.quant !== '') return { strs, complete: false };
    let next: string[] | null = null;
    let complete = true;
    if (a.single) {
      const c = literalChar(a.text);
      if (c === null) return { strs, complete: false };
      next = [c];
    } else if (a.text.startsWith('(?:') || !a.text.startsWith('(?') || /^\(\?<[A-Za-z_$][\w$]*>/.test(a.text)) {
      // A group: non-capturing, capturing or named.
      const open = a.text.startsWith('(?:') ? 3 : a.text.startsWith('(?<') ? a.text.indexOf('>') + 1 : 1;
      const body = a.text.slice(open, -1);
      const subs = splitTop(body).map(prefixOf);
      if (subs.some((s) => s === null)) return { strs, complete: false };
      next = subs.flatMap((s) => s!.strs);
      complete = subs.every((s) => s!.complete);
    } else return { strs, complete: false };
    if (next.length === 0 || strs.length * next.length > MAX) return { strs, complete: false };
    strs = strs.flatMap((s) => next!.map((n) => s + n));
    if (!complete) return { strs, complete: false };
  }
  return { strs, complete: true };
}

/** The character a one-character atom stands for when it is a literal, else null. */
function literalChar(atom: string): string | null {
  if (atom.length === 1) return /[.^$]/.test(atom) ? null : atom;
  if (atom.length === 2 && atom[0] === '\\' && /[^A-Za-z0-9]/.test(atom[1])) return atom[1];
  return null;
}

/** A source split at its top-level `|` (outside groups and classes). */
export function splitTop(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
  }
  out.push(src.slice(start));
  return out;
}

/** Finds anchors (ASCII letters folded) in bytes of ASCII text and in strings. */
export interface AnchorScanner {
  /** Index of the byte that ends the first anchor in buf[from, to), or -1 (ASCII anchors only: for ASCII bytes). */
  find(buf: Uint8Array, from: number, to: number): number;
  /** Index of the last character of the first anchor (by where it ends) that starts at or after `from`, or -1. */
  findText(text: string, from: number): number;
}

/** The scanner of the patterns' anchors, or null when one of them has none. */
export function anchorScanner(patterns: readonly RegExp[]): AnchorScanner | null {
  const all: string[] = [];
  for (const re of patterns) {
    const a = literalAnchors(re);
    if (!a) return null;
    all.push(...a);
  }
  const ascii = [...new Set(all.filter((s) => /^[\x00-\x7f]+$/.test(s)))];
  const wide = [...new Set(all.filter((s) => !/^[\x00-\x7f]+$/.test(s)))];
  const bytes = ascii.length > 0 ? buildScanner(ascii) : null;
  // Where each wide anchor next occurs in the last text searched (-1: nowhere after), so that a
  // search resumed further on in the same text does not read the rest of it again per anchor.
  let last: string | null = null;
  let base = 0;
  const at = new Int32Array(wide.length);
  return {
    find: (buf, from, to) => (bytes ? bytes.find(buf, from, to) : -1),
    findText(text, from) {
      let best = bytes ? bytes.findText(text, from) : -1;
      if (wide.length === 0) return best;
      // Searches of one text from non-decreasing starts share what they found.
      if (last !== text || from < base) {
        last = text;
        at.fill(-2); // not searched yet
      }
      base = from;
      for (let k = 0; k < wide.length; k++) {
        let i = at[k];
        // Known from the previous search (from an earlier start): -1 (none after it), or where the first is, if not before from.
        if (i === -2 || (i >= 0 && i < from)) at[k] = i = text.indexOf(wide[k], from);
        if (i >= 0 && (best < 0 || i + wide[k].length - 1 < best)) best = i + wide[k].length - 1;
      }
      return best;
    },
  };
}

/**
 * perf: how a match can start where it starts with one of its literal anchors (see
 * `literalAnchors`), read from each top-level branch: the anchor as written (`exact`, when the
 * pattern does not ignore case: a match holds it in this case), and the characters a negative
 * lookbehind of one character class before it (`(?<![A-Za-z0-9])`) rejects as the character
 * before the match (`notBefore`, by ASCII code; null for none). Null when the pattern has no
 * anchors. Every match starts with the `word` of one of these heads, meeting its conditions.
 */
export interface AnchorHead {
  /** The anchor (lower case unless `exact`). */
  word: string;
  exact: boolean;
  notBefore: Uint8Array | null;
}

export function anchorHeads(re: RegExp): AnchorHead[] | null {
  if (!literalAnchors(re)) return null;
  const exact = !re.flags.includes('i');
  const flags = re.flags.replace(/[gy]/g, '');
  const out: AnchorHead[] = [];
  for (const b of splitTop(re.source)) {
    const atoms = topAtoms(b);
    const r = prefixOf(b);
    if (!atoms || !r) return null;
    // The branch's leading assertions (as prefixOf skips them): each negative lookbehind of one class.
    let notBefore: Uint8Array | null = null;
    for (const a of atoms) {
      if (a.text === '^' || a.text === '$') continue;
      if (a.quant !== '' || !/^\(\?<?[=!]/.test(a.text)) break;
      const inner = a.text.startsWith('(?<!') ? topAtoms(a.text.slice(4, -1)) : null;
      if (!inner || inner.length !== 1 || !inner[0].single || inner[0].quant !== '') continue;
      const one = new RegExp(`^(?:${inner[0].text})$`, flags);
      notBefore ??= new Uint8Array(128);
      for (let c = 0; c < 128; c++) if (one.test(String.fromCharCode(c))) notBefore[c] = 1;
    }
    for (const s of r.strs) out.push({ word: exact ? s : s.toLowerCase(), exact, notBefore });
  }
  return out;
}

/** A pattern's head (see anchorHeads), with the pattern it belongs to. */
export interface MemberHead extends AnchorHead {
  member: RegExp;
}

/** The heads of each pattern, with the pattern (null when one of them has none). */
export function memberHeads(patterns: readonly RegExp[]): MemberHead[] | null {
  const out: MemberHead[] = [];
  for (const member of patterns) {
    const hs = anchorHeads(member);
    if (!hs) return null;
    for (const h of hs) out.push({ ...h, member });
  }
  return out;
}

/**
 * perf: whether an occurrence of a word (ASCII letters folded, as an automaton over bytes finds
 * it) ending at byte `at` of a line starting at `lineStart` can start a match of one of the
 * patterns whose heads are given, as far as `accept` (asked last, with the pattern and where its
 * match would start) allows: its
 * bytes as one such head's word (in its case, when exact), and the byte before it, when in the
 * line, not rejected by that head's lookbehind (a byte outside ASCII, part of a character it
 * cannot tell, never is). A necessary condition of a match there: an occurrence failing it needs
 * no look at the line's text. A word outside ASCII always passes.
 */
export function headCheck(
  heads: readonly MemberHead[],
): (buf: Uint8Array, at: number, lineStart: number, accept?: (member: RegExp, start: number) => boolean) => boolean {
  const byLast: MemberHead[][] = Array.from({ length: 128 }, () => []);
  // The ASCII characters a word outside ASCII ends with: an occurrence ending there always passes.
  const always = new Uint8Array(128);
  for (const h of heads) {
    if (!/^[\x00-\x7f]+$/.test(h.word)) {
      const c = h.word.charCodeAt(h.word.length - 1);
      if (c < 128) always[c] = 1;
      if (/[A-Za-z]/.test(h.word[h.word.length - 1])) always[c ^ 32] = 1;
      continue;
    }
    const c = h.word.charCodeAt(h.word.length - 1);
    byLast[c].push(h);
    // A head that ignores case is found by its last byte in either case.
    if (!h.exact && c >= 0x61 && c <= 0x7a) byLast[c - 32].push(h);
  }
  return (buf, at, lineStart, accept) => {
    const last = buf[at];
    if (last >= 128 || always[last] === 1) return true;
    for (const h of byLast[last]) {
      const w = h.word;
      const s = at - w.length + 1;
      if (s < lineStart) continue;
      let k = 0;
      if (h.exact) while (k < w.length && buf[s + k] === w.charCodeAt(k)) k++;
      else
        while (k < w.length) {
          const c = buf[s + k];
          if ((c >= 0x41 && c <= 0x5a ? c + 32 : c) !== w.charCodeAt(k)) break;
          k++;
        }
      if (k < w.length) continue;
      if (h.notBefore && s > lineStart && buf[s - 1] < 128 && h.notBefore[buf[s - 1]] === 1) continue;
      if (accept && !accept(h.member, s)) continue;
      return true;
    }
    return false;
  };
}

/**
 * The same check as `headCheck` for one head, on a string: whether an occurrence of its word
 * (ASCII letters folded) starting at `start` of `text` meets its conditions (its case when exact;
 * the character before it, when there is one in ASCII, not rejected by its lookbehind).
 */
export function headAt(h: AnchorHead, text: string, start: number): boolean {
  if (h.exact && !text.startsWith(h.word, start)) return false;
  if (h.notBefore && start > 0) {
    const c = text.charCodeAt(start - 1);
    if (c < 128 && h.notBefore[c] === 1) return false;
  }
  return true;
}
