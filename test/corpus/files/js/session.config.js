module.exports = {
  cookieName: 'sid',
  // signs the session cookie
  sessionSecret: '«generic-secret:{{ak_secret}}»',
  secretHeader: 'X-Session-Secret',
  maxAge: 86400,
};
