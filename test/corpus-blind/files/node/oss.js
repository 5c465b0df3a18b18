const OSS = require('ali-oss');
const Core = require('@alicloud/pop-core');

const client = new OSS({
  region: 'oss-cn-hangzhou',
  accessKeyId: '«alibaba-access-key-id:{{ak_id}}»',
  accessKeySecret: '«alibaba-access-key-secret:{{ak_secret}}»',
  bucket: 'static-assets',
});

const pop = new Core({
  accessKeyId: '«alibaba-access-key-id:{{ak_id}}»',
  accessKeySecret: '«alibaba-access-key-secret:{{ak_secret}}»',
  endpoint: 'https://ecs.aliyuncs.com',
  apiVersion: '2014-05-26',
});

const envClient = new OSS({
  region: process.env.OSS_REGION,
  accessKeyId: process.env.OSS_ACCESS_KEY_ID,
  accessKeySecret: process.env.OSS_ACCESS_KEY_SECRET,
  bucket: process.env.OSS_BUCKET,
});

const stsClient = new OSS({
  region: 'oss-cn-hangzhou',
  accessKeyId: '«alibaba-sts-access-key-id:{{sts_id}}»',
  accessKeySecret: '«alibaba-sts-access-key-secret:{{alnum:44}}»',
  stsToken: '«alibaba-sts-security-token:{{sts_token}}»',
  bucket: 'static-assets',
});

module.exports = { client, pop, envClient, stsClient };
