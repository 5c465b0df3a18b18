// 微信公众号 / 小程序配置
module.exports = {
  appId: 'wx{{hex:16}}',
  appSecret: '«wechat-app-secret:{{hex:32}}»',
  token: 'weixin',
  encodingAESKey: process.env.WX_AES_KEY,
};
