import { pickLang } from '../report/messages';

/** Verify/doctor texts in the language the rest of the output uses: --lang, then the config's "lang", then the locale. */
export function langFor(values: Record<string, unknown>, env: NodeJS.ProcessEnv, configLang?: 'en' | 'zh'): 'en' | 'zh' {
  return values.lang === undefined && configLang ? configLang : pickLang(values.lang as string | undefined, env);
}
