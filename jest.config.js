/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  testTimeout: 60000,
  // perf: suite-wide no-leak check of every ak-hook output the tests produce (and a time limit on
  // every process a test runs synchronously)
  setupFilesAfterEnv: ['<rootDir>/test/helpers/no-leak.ts'],
  // Each file named as it starts: a run that CI cuts off still says where it was.
  reporters: ['default', '<rootDir>/test/helpers/start-reporter.js'],
  // On two cores jest runs the files in its own process: a handle a failed test left open (a
  // child process, a server) must not keep the finished run waiting until CI's limit.
  forceExit: true,
};
