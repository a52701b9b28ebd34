// Jest runs the specs beside the code (src/**/NAME.spec.ts) and the integration tests under test/.
module.exports = {
  testEnvironment: "node",
  testMatch: ["<rootDir>/src/**/*.spec.ts", "<rootDir>/test/**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  testTimeout: 60000,
  // Two test files at a time (jest's default on a 2-core machine is one): a suite spends about half its time waiting on
  // emulators, timers and child processes, so a second file fills those waits and the second core.
  maxWorkers: 2,
  reporters: ["default", "<rootDir>/test/support/summaryReporter.js"],
  // Examples import the package by name, as users do; in tests that name is the source tree.
  moduleNameMapper: { "^pulumi-lb-listeners$": "<rootDir>/src/index.ts" },
};
