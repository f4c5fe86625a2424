/** Unit and integration tests. Integration tests use TEST_DATABASE_URL when set, else embedded PGlite. */
module.exports = {
  rootDir: __dirname,
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@saf/kit$': '<rootDir>/shared/src',
    '^@saf/gateway$': '<rootDir>/gateway/src',
    '^@saf/([a-z-]+)$': '<rootDir>/subgraphs/$1/src',
  },
  setupFiles: ['reflect-metadata', '<rootDir>/tests/support/secrets.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
};
