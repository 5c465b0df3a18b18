import { AkHookError } from '../errors';
import { en } from '../report/messages/en';
import type { ErrorTextArgs, ErrorTextId } from '../report/messages/types';

/** A usage error (exit 2) the CLI renders by id in the user's language; its message is the English text. */
export function usageError(id: ErrorTextId, args: ErrorTextArgs = {}): AkHookError {
  return new AkHookError('E_USAGE', en.errorText(id, args) ?? id, { text: { id, args } });
}
