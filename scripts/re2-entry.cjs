// Entry of dist/re2.js: the linear-time regex engine for user regexes, loaded only when a config has one.
module.exports = require('re2js');
