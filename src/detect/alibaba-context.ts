/** Shapes several Alibaba rules share. */

/** An AccessKeyId (current LTAI form) anywhere in the staged file. */
export const HAS_ACCESS_KEY_ID = /(?<![A-Za-z0-9])LTAI[A-Za-z0-9]{12}(?:[A-Za-z0-9]{8})?(?![A-Za-z0-9])/;

/**
 * An OSS pre-signed URL (V1 `OSSAccessKeyId=…&Expires=…&Signature=…`, V4 `x-oss-credential=…`
 * with `x-oss-signature=`): it carries an AccessKeyId and a signature, never the secret, and it
 * expires. Sharing one is by design, so a line holding one is not blocked.
 */
export const OSS_PRESIGNED_URL =
  /OSSAccessKeyId=[^&\s"']{0,40}&(?:[^\s"']{0,300}&)?Signature=|x-oss-credential=[^\s"']{0,300}x-oss-signature=|x-oss-signature=[^\s"']{0,300}x-oss-credential=/i;
