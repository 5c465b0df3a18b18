const RPCClient = require('@alicloud/pop-core').RPCClient;
const client = new RPCClient({
  accessKeyId: '«alibaba-access-key-id:{{ak_id}}»',
  accessKeySecret: '«alibaba-access-key-secret:{{ak_secret}}»',
  endpoint: 'https://sts.aliyuncs.com',
  apiVersion: '2015-04-01',
});
const sts = { AccessKeyId: '«alibaba-sts-access-key-id:{{sts_id}}»', AccessKeySecret: '«alibaba-sts-access-key-secret:{{alnum:44}}»', SecurityToken: '«alibaba-sts-security-token:{{sts_token}}»', Expiration: '2024-05-12T11:52:19Z' };
