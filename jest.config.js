/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  testTimeout: 60000,
  // perf: suite-wide no-leak check of every ak-hook output the tests produce
  setupFilesAfterEnv: ['<rootDir>/test/helpers/no-leak.ts'],
};
