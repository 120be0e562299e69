import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: ['build/', '.svelte-kit/', 'src/lib/paraglide/', 'data/', 'drizzle/', 'bench/results/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			// Links are localised with paraglide's localizeHref (/en/…); the app has no base path,
			// so SvelteKit's resolve() would add nothing.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// HOUSE-STYLE: routes are thin; no SQL or drizzle in src/routes.
		files: ['src/routes/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Routes go through a service.' },
						{
							group: ['$lib/server/db', '$lib/server/db/*'],
							message: 'Routes go through a service.'
						},
						{ group: ['postgres', '@electric-sql/*'], message: 'Routes go through a service.' }
					]
				}
			]
		}
	},
	{
		// HOUSE-STYLE: the rules know nothing of HTTP, Svelte or SQL (no I/O).
		files: ['src/lib/domain/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$app/*', '@sveltejs/*', 'svelte', 'svelte/*'],
							message: 'Domain is framework-free.'
						},
						{
							group: ['$lib/server/*', '$lib/paraglide/*', 'drizzle-orm*', 'postgres'],
							message: 'Domain does no I/O.'
						},
						{
							group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process'],
							message: 'Domain does no I/O.'
						}
					]
				}
			]
		}
	}
);
