import OSS from 'ali-oss';
import STS from '@alicloud/sts20150401';

export async function uploadClient(): Promise<OSS> {
  return new OSS({
    region: 'oss-cn-hangzhou',
    accessKeyId: '«alibaba-sts-access-key-id:{{sts_id}}»',
    accessKeySecret: '«alibaba-sts-access-key-secret:{{alnum:44}}»',
    stsToken: '«alibaba-sts-security-token:{{sts_token}}»',
    bucket: 'acme-console-uploads',
    refreshSTSTokenInterval: 300000,
  });
}

export function clientFromCreds(c: { AccessKeyId: string; AccessKeySecret: string; SecurityToken: string }) {
  return new OSS({
    region: 'oss-cn-hangzhou',
    accessKeyId: c.AccessKeyId,
    accessKeySecret: c.AccessKeySecret,
    stsToken: c.SecurityToken,
    bucket: 'acme-console-uploads',
  });
}

export const ROLE_ARN = 'acs:ram::1234567890123456:role/console-upload';
export type StsClient = InstanceType<typeof STS>;
