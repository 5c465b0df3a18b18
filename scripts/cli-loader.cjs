#!/usr/bin/env node
// ak-hook's bin: loads the bundled CLI (cli-main.js) through a V8 code cache kept beside it,
// so a hook run skips compiling the bundle (~3 ms of a ~70 ms run). A missing, stale or
// corrupt cache is simply rejected by V8 and rewritten (atomically; failures are ignored,
// e.g. a read-only node_modules).
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');

const file = path.join(__dirname, 'cli-main.js');
const cacheFile = path.join(__dirname, '.cli-main.cache');
const source = fs.readFileSync(file, 'utf8').replace(/^#!.*/, '');
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
const mod = new Module(file, module);
mod.filename = file;
mod.paths = Module._nodeModulePaths(__dirname);
mod.loaded = true;
if (cachedData === undefined || script.cachedDataRejected) {
  process.once('exit', () => {
    try {
      const tmp = `${cacheFile}.${process.pid}`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch {
      // no cache this time
    }
  });
}
script.runInThisContext().call(mod.exports, mod.exports, (id) => mod.require(id), mod, file, __dirname);
