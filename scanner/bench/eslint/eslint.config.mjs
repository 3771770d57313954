// The ESLint side of the comparison: every .js/.mjs/.cjs file of the benchmark set (node_modules too,
// which ESLint ignores by default), with the rules of eslint-plugin-security and eslint-plugin-no-unsanitized.
import security from 'eslint-plugin-security';
import nounsanitized from 'eslint-plugin-no-unsanitized';

export default [
  { ignores: ['!**/node_modules/'] },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    // module: most .js files of current packages are ES modules, and CommonJS ones parse as modules too (fewer parse errors than 'script')
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  security.configs.recommended,
  nounsanitized.configs.recommended,
];
