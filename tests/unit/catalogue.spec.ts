/**
 * The browser's catalogue (src/lib/catalogue.client.ts) gives the same words as paraglide's
 * compiled functions, which render the page on the server: otherwise a page would change its
 * words as it hydrates. Every key, every language, every placeholder.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as compiled from '$lib/paraglide/messages.js';
import { format, hasMessage, loadMessages, lookup, multilingual } from '$lib/catalogue.client';
import { EVERY_LANGUAGE } from '$lib/every-language';
import { WITHOUT_CLDR } from '$lib/i18n';

type MessageFn = (params?: Record<string, string>, options?: { locale?: string }) => string;
const paraglide = compiled as unknown as Record<string, MessageFn>;

const dir = path.resolve('messages');
const texts = Object.fromEntries(
	readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.map((f) => [f.slice(0, -'.json'.length), JSON.parse(readFileSync(path.join(dir, f), 'utf8'))])
) as Record<string, Record<string, string>>;
const keys = Object.keys(texts.nl!).filter((key) => key !== '$schema');

describe('the browser catalogue', () => {
	it('renders every message in every language as paraglide does', async () => {
		let compared = 0;
		for (const locale of Object.keys(texts)) {
			await loadMessages(locale);
			for (const key of keys) {
				const params = Object.fromEntries(
					[...texts[locale]![key]!.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, `«${m[1]}»`])
				);
				expect(lookup(key, params, locale), `${locale} ${key}`).toBe(
					paraglide[key]!(params, { locale })
				);
				compared++;
			}
		}
		expect(compared).toBe(keys.length * Object.keys(texts).length);
		expect(compared).toBeGreaterThan(6 * 1000);
	});

	it('knows which keys exist, and fails loudly on one that does not', async () => {
		await loadMessages('en');
		expect(hasMessage('site_name')).toBe(true);
		expect(hasMessage('no_such_message')).toBe(false);
		expect(hasMessage('$schema')).toBe(false);
		expect(() => lookup('no_such_message', {}, 'en')).toThrow(/Missing message/);
		await expect(loadMessages('xx')).rejects.toThrow(/No messages/);
	});

	it('fills placeholders, and leaves text around them alone', () => {
		expect(format('{a} en {b}, {a}', { a: '1', b: '2' })).toBe('1 en 2, 1');
		expect(format('geen {}', {})).toBe('geen {}');
	});

	it('has every message a page shows in another language than its own, in all of them', () => {
		for (const key of EVERY_LANGUAGE) {
			const fn = multilingual(
				Object.fromEntries(Object.keys(texts).map((l) => [l, texts[l]![key]!]))
			);
			for (const locale of Object.keys(texts)) {
				expect(fn({}, { locale })).toBe(paraglide[key]!({}, { locale }));
			}
		}
		// Every call with a locale of its own, in the browser's code, is of such a message.
		const sources: string[] = [];
		const walk = (folder: string) => {
			for (const entry of readdirSync(folder, { withFileTypes: true })) {
				const file = path.join(folder, entry.name);
				if (entry.isDirectory()) {
					if (!['server', 'paraglide'].includes(entry.name)) walk(file);
				} else if (/\.(svelte|ts)$/.test(entry.name) && !/\.(spec|server)\.ts$/.test(entry.name)) {
					// Code only: comments here mention such calls.
					const code = readFileSync(file, 'utf8')
						.split('\n')
						.filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line));
					sources.push(code.join('\n'));
				}
			}
		};
		walk(path.resolve('src'));
		const called = new Set(
			sources.flatMap((source) =>
				[...source.matchAll(/\bm\.(\w+)\(\s*\{[^{}]*\}\s*,\s*\{\s*locale\b/g)].map((m) => m[1]!)
			)
		);
		expect(called.size).toBeGreaterThan(0);
		expect([...called].filter((key) => !EVERY_LANGUAGE.includes(key))).toEqual([]);
	});

	it('knows which languages CLDR lacks, as the ICU of this runtime does', () => {
		for (const locale of Object.keys(texts)) {
			expect(WITHOUT_CLDR.has(locale), locale).toBe(
				Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 0
			);
		}
		expect(WITHOUT_CLDR.has('pap')).toBe(true);
	});
});
