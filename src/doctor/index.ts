/** The doctor library, bundled apart (dist/doctor.js) and loaded only when `ak-hook doctor` runs. */
import { doctorEn, type DoctorMessages } from '../report/messages/doctor-en';
import { doctorZh } from '../report/messages/doctor-zh';

export { applyFixes, type Change } from './apply-fixes';
export { runDoctor, type DoctorOptions } from './doctor';
export type { CheckStatus, DoctorCheck, FixAction } from './types';
export { renderChanges, renderDoctorChecks, renderDoctorJson } from '../report/doctor-text';

export function doctorMessages(lang: 'en' | 'zh'): DoctorMessages {
  return lang === 'zh' ? doctorZh : doctorEn;
}
