import { AkHookError, type ErrorCode } from '../../errors';
import { cliEn } from './cli-en';
import type { ErrorTextArgs, ErrorTextId } from './types';

/** A typed error the CLI renders by id in the user's language; its message is the English text. */
export function textError(code: ErrorCode, id: ErrorTextId, args: ErrorTextArgs, data: Record<string, unknown> = {}): AkHookError {
  return new AkHookError(code, cliEn.errorText(id, args) ?? id, { ...data, text: { id, args } });
}
