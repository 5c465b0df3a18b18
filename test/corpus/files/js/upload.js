'use strict';
const OSS = require('ali-oss');
const path = require('path');

const client = new OSS({
  region: 'oss-cn-shenzhen',
  accessKeyId: '«alibaba-access-key-id:{{ak_id}}»',
  accessKeySecret: '«alibaba-access-key-secret:{{ak_secret}}»',
  bucket: 'web-static',
});

const stsClient = new OSS({
  region: 'oss-cn-shenzhen',
  accessKeyId: process.env.OSS_STS_ID,
  accessKeySecret: process.env.OSS_STS_SECRET,
  stsToken: process.env.OSS_STS_TOKEN,
  bucket: 'web-static',
});

async function put(file) {
  const name = path.basename(file);
  const result = await client.put(`assets/${name}`, file);
  return result.url;
}

module.exports = { put, stsClient };
