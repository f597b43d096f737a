import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
	{
		ignores: ['dist/**', 'dist-test/**', 'node_modules/**', '.vscode-test/**', 'test/fixtures/**', '**/*.js'],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	// Build and test scripts run in Node.
	{ files: ['**/*.mjs', '**/*.cjs'], languageOptions: { globals: globals.node } },
	{ files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			'@typescript-eslint/no-floating-promises': 'off',
			// src/api, src/snippets, src/catalogue (pure logic) must not import vscode.
			'no-restricted-imports': 'off',
		},
	},
	{
		files: [
			'src/api/**/*.ts',
			'src/snippets/**/*.ts',
			'src/webview/**/*.ts',
			'test/unit/**/*.ts',
			'test/emulator/**/*.ts',
		],
		rules: { 'no-restricted-imports': ['error', { paths: ['vscode'] }] },
	},
);
