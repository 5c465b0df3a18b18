/** Shapes several Alibaba rules share. */

/** An AccessKeyId (current LTAI form) anywhere in the staged file. */
export const HAS_ACCESS_KEY_ID = /(?<![A-Za-z0-9])LTAI[A-Za-z0-9]{12}(?:[A-Za-z0-9]{8})?(?![A-Za-z0-9])/;

/**
 * A file that names Alibaba Cloud: its SDKs, endpoints, products, an AccessKeyId, 阿里云. A
 * 30-character value under a generic secret name is an AccessKeySecret only in such a file.
 */
export const NAMES_ALIBABA =
  /(?<![A-Za-z])(?:aliyun|alibaba|alicloud|ali-oss|oss-cn-|oss2|ossclient|ossutil|ossfs|dashscope|acsclient|acs-sdk)|LTAI[A-Za-z0-9]{12}|阿里/i;

/** A bare 30-character AccessKeySecret. */
export const SECRET30 = '[A-Za-z0-9]{30}';

/** Generic names under which people store a secret: secret, client_secret, secretKey, sk, 密钥… */
export const GENERIC_SECRET_NAME =
  '[A-Za-z0-9_.-]{0,40}(?:[Ss]ecret|SECRET|[Aa][Kk]_?[Ss][Kk]|密钥|秘钥)[A-Za-z0-9_.-]{0,40}|(?<![A-Za-z0-9])(?:[A-Za-z0-9_.-]{0,40}[_.-])?(?:sk|SK|Sk)';

/** A vendor word in a name: aliyun_sk, ALICLOUD_SECRET_KEY, ossSecret, alibabaCloudSecret. */
const VENDOR = '(?<![A-Za-z])(?:[Aa]li(?:yun|cloud|baba(?:[Cc]loud)?)|ALI(?:YUN|CLOUD|BABA(?:CLOUD)?)|[Oo]ss|OSS)(?![a-z])';

/**
 * Names that say Alibaba by themselves: AccessKeySecret (Alibaba's own term), access_key_secret,
 * aksk, ak_sk, AccessKey Secret, and any secret name carrying a vendor word (ALIYUN_SK, oss.secret, 阿里云密钥).
 */
export const ALIBABA_SECRET_NAME =
  `[A-Za-z0-9_.-]{0,40}(?:[Aa]ccess_?[Kk]ey_?[Ss]ecret|ACCESS_?KEY_?SECRET|[Aa]ccess[Kk]ey [Ss]ecret|AccessKey Secret|[Aa][Kk]_?[Ss][Kk]|AK_?SK)[A-Za-z0-9_.-]{0,40}` +
  `|[A-Za-z0-9_.-]{0,30}${VENDOR}[A-Za-z0-9_.-]{0,40}(?:[Ss]ecret|SECRET|[Ss][Kk]|SK)[A-Za-z0-9_.-]{0,20}` +
  '|阿里云?[\\u4e00-\\u9fa5]{0,6}(?:密钥|秘钥)';

/**
 * An OSS pre-signed URL (V1 `OSSAccessKeyId=…&Expires=…&Signature=…`, V4 `x-oss-credential=…`
 * with `x-oss-signature=`): it carries an AccessKeyId and a signature, never the secret, and it
 * expires. Sharing one is by design, so a line holding one is not blocked.
 */
export const OSS_PRESIGNED_URL =
  /OSSAccessKeyId=[^&\s"']{0,40}&(?:[^\s"']{0,300}&)?Signature=|x-oss-credential=[^\s"']{0,300}x-oss-signature=|x-oss-signature=[^\s"']{0,300}x-oss-credential=/i;
