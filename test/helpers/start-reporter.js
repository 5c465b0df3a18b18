/**
 * A jest reporter that names each test file as it starts, with the seconds since the run began.
 * jest's default reporter names a file only when it ends, so a run cut off by CI's time limit
 * would not say which file it was in.
 */
class StartReporter {
  constructor(globalConfig) {
    this.root = globalConfig.rootDir;
    this.t0 = Date.now();
  }

  onTestFileStart(test) {
    const file = test.path.startsWith(this.root + '/') ? test.path.slice(this.root.length + 1) : test.path;
    process.stderr.write(`START ${file} (+${Math.round((Date.now() - this.t0) / 1000)} s)\n`);
  }
}

module.exports = StartReporter;
