/**
 * formatDate names days from the catalogue (messages/*.json), not from Intl (src/lib/i18n.ts says
 * why). For every language CLDR has, it must read exactly as CLDR's long date does, with and
 * without the weekday, on every day of two centuries.
 */
import { describe, expect, it } from 'vitest';
import { formatDate, intlLocale, WITHOUT_CLDR } from '$lib/i18n';
import { locales } from '$lib/paraglide/runtime';

const DAY = 86_400_000;

describe('dates from the catalogue', () => {
	for (const locale of locales.filter((l) => !WITHOUT_CLDR.has(l))) {
		it(`reads as CLDR does in ${locale}`, () => {
			const long = new Intl.DateTimeFormat(intlLocale(locale), {
				day: 'numeric',
				month: 'long',
				year: 'numeric',
				timeZone: 'UTC'
			});
			const withWeekday = new Intl.DateTimeFormat(intlLocale(locale), {
				day: 'numeric',
				month: 'long',
				year: 'numeric',
				weekday: 'long',
				timeZone: 'UTC'
			});
			let days = 0;
			for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2100, 0, 1); t += DAY) {
				const date = new Date(t);
				const iso = date.toISOString().slice(0, 10);
				expect(formatDate(iso, locale), iso).toBe(long.format(date));
				expect(formatDate(iso, locale, true), iso).toBe(withWeekday.format(date));
				days++;
			}
			expect(days).toBe(73_049);
		});
	}

	it('names Papiamentu days from its own catalogue', () => {
		expect(formatDate('2030-03-13', 'pap')).toBe('13 di mart 2030');
		expect(formatDate('2030-03-13', 'pap', true)).toBe('djárason 13 di mart 2030');
	});

	it('leaves what is not a calendar day as it is', () => {
		expect(formatDate('13-03-2030', 'nl')).toBe('13-03-2030');
	});
});
