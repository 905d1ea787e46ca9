// Flat config: typescript-eslint everywhere; type-aware Pulumi rules on the programs (stack, fixtures),
// where an Output in a template literal is a real bug.
import tseslint from "typescript-eslint";
import pulumi from "@pulumi/eslint-plugin";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "**/node_modules/",
      "dist/",
      "coverage/",
      ".stryker-tmp/",
      "reports/",
      "bench/results*",
      "**/*.js",
      "!bin/*.js",
      "!eslint.config.mjs",
    ],
  },
  ...tseslint.configs.strict,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  {
    // The launchers run before any TypeScript is loadable, so they are CommonJS (type-checked by tsc's checkJs).
    files: ["bin/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["stack/**/*.ts", "fixtures/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@pulumi": pulumi },
    rules: {
      "@pulumi/no-output-in-template-literal": "error",
      "@pulumi/no-output-instance-in-template-literal": "error",
      "@typescript-eslint/no-floating-promises": "error",
    },
  },
  {
    files: ["policies/**/*.ts"],
    rules: {
      // A pack that writes to stdout before it serves breaks the engine's port handshake.
      "no-console": ["error", { allow: ["error", "warn"] }],
    },
  },
);
