import { BASELINE_FILE } from '../baseline/file';
import { prepareScan } from '../config/prepare';
import { RULES } from '../detect/rules';
import type { Rule } from '../detect/types';
import type { CommitInfo, CommitSink } from '../git/commits';
import { runGit } from '../git/run';
import { headState, sameAsHead, unblockedBy, type HeadState } from './config-change';
import { scanFiles } from './scan-files';
import type { ScanSession } from './session';
import type { ConfigChange, Finding } from './types';

type InCommit = Finding & { commit: CommitInfo };

/**
 * `check --range` / `--pre-push`: the config that applies (the index's) compared with the one
 * at the commit the selection builds on (the first parent of its oldest commit; none for a
 * root commit). When they differ, the selected commits are walked again, scanned with the older
 * config, and what the newer one lets through is reported, as a commit's own config change is
 * (issue 9): a pushed allowlist entry, exclude or rule switch is never silent. The second walk
 * happens only then, so a push that changes no config costs nothing more.
 */
export async function commitsConfigChange(o: {
  session: ScanSession;
  env: NodeJS.ProcessEnv;
  /** The oldest selected commit (null: none was read). */
  oldest: string | null;
  /** The config and baseline files the selected commits change. */
  files: readonly string[];
  /** Walks the same selection again, oldest first. */
  walk: (sink: CommitSink) => Promise<unknown>;
  findings: readonly InCommit[];
  suppressed: readonly InCommit[];
  rules?: readonly Rule[];
  now?: Date;
}): Promise<ConfigChange | undefined> {
  const s = o.session;
  if (s.config.source === 'explicit' || o.oldest === null) return undefined;
  const base = await parentOf(s.root, o.env, o.oldest);
  const head: HeadState = base ? await headState(s, base) : { config: { allow: [] }, baseline: new Set() };
  if (sameAsHead(s, head)) return undefined;

  const files = [...o.files];
  // Not changed by the selected commits: the difference is in the index or on disk.
  if (files.length === 0) files.push(...(s.config.file ? [s.config.file] : []), ...(s.baseline.source !== 'none' ? [BASELINE_FILE] : []));

  const rules = o.rules ?? RULES;
  const before = prepareScan(head.config, { rules, now: o.now, baseline: head.baseline });
  const then: InCommit[] = [];
  const excluded = new Set<string>();
  const seen = new Set<string>();
  await o.walk(async ({ commit, files: all }) => {
    const checked = before.include ? all.filter((f) => before.include!(f.path)) : all;
    for (const f of checked) if (s.include && !s.include(f.path)) excluded.add(f.path);
    const r = await scanFiles(checked, { compiled: before.compiled, allowlist: before.allowlist, blobs: s.blobs, lfs: s.lfs });
    for (const f of r.findings) {
      // Each secret once, at the commit that introduced it (as scanCommits reports them).
      const key = `${f.fingerprint}\0${f.file}`;
      if (seen.has(key)) continue;
      seen.add(key);
      then.push({ ...f, commit });
    }
  });
  const change = unblockedBy({
    session: s,
    head,
    rules,
    files,
    excluded: [...excluded].sort(),
    then,
    now: { findings: o.findings, suppressed: o.suppressed },
    at: (f) => `${f.commit.sha}\0${f.file}\0${f.line}\0${f.column}\0${f.ruleId}`,
  });
  return change && { ...change, base };
}

/** The first parent of `sha`, or null for a root commit. */
async function parentOf(root: string, env: NodeJS.ProcessEnv, sha: string): Promise<string | null> {
  try {
    const out = await runGit(['rev-parse', '--verify', '--quiet', `${sha}^1^{commit}`], { cwd: root, env });
    return out.toString('utf8').trim() || null;
  } catch {
    return null;
  }
}
