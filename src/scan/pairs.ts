import type { RawFinding, Rule } from '../detect/types';
import type { RelatedLocation } from './types';

/**
 * Links the two halves of a credential found in one file: each secret of a rule with
 * `pairsWith` is paired with the nearest id of that rule (by line), and both findings name
 * each other. Nothing is dropped: each half keeps its own finding and fingerprint.
 */
export function relatedLocations(found: readonly RawFinding[], rules: ReadonlyMap<string, Rule>): Map<RawFinding, RelatedLocation[]> {
  const out = new Map<RawFinding, RelatedLocation[]>();
  const add = (f: RawFinding, other: RawFinding) => {
    const list = out.get(f) ?? [];
    list.push({ ruleId: other.ruleId, line: other.line, column: other.column });
    out.set(f, list);
  };
  for (const secret of found) {
    const idRule = rules.get(secret.ruleId)?.pairsWith;
    if (!idRule) continue;
    let best: RawFinding | null = null;
    for (const id of found) {
      if (id.ruleId !== idRule) continue;
      if (!best || Math.abs(id.line - secret.line) < Math.abs(best.line - secret.line)) best = id;
    }
    if (best) {
      add(secret, best);
      add(best, secret);
    }
  }
  return out;
}
