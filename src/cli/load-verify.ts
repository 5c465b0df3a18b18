/**
 * The verify library, loaded only when a live check runs: the build maps this require to
 * dist/verify.js (scripts/build.mjs), so `check` without --verify never loads it.
 */
export type VerifyLib = typeof import('../verify/index');

export async function loadVerify(): Promise<VerifyLib> {
  return require('../verify/index') as VerifyLib;
}
