/**
 * Scores ak-hook against the peers' cases (cases.ts): agreement per provider, and every
 * disagreement named, with the reason when it is deliberate.
 */
import { compileRules, scanLines } from '../../../src/detect/engine';
import { RULES } from '../../../src/detect/rules';
import { KeyGen } from '../../helpers/keygen';
import { PEER_CASES, type PeerCase } from './cases';

export interface PeerResult {
  c: PeerCase;
  flagged: boolean;
  agrees: boolean;
  /** The rules that reported (for review). */
  rules: string[];
}

export function evaluatePeers(seed = 0x9ee5): PeerResult[] {
  const compiled = compileRules(RULES);
  const gen = new KeyGen(seed);
  return PEER_CASES.map((c) => {
    const lines = gen
      .expand(c.text)
      .split('\n')
      .map((text, i) => ({ line: i + 1, text }));
    const found = scanLines(lines, compiled, { matches: (re) => lines.some((l) => re.test(l.text)) });
    const flagged = found.length > 0;
    return { c, flagged, agrees: flagged === c.flag, rules: [...new Set(found.map((f) => f.ruleId))] };
  });
}

/** Disagreements without a stated reason: gaps to close (the suite requires none). */
export function unexplained(results: readonly PeerResult[]): PeerResult[] {
  return results.filter((r) => !r.agrees && !r.c.deliberate);
}

/** Agreements that carry a `deliberate` note: the note is stale (a gap was closed or a rule changed). */
export function staleNotes(results: readonly PeerResult[]): PeerResult[] {
  return results.filter((r) => r.agrees && r.c.deliberate);
}

export function formatPeers(results: readonly PeerResult[]): string {
  const out: string[] = [];
  const byProvider = new Map<string, PeerResult[]>();
  for (const r of results) byProvider.set(r.c.provider, [...(byProvider.get(r.c.provider) ?? []), r]);
  const agree = results.filter((r) => r.agrees).length;
  out.push(
    `peers' suites (gitleaks rule generators, secretlint fixtures; shapes rebuilt with our generator): ${agree}/${results.length} cases agree`,
    '',
    `${'provider'.padEnd(20)} ${'cases'.padStart(5)} ${'agree'.padStart(5)} ${'rate'.padStart(6)} ${'tp agree'.padStart(9)} ${'fp agree'.padStart(9)}`,
  );
  for (const [p, rs] of byProvider) {
    const a = rs.filter((r) => r.agrees).length;
    const tps = rs.filter((r) => r.c.flag);
    const fps = rs.filter((r) => !r.c.flag);
    const frac = (xs: PeerResult[]) => `${xs.filter((r) => r.agrees).length}/${xs.length}`;
    out.push(
      `${p.padEnd(20)} ${String(rs.length).padStart(5)} ${String(a).padStart(5)} ${(a / rs.length).toFixed(2).padStart(6)} ${frac(tps).padStart(9)} ${frac(fps).padStart(9)}`,
    );
  }
  const dis = results.filter((r) => !r.agrees);
  if (dis.length > 0) {
    out.push('', 'disagreements (peer verdict, ak-hook verdict, why):');
    for (const r of dis) {
      const first = r.c.text.split('\n').find((l) => /\{\{|[A-Za-z]/.test(l)) ?? r.c.text;
      out.push(
        `  [${r.c.provider}] ${r.c.source}: peer ${r.c.flag ? 'flags' : 'ignores'}, ak-hook ${r.flagged ? `flags (${r.rules.join(',')})` : 'ignores'} — ${r.c.deliberate ?? 'UNEXPLAINED (a gap)'}\n      ${first.trim().slice(0, 120)}`,
      );
    }
  }
  const stale = staleNotes(results);
  if (stale.length > 0)
    out.push('', `stale "deliberate" notes (these cases now agree): ${stale.map((r) => r.c.text.slice(0, 40)).join(' | ')}`);
  return out.join('\n') + '\n';
}
