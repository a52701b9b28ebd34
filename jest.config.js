// Jest runs the specs beside the code (src/**/NAME.spec.ts) and the integration tests under test/.
module.exports = {
  testEnvironment: "node",
  testMatch: ["<rootDir>/src/**/*.spec.ts", "<rootDir>/test/**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  testTimeout: 60000,
  // Two test files at a time: most suites wait on emulators, timers and provider hosts starting rather than on the CPU,
  // so on a 2-core machine (where jest's default is one worker) two run in about the time of one.
  maxWorkers: 2,
  reporters: ["default", "<rootDir>/test/support/summaryReporter.js"],
  // Examples import the package by name, as users do; in tests that name is the source tree.
  moduleNameMapper: { "^pulumi-lb-listeners$": "<rootDir>/src/index.ts" },
};
