import { mayBePointer } from '../git/lfs';
import { contextualCandidate, passesPrefilter, type CompiledRules } from '../detect/engine';
import { keywordScanner } from '../detect/keyword-scanner';
import { addedCount, addedLineNumber, addedStore, addedText, type AddedLineStore } from '../git/added-lines';
import { lineLayout } from './block-pass';
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
    if (addsName(file) && nameMayMatch(file.path, compiled, mayMatch)) return null;
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
    const store = addedStore(file);
    if (store ? linesMayMatch(store, compiled, mayMatch) : anyLine(n, (i) => mayMatch(addedText(file, i)))) return null;
    stats.filesScanned++;
    stats.linesScanned += n;
  }
  return stats;
}

/**
 * mayMatch of a path; perf: an ASCII one is looked up with the byte keyword automaton the lines
 * use (KeywordScanner.findText gives the prefilter's answer on ASCII text), so the history's
 * names do not build the line automaton too.
 */
function nameMayMatch(path: string, compiled: CompiledRules, mayMatch: (text: string) => boolean): boolean {
  const words = ASCII.test(path) ? keywordScanner(compiled) : null;
  if (!words) return mayMatch(path);
  return words.findText(path, 0) >= 0 || contextualCandidate(compiled, path);
}

const ASCII = /^[\x00-\x7f]*$/;

function anyLine(n: number, test: (i: number) => boolean): boolean {
  for (let i = 0; i < n; i++) if (test(i)) return true;
  return false;
}

/**
 * perf: whether a line of the store may match (`mayMatch` on its text), the keywords of a
 * plain-ASCII line looked up in its bytes: the byte automaton gives the prefilter's answer
 * there (KeywordScanner), and is cheaper to build than the line automaton (and to run than a
 * string per line through it). The keyword-less detectors' test reads the line's text.
 */
function linesMayMatch(store: AddedLineStore, compiled: CompiledRules, mayMatch: (text: string) => boolean): boolean {
  const words = keywordScanner(compiled);
  const n = store.count;
  if (!words) return anyLine(n, (i) => mayMatch(store.text(i)));
  const layout = lineLayout(store, () => false);
  for (let i = 0; i < n; i++) {
    const text = store.text(i);
    if (layout.ascii(i) ? words.find(store.chunkOf(i), store.startOf(i), store.endOf(i)) >= 0 : passesPrefilter(compiled, text))
      return true;
    if (contextualCandidate(compiled, text)) return true;
  }
  return false;
}

/** As scanFiles reads it: a text file whose first line starts a compressed or encrypted format. */
function firstLineUnreadable(file: StagedFile): boolean {
  if (addedLineNumber(file, 0) !== 1) return false;
  const store = addedStore(file);
  const head = store ? store.bytes(0) : file.added[0].bytes;
  return unscannableReason(head.subarray(0, 64)) !== null;
}
