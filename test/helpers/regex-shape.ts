/**
 * A small parser for the subset of JavaScript regex syntax the rules use, and a static cost
 * model used by the ReDoS test (test/rules/redos.test.ts).
 *
 * Why this is sound: V8's engine backtracks. From one start position, the work is bounded by
 * the number of ways the pattern's variable quantifiers can split the input; when every
 * quantifier has a finite maximum and no quantified group repeats something that can itself
 * vary (no nesting, no alternation under a repeat), that number is at most the product of
 * (max - min + 1) over the quantifiers, times the branches of each alternation: a constant C
 * fixed by the pattern. A scan tries at most one start per character, so the work on a line of
 * n characters is at most C·n: linear, whatever the input. The test computes C by counting
 * (never by timing) and rejects patterns where it is unbounded.
 */
export interface Quant {
  min: number;
  max: number;
}

type Node = { type: 'atom'; q: Quant; text: string } | { type: 'group'; q: Quant; kind: string; alts: Node[][] } | { type: 'anchor' };

export interface Shape {
  /** Upper bound of backtracking paths from one start position (Infinity when unbounded). */
  cost: number;
  problems: string[];
}

export function parseRegex(src: string): Node[][] {
  let i = 0;
  const problems: string[] = [];
  function quant(): Quant {
    let q: Quant = { min: 1, max: 1 };
    const c = src[i];
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) return q;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      i += m[0].length - 1;
      q = { min, max };
    } else return q;
    i++;
    if (src[i] === '?') i++; // lazy: the same paths in another order
    return q;
  }
  function alts(): Node[][] {
    const out: Node[][] = [[]];
    while (i < src.length && src[i] !== ')') {
      const c = src[i];
      if (c === '|') {
        out.push([]);
        i++;
        continue;
      }
      const seq = out[out.length - 1];
      if (c === '(') {
        const m = /^\((\?:|\?=|\?!|\?<=|\?<!|\?<[A-Za-z_]\w*>)?/.exec(src.slice(i))!;
        i += m[0].length;
        const inner = alts();
        if (src[i] !== ')') problems.push('unbalanced group');
        i++;
        seq.push({ type: 'group', kind: m[1] ?? 'capture', alts: inner, q: quant() });
      } else if (c === '[') {
        const start = i;
        i++;
        if (src[i] === '^') i++;
        if (src[i] === ']') i++;
        while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
        i++;
        seq.push({ type: 'atom', text: src.slice(start, i), q: quant() });
      } else if (c === '^' || c === '$') {
        i++;
        seq.push({ type: 'anchor' });
      } else if (c === '\\') {
        const start = i;
        const n = src[i + 1];
        if (/[1-9]/.test(n) || n === 'k') problems.push('back-reference');
        i += n === 'u' ? 6 : n === 'x' ? 4 : 2;
        seq.push({ type: 'atom', text: src.slice(start, i), q: quant() });
      } else {
        i++;
        seq.push({ type: 'atom', text: c, q: quant() });
      }
    }
    return out;
  }
  const tree = alts();
  if (i < src.length) problems.push('unbalanced )');
  if (problems.length) throw new Error(`${problems.join(', ')} in /${src}/`);
  return tree;
}

/** True when the alternatives can match more than one length or path. */
function variable(alts: Node[][]): boolean {
  if (alts.length > 1) return true;
  return alts.some((seq) => seq.some((n) => n.type !== 'anchor' && (n.q.min !== n.q.max || (n.type === 'group' && variable(n.alts)))));
}

function costOf(alts: Node[][], problems: string[]): number {
  let total = 0;
  for (const seq of alts) {
    let c = 1;
    for (const n of seq) {
      if (n.type === 'anchor') continue;
      if (n.q.max === Infinity) problems.push(`unbounded quantifier on ${n.type === 'atom' ? n.text : 'a group'}`);
      const span = n.q.max - n.q.min + 1;
      if (n.type === 'atom') c *= span;
      else {
        if (n.q.max > 1 && variable(n.alts)) problems.push('a repeated group that can itself vary (nested quantifier)');
        const inner = costOf(n.alts, problems);
        c *= n.q.max > 1 ? span * inner : n.q.min === 0 ? inner + 1 : inner;
      }
    }
    total += c;
  }
  return total;
}

export function regexShape(re: RegExp): Shape {
  const problems: string[] = [];
  const cost = costOf(parseRegex(re.source), problems);
  return { cost, problems };
}

/** Characters the pattern's repeated classes accept: what adversarial runs are made of. */
export function runAlphabet(re: RegExp): string[] {
  const out = new Set<string>();
  const samples = ['a', 'A', '0', 'z', 'Z', '9', '+', '/', '=', '-', '_', '.', ':', ' ', '"', "'", '@', '&', '\\', '<', '>', '密'];
  const walk = (alts: Node[][]) => {
    for (const seq of alts)
      for (const n of seq) {
        if (n.type === 'group') walk(n.alts);
        else if (n.type === 'atom' && n.q.max > 1) {
          const cls = new RegExp(`^(?:${n.text})$`, re.flags.replace('g', ''));
          for (const s of samples) if (cls.test(s)) out.add(s);
        }
      }
  };
  walk(parseRegex(re.source));
  return [...out];
}
