/** `ak-hook doctor`: will this clone really stop a key? */
export type CheckStatus = 'ok' | 'warn' | 'fail';

export type CheckId = 'pre-commit-hook' | 'pre-push-hook' | 'version' | 'config' | 'allowlist' | 'gitignore' | 'ci' | 'history';

/** A change `doctor --fix` may make on its own: small, additive, and printed. */
export type FixAction =
  | { kind: 'append-gitignore'; lines: string[] }
  | { kind: 'run-husky' }
  | { kind: 'append-hook-line'; file: string; line: string }
  | { kind: 'copy-hook'; file: string; from: string };

export interface DoctorCheck {
  id: CheckId;
  status: CheckStatus;
  /** What the message modules turn into words (with `params`). */
  code: string;
  params: Record<string, string | number>;
  /** The exact command (or line) that fixes it, when there is one. */
  fix?: string;
  /** What --fix applies (safe fixes only). */
  actions?: FixAction[];
}

/**
 * The scans doctor reuses, injected by the CLI: the doctor bundle (dist/doctor.js) stays small
 * and loads nothing of the scanner itself.
 */
export interface DoctorScans {
  openSession: typeof import('../scan/session').openSession;
  scanTree: typeof import('../scan-tree').scanTree;
  scanCommits: typeof import('../scan-commits').scanCommits;
}

export interface DoctorContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Work-tree root. */
  root: string;
  configPath?: string;
  /** The version of the ak-hook that runs. */
  runningVersion: string;
  scans: DoctorScans;
}
