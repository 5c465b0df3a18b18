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
