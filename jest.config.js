// One jest run for the whole repo: server unit tests, integration tests through
// the real HTTP/Socket.IO surface against a real PostgreSQL, web unit tests and
// browser tests in Chromium. `npm test` builds first, so integration and browser
// tests run the built server exactly as `npm start` does.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    // keep import() as a real dynamic import so ESM-only packages (pdfjs-dist) load
    module: { type: 'commonjs', ignoreDynamic: true },
  },
];
const shared = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@hopso/shared$': '<rootDir>/shared/src/index.ts' },
  testEnvironment: 'node',
};
module.exports = {
  testTimeout: 60_000,
  maxWorkers: 2,
  globalSetup: '<rootDir>/server/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/server/test/support/global-teardown.ts',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/server/src/**/*.spec.ts', '<rootDir>/shared/src/**/*.spec.ts', '<rootDir>/web/src/**/*.spec.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/server/test/**/*.test.ts'], setupFilesAfterEnv: ['<rootDir>/server/test/support/timeouts.ts'] },
    { ...shared, displayName: 'browser', testMatch: ['<rootDir>/web/e2e/**/*.e2e.ts'] },
  ],
};
