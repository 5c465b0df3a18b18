import { verifyEn, type VerifyMessages } from './verify-en';
import { verifyZh } from './verify-zh';

export function verifyMessages(lang: 'en' | 'zh'): VerifyMessages {
  return lang === 'zh' ? verifyZh : verifyEn;
}
