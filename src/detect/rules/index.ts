import type { Rule } from '../types';
import { alibabaAccessKeyId } from './alibaba-access-key-id';
import { alibabaAccessKeySecret } from './alibaba-access-key-secret';
import { alibabaStsAccessKeyId, alibabaStsSecurityToken } from './alibaba-sts';

/** The catalogue. A new rule is one file in this folder and one line here. */
export const RULES: readonly Rule[] = [alibabaAccessKeyId, alibabaAccessKeySecret, alibabaStsAccessKeyId, alibabaStsSecurityToken];
