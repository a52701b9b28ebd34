// ESLint flat config: typescript-eslint's recommended rules, with prettier owning formatting.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "jest.config.js",
      "test/support/summaryReporter.js",
      ".tmp/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The serialized provider shim must call require() inside its methods so the text Pulumi stores is tiny, and
    // provider-host requires a kind's plan bundle by a path known only at run time.
    files: ["src/providerShim.ts", "src/providerHost.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
