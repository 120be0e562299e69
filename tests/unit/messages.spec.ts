/**
 * Every user-visible string comes from messages/, in every language: same keys everywhere, the
 * same placeholders, and a message for every code the rules and journeys can emit.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	ELECTION_TYPES,
	REASON_CODES,
	STATUS_REASON_CODES,
	SUBMISSION_CHANNELS
} from '$lib/domain';
import { registration } from '$lib/journeys/registration';

const dir = path.resolve('messages');
const locales = readdirSync(dir)
	.filter((f) => f.endsWith('.json'))
	.map((f) => f.replace('.json', ''));
const catalogue = (locale: string): Record<string, string> => {
	const messages = JSON.parse(readFileSync(path.join(dir, `${locale}.json`), 'utf8'));
	delete messages.$schema;
	return messages;
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Messages that may read the same as the Dutch: proper names and codes only. */
const IDENTICAL_ALLOWED: Record<string, string[]> = {
	// The same word in German: "Ja", "Datum", "Land".
	de: ['answer_yes', 'pdf_form_date', 'field_country'],
	// "mei" is May in Papiamentu too.
	pap: ['date_month_5']
};

describe('message catalogues', () => {
	const base = catalogue('nl');

	it('has Dutch and English', () => {
		expect(locales).toEqual(expect.arrayContaining(['nl', 'en']));
	});

	for (const locale of locales) {
		it(`${locale} has exactly the Dutch keys, with the same placeholders, none empty`, () => {
			const messages = catalogue(locale);
			expect(Object.keys(messages).sort()).toEqual(Object.keys(base).sort());
			for (const [key, text] of Object.entries(messages)) {
				expect(text.trim(), key).not.toBe('');
				expect(placeholders(text), key).toEqual(placeholders(base[key] ?? ''));
			}
		});
	}

	for (const locale of locales.filter((l) => l !== 'nl')) {
		it(`${locale} leaves no message identical to Dutch unless it is a proper name or code`, () => {
			const messages = catalogue(locale);
			// A pattern of placeholders only ("{day} {month} {year}") has no words to translate.
			const words = (t: string) => /\p{L}/u.test(t.replace(/\{\w+\}/g, ''));
			const identical = Object.keys(base).filter(
				(key) => messages[key] === base[key] && words(base[key] ?? '')
			);
			expect(identical.sort()).toEqual([...(IDENTICAL_ALLOWED[locale] ?? [])].sort());
		});
	}

	it('uses flat snake_case keys', () => {
		for (const key of Object.keys(base)) expect(key).toMatch(/^[a-z][a-z0-9]*(_[a-zA-Z0-9]+)*$/);
	});

	it('has a message for every reason, election type, channel and outcome the code can produce', () => {
		const needed = [
			...REASON_CODES.map((c) => `reason_${c}`),
			...STATUS_REASON_CODES.map((c) => `reason_${c}`),
			...ELECTION_TYPES.flatMap((t) => [`election_type_${t}`, `election_type_${t}_hint`]),
			...SUBMISSION_CHANNELS.flatMap((c) =>
				['', '_hint', '_instruction', '_where'].map((s) => `submission_${c}${s}`)
			),
			...['not_dutch', 'not_abroad', 'too_young', 'not_eligible'].flatMap((o) => [
				`result_${o}_title`,
				`result_${o}_next`
			])
		];
		for (const key of needed) expect(base[key], key).toBeDefined();
	});

	it('has every message key that the journey definitions refer to', () => {
		const source =
			readFileSync(path.resolve('src/lib/journeys/registration/index.ts'), 'utf8') +
			readFileSync(path.resolve('src/lib/journeys/fields.ts'), 'utf8');
		const keys = [...source.matchAll(/'((?:register|error|field|answer)_[a-z0-9_]+)'/g)].map(
			(m) => m[1]!
		);
		expect(keys.length).toBeGreaterThan(30);
		for (const key of keys) expect(base[key], key).toBeDefined();
		for (const step of registration.steps) expect(base[step.question.key], step.id).toBeDefined();
		// Name fields take their error keys from their label key.
		for (const field of ['register_name_first_names', 'register_name_surname']) {
			for (const suffix of ['required', 'too_long', 'characters']) {
				expect(base[`${field}_error_${suffix}`]).toBeDefined();
			}
		}
	});
});
