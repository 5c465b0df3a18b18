import { en } from './en';
import type { Messages } from './types';
import { zh } from './zh';

export type Lang = 'en' | 'zh';
export type { Messages };

export function messagesFor(lang: Lang): Messages {
  return lang === 'zh' ? zh : en;
}

/** --lang wins; else the locale (LC_ALL, LC_MESSAGES, LANG) starting with zh; else English. */
export function pickLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag === 'zh' || flag === 'en') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
