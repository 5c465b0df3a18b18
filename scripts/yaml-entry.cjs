// Entry of dist/yaml.js: the YAML parser, bundled apart and loaded only for YAML configs.
module.exports = require('yaml');
