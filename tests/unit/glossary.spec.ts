/**
 * The glossary (docs/glossary.json) is used consistently: wherever a Dutch message uses a legal
 * term, the message in every other language uses that language's term for it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Entry = { term: string; forms: string[]; exceptions?: string[] };
type Term = { id: string; note: string } & Record<string, Entry | string>;
const glossary = JSON.parse(readFileSync('docs/glossary.json', 'utf8')) as { terms: Term[] };
const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
	locales: string[];
};
const catalogue = (locale: string) =>
	JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
const uses = (text: string, forms: string[]) =>
	forms.some((f) => text.toLocaleLowerCase().includes(f.toLocaleLowerCase()));

describe('glossary', () => {
	const nl = catalogue('nl');

	it('has every term in every language', () => {
		for (const term of glossary.terms) {
			for (const locale of settings.locales) {
				const entry = term[locale] as Entry | undefined;
				expect(entry?.term, `${term.id} in ${locale}`).toBeTruthy();
				expect(entry?.forms.length, `${term.id} in ${locale}`).toBeGreaterThan(0);
			}
		}
	});

	for (const locale of settings.locales.filter((l) => l !== 'nl')) {
		it(`is followed by the ${locale} messages`, () => {
			const messages = catalogue(locale);
			const misses: string[] = [];
			for (const term of glossary.terms) {
				const source = term.nl as Entry;
				const target = term[locale] as Entry;
				for (const [key, text] of Object.entries(nl)) {
					if (key.startsWith('$') || !uses(text, source.forms)) continue;
					if (target.exceptions?.includes(key)) continue;
					if (!uses(messages[key] ?? '', target.forms)) misses.push(`${term.id}: ${key}`);
				}
			}
			expect(misses).toEqual([]);
		});
	}
});
