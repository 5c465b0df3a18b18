/**
 * The held-out corpus (test/corpus-heldout/files): 81 files of a realistic multi-language repository,
 * written from the README alone by an author who did not read the rules, filters, rule examples or
 * the other corpora. It was scored once, on 2026-12-02 against main at 5ac9e16 (20 rounds, default
 * seed): precision 1.0000, recall 0.9732, F1 0.9864 — see RESULTS.md. It is NOT a tuning target:
 * this test asserts only a floor well below that figure (precision >= 0.95, recall >= 0.92), so it
 * catches a collapse without inviting anyone to fit the set. Do not change the files to make a
 * rule pass; a new miss is reported in RESULTS.md, and a rule fixed after it makes this set a
 * training set (say so there).
 *
 * That has happened: on branch detect2 the formats of its misses were fixed (Kubernetes/ECS/Terraform
 * name/value env entries, aligned `password  = "…"`, AWS session tokens), so for those formats it
 * is now a training set, and its figure (recall 0.9933) a training score. RESULTS.md records both.
 */
import { evaluate, formatReport, HELDOUT_DIR, scores } from '../corpus/evaluate';

describe('the held-out corpus', () => {
  const report = evaluate({ rounds: 3, seed: 11, dir: HELDOUT_DIR });

  test('stays above its floor (well below the measured figure)', () => {
    const o = scores(report.overall);
    if (o.precision < 0.95 || o.recall < 0.92) throw new Error(formatReport(report));
    expect(o.precision).toBeGreaterThanOrEqual(0.95);
    expect(o.recall).toBeGreaterThanOrEqual(0.92);
  });

  test('has about 150 labelled credentials per round and many hard negatives', () => {
    expect(report.overall.tp + report.overall.fn).toBeGreaterThan(3 * 140);
    expect(report.lines).toBeGreaterThan(3 * 1800);
  });
});
