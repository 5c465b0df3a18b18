import type { AkHookError } from '../errors';
import { textError } from '../report/messages/text-error';
import type { ErrorTextArgs, ErrorTextId } from '../report/messages/types';

/** A usage error (exit 2) the CLI renders by id in the user's language; its message is the English text. */
export function usageError(id: ErrorTextId, args: ErrorTextArgs = {}): AkHookError {
  return textError('E_USAGE', id, args);
}
