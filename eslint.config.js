// Lint: ESLint's and typescript-eslint's recommended rules, plus eslint-plugin-office-addins
// (no context.sync in loops, load before read, sync after load, isNullObject tests …).
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");

// The plugin's recommended set brings its own copy of @typescript-eslint; take its rules only.
const officeRules = Object.fromEntries(
  officeAddins.configs.recommended.flatMap((c) => Object.entries(c.rules ?? {})).filter(([name]) => name.startsWith("office-addins/")),
);

module.exports = tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-output/**", "examples/**", "**/*.hunt.ts"] },
  require("@eslint/js").configs.recommended,
  ...tseslint.configs.recommended,
  // Office.js lives in src/excel only; elsewhere these rules mistake ExcelJS and plain objects for proxies.
  { files: ["src/excel/**/*.ts"], plugins: { "office-addins": officeAddins }, rules: officeRules },
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
