import { BLIND_DIR, BLIND_TARGETS, HELDOUT_DIR, evaluate, formatReport, meetsTargets } from './evaluate';
import { wild } from './wild';

/** Entry point of `npm run eval -- --wild DIR…`: lists findings in unlabelled real files. */
export function mainWild(dirs: string[]): number {
  process.stdout.write(wild(dirs));
  return 0;
}

/** Entry point of `npm run eval` (bundled by scripts/eval.mjs). Returns the exit code. */
export function main(rounds: number): number {
  const report = evaluate({ rounds });
  process.stdout.write(formatReport(report));
  const failed = meetsTargets(report);
  if (failed.length > 0) process.stdout.write(`\ntargets missed:\n${failed.map((f) => `  ${f}`).join('\n')}\n`);
  else process.stdout.write('\ntargets met: precision >= 0.99, recall >= 0.98, every Alibaba rule at recall 1.0\n');
  const blind = evaluate({ rounds, dir: BLIND_DIR });
  process.stdout.write(
    `\ntraining set (test/corpus-blind; NOT held out: its misses drove rule changes and rule examples were copied from it, so its 1.0/1.0 is a training score):\n${formatReport(blind)}`,
  );
  const blindFailed = meetsTargets(blind, BLIND_TARGETS);
  if (blindFailed.length > 0) process.stdout.write(`\ntraining-set targets missed:\n${blindFailed.map((f) => `  ${f}`).join('\n')}\n`);
  else process.stdout.write('\ntraining-set targets met: precision >= 0.97, recall >= 0.95, every Alibaba credential found\n');
  const heldout = evaluate({ rounds, dir: HELDOUT_DIR });
  process.stdout.write(
    `\nformerly held-out set (test/corpus-heldout; written from the README alone, scored once at recall 0.9732, then its misses were fixed: a TRAINING score now, no target, see its RESULTS.md):\n${formatReport(heldout)}`,
  );
  return failed.length + blindFailed.length > 0 ? 1 : 0;
}
