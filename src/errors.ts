/**
 * Typed errors. Each carries a stable `code`; the words a user reads are chosen in
 * report/messages, never here, so the library stays language-neutral.
 */
export type ErrorCode =
  | 'E_USAGE'
  | 'E_NOT_A_REPO'
  | 'E_GIT_FAILED'
  | 'E_GIT_MISSING'
  | 'E_GIT_OUTPUT'
  | 'E_CONFIG_PARSE'
  | 'E_CONFIG_INVALID'
  | 'E_PATH_OUTSIDE_REPO'
  | 'E_WRITE_FAILED'
  | 'E_INTERNAL'
  // perf: a reader that cannot read this repository exactly (isomorphic-git backend)
  | 'E_GIT_UNSUPPORTED';

export class AkHookError extends Error {
  readonly code: ErrorCode;
  readonly data: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, data: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AkHookError';
    this.code = code;
    this.data = data;
  }
}

export function isAkHookError(e: unknown): e is AkHookError {
  return e instanceof AkHookError;
}
