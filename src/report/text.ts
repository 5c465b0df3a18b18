import type { CheckResult, Finding } from '../check';
import type { ExpiredEntry } from '../config/types';
import type { Advice } from '../detect/types';
import type { Paint } from './colors';
import type { Messages } from './messages';
import { ENTRY_SEP } from '../scan/zip-files';

/** How the message names ak-hook in the commands it prints (see cli/self-command.ts). */
export interface TextOptions {
  /** The command that runs this same installed ak-hook (default: npx --no ak-hook). */
  self?: string;
  /** Mention `allow --last` (the staged check saves what it found). */
  allowLast?: boolean;
}

/** The exact command that allows one finding (and the other half of its pair): replace the reason, run it. */
export function allowCommand(fps: readonly string[], m: Messages, configPath?: string, self = 'npx --no ak-hook'): string {
  const config = configPath ? ` --config ${shellQuote(configPath)}` : '';
  return `${self} allow ${fps.join(' ')} --reason "${m.reasonPlaceholder}"${config}`;
}

/** Files that cannot hold a comment: the inline marker is not offered there. */
const NO_COMMENTS = /\.(json|ipynb)$/i;

function shellQuote(s: string): string {
  return /^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** How an allow entry is named in messages: its position and what it matches (never a secret). */
export function describeEntry(e: ExpiredEntry): { at: string; what: string } {
  const what = [
    e.fingerprint,
    e.path && `path ${e.path}`,
    e.regex && `regex ${e.regex}`,
    e.stopword && `stopword ${e.stopword}`,
    e.rule && `rule ${e.rule}`,
  ].filter(Boolean);
  return { at: `allow[${e.index}]`, what: what.join(', ') };
}

/** How many unreadable files the one-line note names (JSON lists them all). */
const UNSCANNED_SHOWN = 10;

export function counts(result: CheckResult): { found: number; allowed: number; baselined: number; expired: number } {
  const baselined = result.suppressed.filter((f) => f.suppressedBy?.by === 'baseline').length;
  return { found: result.findings.length, allowed: result.suppressed.length - baselined, baselined, expired: result.expiredEntries.length };
}

/**
 * The blocking message: findings grouped by file; for each, location, rule and provider,
 * masked secret, why it matters, what to do now (in full the first time for each kind of
 * credential) and the exact one-line allow action; then expired entries and a summary.
 */
export function renderText(result: CheckResult, m: Messages, p: Paint, opts: TextOptions = {}): string {
  const out: string[] = [];
  const c = counts(result);
  const notes = (): void => {
    for (const e of result.expiredEntries) {
      const d = describeEntry(e);
      out.push(p.yellow(m.expiredAllowEntry(d.at, d.what, e.expires ?? '', e.reason)));
    }
    const unscanned = result.stats.unscanned;
    if (unscanned.length > 0) {
      const shown = unscanned.slice(0, UNSCANNED_SHOWN).map((u) => ({ ...u, path: visiblePath(u.path) }));
      out.push(p.yellow(m.unscanned(shown, unscanned.length - shown.length, result.config.maxFileSize ?? 0)));
    }
  };
  if (result.findings.length === 0) {
    out.push(m.summaryClean(result.stats.filesScanned, c.allowed));
    notes();
    if (c.allowed + c.baselined + c.expired > 0) out.push(m.summaryCounts(c));
    return out.join('\n') + '\n';
  }
  out.push(p.red(p.bold(m.blockedTitle(result.findings.length))));
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const explained = new Map<Advice, string>();
  const configArg = result.config.source === 'explicit' ? result.config.file : undefined;
  const labels = [m.secretLabel, m.whyLabel, m.fixLabel, m.allowItLabel];
  const width = Math.max(...labels.map(displayWidth)) + 2;
  const label = (l: string): string => `    ${p.dim(l)}${' '.repeat(width - displayWidth(l))}`;
  const cont = ' '.repeat(4 + width);
  // A binary read as text runs, or a file inside an archive, cannot take a comment either.
  const runs = new Set(result.stats.textRuns);
  const commentable = (f: string): boolean => !NO_COMMENTS.test(f) && !runs.has(f) && !f.includes(ENTRY_SEP);
  for (const [rawFile, list] of byFile) {
    const file = visiblePath(rawFile);
    out.push('', p.bold(file));
    for (const f of list) {
      // Line 0: the secret is in the path itself (a name the commit adds).
      const where = f.line === 0 ? `${file} (${m.inFileName})` : `${file}:${f.line}:${f.column}`;
      out.push(`  ${p.bold(where)}  ${m.ruleName(f.ruleId, f.ruleName)} (${f.provider}) [${f.ruleId}]`);
      out.push(`${label(m.secretLabel)}${p.red(f.secret)}`);
      if (f.related) for (const r of f.related) out.push(`${cont}${p.dim(m.pairedWith(`${file}:${r.line}:${r.column} [${r.ruleId}]`))}`);
      const seen = explained.get(f.advice);
      if (seen === undefined) {
        explained.set(f.advice, where);
        out.push(`${label(m.whyLabel)}${m.why(f.advice)}`);
        m.fixSteps(f.advice).forEach((step, i) => out.push(`${i === 0 ? label(m.fixLabel) : cont}${i + 1}. ${step}`));
      } else out.push(`${cont}${p.dim(m.sameAsAbove(seen))}`);
      // A pair (an id and its secret) is allowed by one command.
      const pair = (f.related ?? []).flatMap((r) =>
        list.filter((o) => o.line === r.line && o.column === r.column && o.ruleId === r.ruleId).map((o) => o.fingerprint),
      );
      out.push(`${label(m.allowItLabel)}${allowCommand([f.fingerprint, ...pair], m, configArg, opts.self)}`);
      if (commentable(rawFile) && !f.wholeFile) out.push(`${cont}${p.dim(m.allowInline(f.ruleId))}`);
    }
  }
  out.push('');
  notes();
  out.push(p.red(m.summaryCounts(c)));
  if (opts.allowLast) out.push(m.allowLastHint(`${opts.self ?? 'npx --no ak-hook'} allow --last --reason "${m.reasonPlaceholder}"`));
  out.push(m.blockedFooter);
  return out.join('\n') + '\n';
}

/**
 * A path as the terminal should show it: control characters (newline, carriage return, ESC …)
 * written as escapes, so a file name can neither break the message's lines nor send terminal
 * escape sequences that hide or rewrite it.
 */
export function visiblePath(s: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Terminal columns of a label: CJK characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
