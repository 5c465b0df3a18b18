/**
 * The doctor library, loaded only when `ak-hook doctor` runs: the build maps this require to
 * dist/doctor.js (scripts/build.mjs), so other commands never load it.
 */
export type DoctorLib = typeof import('../doctor/index');

export async function loadDoctor(): Promise<DoctorLib> {
  return require('../doctor/index') as DoctorLib;
}
