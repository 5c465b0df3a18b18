import type { Lang } from '../config/types';
import { messagesFor, type Messages } from '../report/messages';

/** The message language once the config is known: --lang wins, then the config's "lang", then the locale. */
export function messagesWithConfig(m: Messages, values: Record<string, unknown>, configLang: Lang | undefined): Messages {
  return values.lang === undefined && configLang ? messagesFor(configLang) : m;
}
