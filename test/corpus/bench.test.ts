import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { compileRules, scanLines } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
test('bench real code', () => {
  const files = execSync(`find node_modules -type f -name '*.js' -size -200k | head -3000`, { maxBuffer: 1 << 26 })
    .toString()
    .trim()
    .split('\n');
  const all: string[] = [];
  for (const f of files) all.push(...readFileSync(f, 'utf8').split('\n'));
  const lines = all.map((text, i) => ({ line: i + 1, text }));
  const bytes = all.reduce((n, l) => n + l.length, 0);
  const full = compileRules(RULES);
  console.log(full.prefilter!.source);
  const orig = compileRules(
    RULES.filter((r) =>
      ['alibaba-access-key-id', 'alibaba-access-key-secret', 'alibaba-sts-access-key-id', 'alibaba-sts-security-token'].includes(r.id),
    ),
  );
  const ctx = { matches: () => false };
  const t = (c: any) => {
    let best = 1e9;
    for (let k = 0; k < 5; k++) {
      const s = process.hrtime.bigint();
      scanLines(lines, c, ctx);
      best = Math.min(best, Number(process.hrtime.bigint() - s) / 1e6);
    }
    return best;
  };
  const a = t(full),
    b = t(orig);
  console.log(
    `${lines.length} lines ${(bytes / 1e6).toFixed(1)} MB: ${RULES.length} rules ${a.toFixed(0)} ms (${(bytes / 1e6 / (a / 1000)).toFixed(0)} MB/s), 4 rules ${b.toFixed(0)} ms, ratio ${(a / b).toFixed(2)}`,
  );
});
