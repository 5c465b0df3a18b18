import { mayBePointer } from '../git/lfs';
import { contextualCandidate, passesPrefilter, type CompiledRules } from '../detect/engine';
import { addedCount, addedLineNumber, addedStore, addedText } from '../git/added-lines';
import type { StagedFile } from '../git/types';
import { addsLinkTarget, addsName } from './names';
import { unscannableReason } from './unscannable';
import type { ScanStats } from './types';

/**
 * perf: what scanFiles returns for a commit that cannot hold a finding, worked out without
 * scanning it (a history is mostly such commits, and scanFiles' set-up per file and per
 * commit costs more than their lines). A commit qualifies when every changed file is plain
 * text, no added line and no added name passes either test by which scanFile keeps a line
 * for the detectors (a keyword of a keyed detector; a keyword-less detector's pattern), and
 * no file starts like a compressed or encrypted format: scanFile then keeps no line, so
 * nothing is found, and only the counts below remain. Otherwise null: run scanFiles.
 * `test/unit/clean-commit.test.ts` compares the two on real commits.
 */
export function cleanCommitStats(files: readonly StagedFile[], compiled: CompiledRules): ScanStats | null {
  const stats: ScanStats = { filesChanged: files.length, filesScanned: 0, linesScanned: 0, textRuns: [], unscanned: [], otherSkipped: 0 };
  const mayMatch = (text: string): boolean => passesPrefilter(compiled, text) || contextualCandidate(compiled, text);
  for (const file of files) {
    if (addsName(file) && mayMatch(file.path)) return null;
    if (file.status === 'deleted') continue;
    if (file.tooLarge || addsLinkTarget(file)) return null;
    if (file.kind !== 'file') {
      if (file.kind !== 'symlink') stats.otherSkipped++;
      continue;
    }
    const n = addedCount(file);
    if (n === 0) continue;
    // A Git LFS pointer stands for the object it names: that is read by the full scan.
    if (file.binary || firstLineUnreadable(file) || mayBePointer(file)) return null;
    for (let i = 0; i < n; i++) if (mayMatch(addedText(file, i))) return null;
    stats.filesScanned++;
    stats.linesScanned += n;
  }
  return stats;
}

/** As scanFiles reads it: a text file whose first line starts a compressed or encrypted format. */
function firstLineUnreadable(file: StagedFile): boolean {
  if (addedLineNumber(file, 0) !== 1) return false;
  const store = addedStore(file);
  const head = store ? store.bytes(0) : file.added[0].bytes;
  return unscannableReason(head.subarray(0, 64)) !== null;
}
