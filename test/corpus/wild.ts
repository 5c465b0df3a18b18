/**
 * `npm run eval -- --wild DIR…`: scans real files (no labels) and lists every finding, to hunt
 * for false positives in code that was not written for the corpus (e.g. node_modules,
 * /usr/share/doc). Secrets are printed masked only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { compileRules, scanLines } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
import { maskSecret } from '../../src/report/mask';

const SKIP = /\.(?:png|jpe?g|gif|ico|gz|tgz|zip|jar|so|dll|pyc|class|woff2?|ttf|otf|mo|bin|db|sqlite|pdf)$/i;

function* walk(dir: string): Generator<string> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const p = path.join(dir, n);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) yield* walk(p);
    else if (st.isFile() && st.size < 512 * 1024 && !SKIP.test(n)) yield p;
  }
}

export function wild(dirs: readonly string[]): string {
  const compiled = compileRules(RULES);
  const kind = new Map(RULES.map((r) => [r.id, r.kind]));
  const out: string[] = [];
  const byRule: Record<string, number> = {};
  let files = 0;
  let bytes = 0;
  for (const d of dirs)
    for (const f of walk(d)) {
      const buf = readFileSync(f);
      if (buf.includes(0)) continue;
      files++;
      bytes += buf.length;
      const text = buf.toString('utf8').split('\n');
      const lines = text.map((t, i) => ({ line: i + 1, text: t }));
      for (const fd of scanLines(lines, compiled, { matches: (re) => text.some((t) => re.test(t)) })) {
        byRule[fd.ruleId] = (byRule[fd.ruleId] ?? 0) + 1;
        out.push(`  ${f}:${fd.line}:${fd.column} [${fd.ruleId}] ${maskSecret(fd.secret, kind.get(fd.ruleId))}`);
      }
    }
  return `wild scan: ${files} files, ${(bytes / 1e6).toFixed(1)} MB, ${out.length} findings ${JSON.stringify(byRule)}\n${out.join('\n')}\n`;
}
