import {
  candidateByteGate,
  compileRules,
  contextCandidates,
  contextualCandidate,
  passesPrefilter,
  scanLines,
  tableFindings,
  withContextual,
  type CompiledRules,
} from '../detect/engine';
import type { RawFinding, TextLine } from '../detect/types';
import type { BlobSource } from '../git/backend';
import type { StagedFile } from '../git/types';
import { decodeBlobLines } from '../text/decode';
import { addedCount, addedLineNumber, addedStore, addedText, type AddedLineStore } from '../git/added-lines';
import { keywordScanner, type KeywordScanner } from '../detect/keyword-scanner';
import { blockPass, contextOfLines, lineLayout, type PassOne } from './block-pass';
import { literalAnchors } from '../detect/anchors';
import { contextGroups, noteGroup } from './context-groups';
import { runsPass } from './runs-pass';
import { binaryAddedLines, secretInOld, type BinaryView } from './binary-lines';
import { keyFile, startsLikeKeyFile, type KeyFile } from '../detect/keys/key-file';
import { isSeparatorRow } from '../detect/table';

export { compileRules };

/** The rule a key file in binary form is reported under. */
const KEY_FILE_RULE = 'private-key';

export interface ScannedFile {
  /** The added lines some detector could match (others are not kept). */
  lines: TextLine[];
  /** How many added lines were looked at. */
  lineCount: number;
  found: RawFinding[];
  /** Text of any line of the new version of the file (loads the blob when the line was not added). */
  textAt(line: number): Promise<string | undefined>;
  /** For a file git calls binary: how it was read (a wide encoding, or text runs). */
  view?: BinaryView['view'];
  /** For a file git calls binary: why its content cannot all be read (compressed, encrypted). */
  unscannable?: BinaryView['unscannable'];
}

/**
 * Decodes one file's added lines and runs the detectors on them. Reads the file's whole
 * new blob only when a contextual detector needs it (a candidate on an added line whose
 * context is not among the added lines).
 */
export async function scanFile(
  file: StagedFile,
  compiled: CompiledRules,
  blobs: () => BlobSource,
  /**
   * `runsOnly`: for a file git calls binary, read its text runs even when it decodes as
   * UTF-16/UTF-32. `blockAfter`: bytes of added lines this rule set must have seen (this file's
   * included) before lines are searched in blocks (default 1 MB: a small commit does not build
   * the block automata). `knownContexts: false`: a new file keeps the candidates of every
   * keyword-less detector, not only of those whose file context it shows (the same findings).
   */
  opts: { runsOnly?: boolean; blockAfter?: number; knownContexts?: boolean } = {},
): Promise<ScannedFile> {
  let whole: string[] | null = null;
  const wholeLines = async (): Promise<string[] | null> => {
    if (whole === null && file.newOid) {
      const source = blobs();
      const b = await (source.readAt ? source.readAt(file.newOid, file.path) : source.read(file.newOid));
      whole = b ? decodeBlobLines(b.data) : [];
    }
    return whole;
  };

  // Pass 1 over the added lines: decode each, note which file-context patterns it shows, and keep
  // only the lines that pass the keyword prefilter. Everything else is garbage at once: memory
  // stays flat on huge files.
  let each: (visit: (line: number, text: string) => void) => void;
  let binary: BinaryView | null = null;
  // The lines as bytes: a text file's added lines, or a new binary's runs (searched as a blob's lines are).
  let store: AddedLineStore | undefined;
  if (file.binary) {
    // Decoded whole (UTF-16/UTF-32) or read as text runs: never skipped.
    const view = (binary = await binaryAddedLines(file, blobs, opts.runsOnly));
    const runs = (store = view.store);
    each = runs
      ? (visit) => {
          for (let i = 0; i < runs.count; i++) visit(runs.line(i), runs.text(i));
        }
      : (visit) => {
          for (const l of view.lines) visit(l.line, l.text);
        };
    // (Absent for a new file: its every line is added, so no line is ever read from the blob.)
    if (view.all) whole = view.all;
  } else {
    store = addedStore(file);
    const n = addedCount(file);
    each = (visit) => {
      for (let i = 0; i < n; i++) visit(addedLineNumber(file, i), addedText(file, i));
    };
  }
  const setup = fileSetup(compiled);
  const { contextRes, groups, withNext, chained, chainStarts, tables } = setup;
  const contextHits = new Map<RegExp, boolean>(contextRes.map((re) => [re, false]));
  let lines: TextLine[] = [];
  let lineCount = 0;
  let lastHit = -2;
  let chain = 0;
  /** How many lines the chain being read may have: the `nextLines` of the detector that started it. */
  let chainLimit = 1;
  const context = (text: string): void => {
    for (const g of groups) noteGroup(g, text, contextHits);
  };
  /** Keeps a line when it is a hit or follows one; true when the line after it is wanted too. */
  const keep = (line: number, text: string, hit: boolean): boolean => {
    if (hit) {
      lines.push({ line, text });
      // A hit inside a block (a dump's `private-key:` label) continues it; one that starts a block starts one.
      const continues = lastHit === line - 1 && chain < chainLimit && chained.some((d) => d.nextLine!.test(text));
      lastHit = line;
      let start = 0;
      for (const s of chainStarts) if (s.lines > start && s.re.test(text)) start = s.lines;
      if (start > 0) [chain, chainLimit] = [1, start];
      else if (continues) chain++;
      else [chain, chainLimit] = [1, 1];
      return true;
    }
    if (withNext && lastHit === line - 1) {
      lines.push({ line, text });
      if (chain < chainLimit && chained.some((d) => d.nextLine!.test(text))) {
        lastHit = line;
        chain++;
        return true;
      }
    }
    return false;
  };
  // Block passes and byte gates once the rule set has seen enough lines to pay for their automata.
  let blocks = false;
  if (store) {
    const seen = (bytesSeen.get(compiled) ?? 0) + store.heldBytes;
    bytesSeen.set(compiled, seen);
    blocks = seen >= (opts.blockAfter ?? BLOCK_AFTER);
  }
  const contextDone = (g?: (typeof groups)[number]): boolean =>
    (g ? g.members : [...contextHits.keys()]).every((re) => contextHits.get(re));
  // Lines read one by one are searched for file-context patterns in blocks too (same notes).
  const lineContext = contextOfLines(groups, { context, contextDone });
  if (store) {
    // ASCII lines (a new file read as a blob, or a diff's added lines) are searched in blocks of lines that
    // follow each other in one chunk (a long line alone): same result as line by line.
    let lastI = -1;
    let lastText = '';
    const pass: PassOne = {
      context,
      contextDone,
      noted: (re) => contextHits.get(re) === true,
      note: (re) => void contextHits.set(re, true),
      take: (i, hit) => {
        const line = store.line(i);
        return hit || (withNext && lastHit === line - 1) ? keep(line, pass.text(i), hit) : false;
      },
      text: (i) => (i === lastI ? lastText : ((lastI = i), (lastText = store.text(i)))),
    };
    const n = store.count;
    lineCount = n;
    let scanner: KeywordScanner | null | undefined = blocks ? undefined : null;
    const layout = lineLayout(store, setup.gapOk);
    // A binary's runs (ASCII and UTF-8 lines mixed): tested on their bytes, line by line.
    const runs = blocks && binary?.store ? runsPass(binary.store, compiled, groups, contextHits, pass) : false;
    for (let i = runs ? n : 0; i < n;) {
      if (scanner !== null && layout.ascii(i) && (scanner ??= keywordScanner(compiled))) {
        i = blockPass(store, i, n, scanner, groups, pass, layout);
      } else {
        const text = store.text(i);
        lineContext.add(text);
        keep(store.line(i), text, passesPrefilter(compiled, text));
        i++;
      }
    }
  } else
    each((line, text) => {
      lineCount++;
      lineContext.add(text);
      keep(line, text, passesPrefilter(compiled, text));
    });
  lineContext.flush();
  const allAdded = file.status === 'added';
  // Pass 2, only when a keyword-less detector could fire (its context is in the added lines, or
  // may be elsewhere in a file that is not new): keep the lines its pattern matches too.
  if (compiled.contextualTests.length > 0 && (!allAdded || [...contextHits.values()].some(Boolean))) {
    // A new file's contexts are known: only the detectors whose context it shows can fire.
    const cc = allAdded && opts.knownContexts !== false ? withContextual(compiled, (re) => contextHits.get(re) === true) : compiled;
    const extra: TextLine[] = [];
    const kept = new Set(lines.map((l) => l.line));
    let lastCandidate = -2;
    const visit = (line: number, text: string): void => {
      if (kept.has(line)) return;
      if (contextualCandidate(cc, text)) {
        extra.push({ line, text });
        lastCandidate = line;
      } else if (withNext && lastCandidate === line - 1) extra.push({ line, text });
    };
    // An ASCII line of the store that fails the candidates' byte gate is no candidate: no string.
    const gate = store && blocks ? candidateByteGate(cc) : null;
    // A binary's runs: its lines outside ASCII are gated on their UTF-8 bytes.
    const wide = gate && binary?.store ? candidateByteGate(cc, true) : null;
    if (store && gate) {
      const layout = lineLayout(store, () => false);
      for (let i = 0; i < store.count; i++) {
        const line = store.line(i);
        if (kept.has(line)) continue;
        const byBytes = layout.ascii(i) ? gate : wide;
        if (byBytes && !byBytes(store.chunkOf(i), store.startOf(i), store.endOf(i))) {
          if (withNext && lastCandidate === line - 1) extra.push({ line, text: store.text(i) });
        } else visit(line, store.text(i));
      }
    } else each(visit);
    if (extra.length > 0) lines = lines.concat(extra).sort((a, b) => a.line - b.line);
  }

  let needBlob = false;
  for (const hit of contextHits.values()) if (!hit && !allAdded) needBlob = true;
  if (needBlob && contextCandidates(lines, compiled)) {
    const all = await wholeLines();
    if (all)
      for (const [re, hit] of contextHits)
        if (!hit)
          contextHits.set(
            re,
            all.some((t) => re.test(t)),
          );
  }
  const raw = scanLines(lines, compiled, { matches: (re) => contextHits.get(re) === true });
  // Rows added to a table whose header the commit does not add: read under that header (new blob).
  if (!allAdded && !file.binary && tables) {
    const rows = addedTableRows(file);
    if (rows.length > 0) {
      const all = await wholeLines();
      const more = all ? rowsUnderHeaders(compiled, all, rows, raw) : [];
      if (more.length > 0) (raw.push(...more), raw.sort((a, b) => a.line - b.line || a.column - b.column));
    }
  }
  // Text runs of a changed binary: a secret the old blob already held is not added by this commit.
  const old = binary?.old;
  const found = old ? raw.filter((f) => !secretInOld(old, f.secret)) : raw;
  // A private key in binary form (DER, PKCS#12, a Java keystore, a PGP secret key): one finding for the file.
  const key = file.binary ? binary?.keyFile : await textKeyFile(file, blobs);
  if (key?.secret && compiled.rules.some((r) => r.id === KEY_FILE_RULE))
    found.unshift({
      ruleId: KEY_FILE_RULE,
      line: 1,
      column: 1,
      secret: key.secret,
      wholeFile: true,
      ...(key.shared ? { advice: 'shared-key' as const } : {}),
    });

  // Only lines near findings are ever asked for: index them on first use.
  let byLine: Map<number, string> | null = null;
  return {
    lines,
    lineCount,
    found,
    ...(binary ? { view: binary.view, unscannable: binary.unscannable } : {}),
    async textAt(line) {
      if (line < 1) return undefined;
      byLine ??= new Map(lines.map((l) => [l.line, l.text]));
      const t = byLine.get(line) ?? (file.binary ? undefined : addedTextAt(file, line));
      if (t !== undefined || allAdded) return t;
      const all = await wholeLines();
      return all ? all[line - 1] : undefined;
    },
  };
}

/** Line numbers of the added lines that start (after blanks) with `|`: maybe table rows. */
function addedTableRows(file: StagedFile): number[] {
  const rows: number[] = [];
  const store = addedStore(file);
  const n = addedCount(file);
  // perf: read in place (no Buffer per line: this looks at every added line of a changed file).
  for (let i = 0; i < n; i++) {
    const b = store ? store.chunkOf(i) : file.added[i].bytes;
    const end = store ? store.endOf(i) : b.length;
    let j = store ? store.startOf(i) : 0;
    while (j < end && (b[j] === 0x20 || b[j] === 0x09)) j++;
    if (j < end && b[j] === 0x7c) rows.push(addedLineNumber(file, i));
  }
  return rows;
}

/**
 * Findings of the table detectors in added rows whose table header (the row above its separator
 * row) is an unchanged line of the new file: `all` is the new file's lines, `rows` the added
 * rows' numbers; rows where `found` already has a finding are skipped.
 */
function rowsUnderHeaders(compiled: CompiledRules, all: string[], rows: number[], found: RawFinding[]): RawFinding[] {
  const added = new Set(rows);
  const isRow = (line: number) => line >= 1 && line <= all.length && /^\s{0,8}\|/.test(all[line - 1]);
  const headers = new Set<number>();
  // perf: each row's block's first row; a row whose row above was looked up takes its answer (rows
  // ascend: a table of n added rows walked up to its header from each row was n² / 2 steps).
  const firstRow = new Map<number, number>();
  for (const r of rows) {
    let h = r;
    while (isRow(h - 1)) {
      const known = firstRow.get(h - 1);
      if (known !== undefined) {
        h = known;
        break;
      }
      h--;
    }
    firstRow.set(r, h);
    // The header is the block's first row; the commit adds it, or it is no table: the plain scan decides.
    if (h < r && !added.has(h) && isSeparatorRow(all[h])) headers.add(h);
  }
  const taken = new Set(found.map((f) => `${f.line}:${f.column}`));
  const out: RawFinding[] = [];
  for (const h of headers) {
    const index = { get: (line: number) => (line > h && isRow(line) ? all[line - 1] : undefined) };
    for (const f of tableFindings(compiled, { line: h, text: all[h - 1] }, index))
      if (added.has(f.line) && !taken.has(`${f.line}:${f.column}`)) out.push(f);
  }
  return out;
}

/**
 * A file git reads as text that is a key file all the same: a DER SEC1 key without its public
 * half (`openssl ec -no_public -outform DER`) holds no NUL byte most of the time. Read whole only
 * when its first line starts as a key file does.
 */
async function textKeyFile(file: StagedFile, blobs: () => BlobSource): Promise<KeyFile | null> {
  if (!file.newOid || addedCount(file) === 0 || addedLineNumber(file, 0) !== 1) return null;
  const store = addedStore(file);
  if (!startsLikeKeyFile(store ? store.bytes(0) : file.added[0].bytes)) return null;
  const now = await blobs().read(file.newOid);
  const key = now ? keyFile(now.data) : null;
  if (!key?.secret || !file.oldOid) return key;
  const old = await blobs().read(file.oldOid);
  return old && keyFile(old.data)?.secret === key.secret ? null : key;
}

/** Bytes of added lines a rule set has seen, and how many before the block passes start (see scanFile). */
const bytesSeen = new WeakMap<CompiledRules, number>();
const BLOCK_AFTER = 1 << 20;

const setups = new WeakMap<CompiledRules, ReturnType<typeof makeSetup>>();

/** perf: what every file's scan needs from the rules, worked out once per rule set. */
function fileSetup(compiled: CompiledRules): ReturnType<typeof makeSetup> {
  let s = setups.get(compiled);
  if (!s) setups.set(compiled, (s = makeSetup(compiled)));
  return s;
}

function makeSetup(compiled: CompiledRules) {
  const contextRes = [...new Set(compiled.contextual.map((c) => c.detector.fileContext!))];
  const groups = contextGroups(compiled);
  // Detectors that read the line after a match (a PEM block's first base64 line) need it kept too,
  // and those that read several (`nextLines`) the lines after it while each continues the block.
  const withNext = compiled.rules.some((r) => r.detectors.some((d) => d.nextLine));
  const chained = compiled.rules.flatMap((r) => r.detectors.filter((d) => d.nextLine && (d.nextLines ?? 1) > 1));
  // Only a line that starts such a block (matches its pattern) starts a chain (no g/y: no state), of
  // as many lines as that detector reads.
  const chainStarts = chained.map((d) => ({ re: new RegExp(d.pattern.source, d.pattern.flags.replace(/[gy]/g, '')), lines: d.nextLines! }));
  // A diff's added lines are searched in blocks too when no keyword or literal anchor starts with
  // the '+' that precedes each of them (see lineLayout). perf: worked out when first asked.
  const plus = (w: string): boolean => w.startsWith('+');
  let gap: boolean | undefined;
  const gapOk = (): boolean =>
    (gap ??=
      !compiled.keywords.some(plus) &&
      groups.every((g) => !g.block || g.block.freeMembers.every((re) => !(literalAnchors(re) ?? []).some(plus))));
  // A rule set with Markdown table detectors reads rows added under an unchanged header too.
  const tables = compiled.keyed.some((k) => k.detector.tableColumn);
  return { contextRes, groups, withNext, chained, chainStarts, gapOk, tables };
}

/** The text of added line number `line` (binary search: added lines are in order). */
function addedTextAt(file: StagedFile, line: number): string | undefined {
  let lo = 0;
  let hi = addedCount(file) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = addedLineNumber(file, mid);
    if (l === line) return addedText(file, mid);
    if (l < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
