import { splitTop } from '../detect/anchors';
import { topAtoms, type Atom } from '../detect/pivot';

/**
 * perf: a necessary condition, read on a line's bytes, for some of `members` (patterns anchored
 * at the line start, `^…`) to match the line: the line starts with at most n characters of the
 * member's optional first class (`\s{0,8}`), then a character that can start what follows (its
 * first set). Real code's lines start with indentation or with letters that few such members
 * accept, so most lines skip the regex call (one per line otherwise). Null when a member's start
 * cannot be read (a lookaround, a `\b`, an optional rest): then every line is tried.
 *
 * For plain-ASCII lines (bytes above 0x7f are in no set).
 */
export function lineStartGate(members: readonly RegExp[]): ((buf: Uint8Array, start: number, end: number) => boolean) | null {
  const gates: Array<{ skip: Uint8Array; n: number; first: Uint8Array }> = [];
  for (const re of members) {
    const g = memberStart(re);
    if (!g) return null;
    gates.push(g);
  }
  if (gates.length === 0) return null;
  return (buf, start, end) => {
    for (const { skip, n, first } of gates)
      for (let j = start; j < end && j - start <= n; j++) {
        const c = buf[j];
        if (first[c] === 1) return true;
        if (skip[c] !== 1) break;
      }
    return false;
  };
}

/** How a member anchored at the line start begins: an optional class repeated at most n times, then its first set. */
export function memberStart(re: RegExp): { skip: Uint8Array; n: number; first: Uint8Array } | null {
  const flags = re.flags.replace(/[gy]/g, '');
  if (!re.source.startsWith('^')) return null;
  const atoms = topAtoms(re.source.slice(1));
  if (!atoms || atoms.length === 0) return null;
  const skip = new Uint8Array(256);
  let n = 0;
  let k = 0;
  const a = atoms[0];
  if (a.single && a.min === 0) {
    mark(skip, a.text, flags);
    const q = /^\{0,(\d*)\}/.exec(a.quant);
    n = a.quant.startsWith('?') ? 1 : q ? (q[1] === '' ? Infinity : Number(q[1])) : Infinity;
    k = 1;
  }
  const first = new Uint8Array(256);
  const r = firstSet(atoms, k, flags, first);
  return r === false ? { skip, n, first } : null;
}

/**
 * Marks in `set` every ASCII character that can start a match of atoms[k…]; returns whether that
 * part can match the empty string (true), or null when it cannot be read.
 */
function firstSet(atoms: readonly Atom[], k: number, flags: string, set: Uint8Array): boolean | null {
  for (; k < atoms.length; k++) {
    const a = atoms[k];
    let empty: boolean;
    if (a.single) {
      mark(set, a.text, flags);
      empty = false;
    } else if (a.text.startsWith('(') && !/^\(\?(?:[=!]|<[=!])/.test(a.text)) {
      const open = a.text.startsWith('(?:') ? 3 : a.text.startsWith('(?<') ? a.text.indexOf('>') + 1 : 1;
      empty = false;
      for (const branch of splitTop(a.text.slice(open, -1))) {
        const inner = topAtoms(branch);
        const e = inner ? firstSet(inner, 0, flags, set) : null;
        if (e === null) return null;
        empty ||= e;
      }
    } else return null;
    if (!empty && a.min >= 1) return false;
  }
  return true;
}

/** Marks the ASCII characters the one-character atom matches (as the regex answers). */
function mark(set: Uint8Array, atom: string, flags: string): void {
  const one = new RegExp(`^(?:${atom})$`, flags);
  for (let c = 0; c < 128; c++) if (one.test(String.fromCharCode(c))) set[c] = 1;
}
