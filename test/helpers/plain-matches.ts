/** Every match of the pattern by a plain global search (the reference for fast paths): index, text, secret. */
export function plainMatches(re: RegExp, text: string): string[] {
  const g = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g');
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = g.exec(text)) !== null) {
    if (m[0].length === 0) {
      g.lastIndex++;
      continue;
    }
    out.push(`${m.index}\t${m[0]}\t${m.groups?.secret}`);
  }
  return out;
}
