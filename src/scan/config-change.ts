import { BASELINE_FILE, parseBaseline } from '../baseline/file';
import { CONFIG_FILES, loadConfigAt } from '../config/load';
import { prepareScan } from '../config/prepare';
import { applyRuleSettings } from '../config/rule-settings';
import type { Config } from '../config/types';
import { RULES } from '../detect/rules';
import type { Rule } from '../detect/types';
import type { StagedFile } from '../git/types';
import { scanFiles } from './scan-files';
import type { ScanSession } from './session';
import type { ConfigChange, Finding, ScanResult, UnblockedFinding } from './types';

export type { ConfigChange };

/** The files whose change can widen what passes: the configs and the baseline. */
const WATCHED = new Set<string>([...CONFIG_FILES, BASELINE_FILE]);

/** The config and baseline files among a commit's changes (added, changed, deleted or renamed). */
export function watchedIn(files: readonly StagedFile[]): string[] {
  return files.filter((f) => WATCHED.has(f.path) || (f.oldPath !== undefined && WATCHED.has(f.oldPath))).map((f) => f.path);
}

/**
 * What a config (or baseline) change in this commit suppresses, compared with the config and
 * baseline at HEAD: the staged config applies, but a widening must never be invisible.
 * Undefined when nothing config-like changed, or the change suppresses nothing here.
 * `staged` are the commit's files before the config's paths/exclude filter; `result` is the
 * scan with the staged config.
 */
export async function configChange(opts: {
  session: ScanSession;
  staged: readonly StagedFile[];
  /** Every file the commit changes (the config files among them), whatever paths were asked for. */
  changed: readonly StagedFile[];
  result: ScanResult;
  rules?: readonly Rule[];
  now?: Date;
  /** The config and baseline at HEAD, when the caller read them already (headState()). */
  head?: HeadState;
}): Promise<ConfigChange | undefined> {
  const { session: s, staged, result } = opts;
  if (s.config.source === 'explicit') return undefined;
  const files = watchedIn(opts.changed);
  // A config or baseline that is not tracked at all applies from disk: not in the commit, but just as silent.
  if (s.config.source === 'disk' && s.config.file) files.push(s.config.file);
  if (s.baseline.source === 'disk') files.push(BASELINE_FILE);
  if (files.length === 0) return undefined;

  const head = opts.head ?? (await headState(s));
  if (sameAsHead(s, head)) return undefined;

  const rules = opts.rules ?? RULES;
  const before = prepareScan(head.config, { rules, now: opts.now, baseline: head.baseline });
  const headFiles = before.include ? staged.filter((f) => before.include!(f.path)) : [...staged];
  const excluded = s.include ? headFiles.filter((f) => !s.include!(f.path)).map((f) => f.path) : [];
  const then = await scanFiles(headFiles, { compiled: before.compiled, allowlist: before.allowlist, blobs: s.blobs, lfs: s.lfs });
  return unblockedBy({ session: s, head, rules, files, excluded, then: then.findings, now: result, at: findingAt });
}

/** Where a finding is, for matching one scan's findings with another's. */
const findingAt = (f: Finding): string => `${f.file}\0${f.line}\0${f.column}\0${f.ruleId}`;

/**
 * The change itself: what the config at `head` blocks (`then`) that the session's config lets
 * through (`now`), and why; undefined when it suppresses nothing. `at` keys a finding's place.
 */
export function unblockedBy<F extends Finding>(o: {
  session: ScanSession;
  head: HeadState;
  rules: readonly Rule[];
  files: string[];
  excluded: string[];
  then: readonly F[];
  now: { findings: readonly F[]; suppressed: readonly F[] };
  at: (f: F) => string;
}): ConfigChange | undefined {
  const { session: s, at } = o;
  const ids = (c: Config) => applyRuleSettings(o.rules, c.rules).map((r) => r.id);
  const nowIds = new Set(ids(s.settings));
  const rulesOff = ids(o.head.config).filter((id) => !nowIds.has(id));
  const blocking = new Set(o.now.findings.map(at));
  const suppressedNow = new Map(o.now.suppressed.map((f) => [at(f), f]));
  const excludedSet = new Set(o.excluded);
  const allowed: UnblockedFinding[] = [];
  for (const f of o.then) {
    if (blocking.has(at(f))) continue;
    const now = suppressedNow.get(at(f));
    const by: UnblockedFinding['unblockedBy'] = excludedSet.has(f.file)
      ? { by: 'excluded' }
      : !nowIds.has(f.ruleId)
        ? { by: 'rule-off' }
        : now?.suppressedBy
          ? now.suppressedBy
          : { by: 'rule-settings' };
    allowed.push({ ...f, unblockedBy: by });
  }
  if (o.excluded.length === 0 && rulesOff.length === 0 && allowed.length === 0) return undefined;
  return { files: [...new Set(o.files)].sort(), excluded: o.excluded, rulesOff, allowed };
}

export interface HeadState {
  config: Config;
  baseline: Set<string>;
}

/**
 * True when the session's config and baseline are those at HEAD: then no change of them can
 * suppress anything (configChange() gives undefined, and needs no second scan of the lines).
 */
export function sameAsHead(s: ScanSession, head: HeadState): boolean {
  return JSON.stringify(head.config) === JSON.stringify(s.settings) && sameSet(head.baseline, s.baselined);
}

/**
 * The config and baseline committed at HEAD (or at another commit, `rev`); a broken or absent
 * one counts as empty.
 */
export async function headState(s: ScanSession, rev = 'HEAD'): Promise<HeadState> {
  let config: Config = { allow: [] };
  try {
    config = (await loadConfigAt({ root: s.root, at: rev, blobs: s.blobs })).config;
  } catch {
    /* HEAD's config does not load: compare with no config (shows more, never less) */
  }
  let baseline = new Set<string>();
  try {
    const blob = await s.blobs().read(`${rev}:${BASELINE_FILE}`);
    if (blob) baseline = new Set(parseBaseline(blob.data.toString('utf8')).map((e) => e.fingerprint));
  } catch {
    /* as above */
  }
  return { config, baseline };
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
