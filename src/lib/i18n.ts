/**
 * Turns journey texts into words in the page's language. Every message comes from `messages/`;
 * country names come from the runtime's CLDR data (Intl.DisplayNames), dates from Intl too.
 */
import type { Text } from '$lib/journeys/engine';
import { wallClock } from '$lib/domain/zones';
import { currentLocale, hasMessage, lookup } from '$lib/catalogue';

export { hasMessage };

/** A message by key; a missing key is a bug, so it fails loudly in tests instead of showing a key. */
export function message(
	key: string,
	params?: Record<string, string>,
	locale: string = currentLocale()
): string {
	return lookup(key, params ? localiseParams(params, locale) : {}, locale);
}

// Rules pass codes, not words: a `country` parameter is a country code, a `type` an election
// type, and a date an IsoDate.
function localiseParams(params: Record<string, string>, locale: string): Record<string, string> {
	return Object.fromEntries(
		Object.entries(params).map(([k, v]) => [
			k,
			k === 'country'
				? countryName(v, locale)
				: k === 'type'
					? message(`election_type_${v}`, {}, locale)
					: /^\d{4}-\d{2}-\d{2}$/.test(v)
						? formatDate(v, locale)
						: v
		])
	);
}

export function t(text: Text): string {
	if ('key' in text) return message(text.key, text.params);
	if ('literal' in text) return text.literal;
	if ('country' in text) return countryName(text.country);
	return formatDate(text.date);
}

const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * The runtime's CLDR data has no Papiamentu (nor does i18n-iso-countries): such a language gets
 * Dutch country names, which readers of Papiamentu in Aruba, Curaçao and Sint Maarten also read.
 */
const cldr = new Map<string, boolean>();
const hasCldr = (locale: string) => {
	let known = cldr.get(locale);
	if (known === undefined) {
		known = Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
		cldr.set(locale, known);
	}
	return known;
};
export const cldrLocale = (locale: string) => (hasCldr(locale) ? locale : 'nl');

export function countryName(code: string, locale: string = currentLocale()): string {
	let names = displayNames.get(locale);
	if (!names) {
		names = new Intl.DisplayNames([cldrLocale(locale)], { type: 'region', fallback: 'code' });
		displayNames.set(locale, names);
	}
	return names.of(code) ?? code;
}

/** Country options sorted as a reader of the page's language expects (Intl.Collator). */
export function sortedCountries(codes: readonly string[], locale: string = currentLocale()) {
	const collator = new Intl.Collator(locale);
	return codes
		.map((code) => ({ value: code, label: countryName(code, locale) }))
		.sort((a, b) => collator.compare(a.label, b.label));
}

// English pages use the day-month-year order that readers in Europe and most of the world expect.
const INTL_LOCALE: Record<string, string> = { en: 'en-GB' };
export const intlLocale = (locale: string) => INTL_LOCALE[locale] ?? locale;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** '2027-02-03' → '3 februari 2027' / '3 February 2027' (a calendar day: no time zone shift). */
export function formatDate(iso: string, locale: string = currentLocale(), weekday = false): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
	const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
	if (!hasCldr(locale)) {
		// No CLDR date names for this language: the catalogue has them (date_month_1…).
		const weekdayName = message(
			`date_weekday_${new Date(Date.UTC(y, m - 1, d)).getUTCDay()}`,
			{},
			locale
		);
		const parts = {
			day: String(d),
			month: message(`date_month_${m}`, {}, locale),
			year: String(y)
		};
		return weekday
			? message('date_long_weekday', { ...parts, weekday: weekdayName }, locale)
			: message('date_long', parts, locale);
	}
	// Building a formatter costs far more than using one; notices for a whole BRP batch format
	// tens of thousands of dates, so each language keeps its two formatters.
	const key = `${locale}|${weekday}`;
	let format = dateFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(intlLocale(locale), {
			day: 'numeric',
			month: 'long',
			year: 'numeric',
			...(weekday ? { weekday: 'long' } : {}),
			timeZone: 'UTC'
		});
		dateFormats.set(key, format);
	}
	return format.format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * A clock time ('14:05'): by default in the reader's own time zone, for "your session ends at
 * …"; the office passes Europe/Amsterdam.
 */
export function formatTime(
	date: Date,
	locale: string = currentLocale(),
	timeZone?: string
): string {
	return new Intl.DateTimeFormat(intlLocale(cldrLocale(locale)), {
		hour: '2-digit',
		minute: '2-digit',
		timeZone
	}).format(date);
}

/**
 * An instant as its day and time read in a time zone: "woensdag 13 maart 2030, 18:59". For a Den
 * Haag cut-off shown in the voter's own zone (the instant is the law's; only its reading moves).
 */
export function formatInstant(
	instant: Date,
	timeZone: string,
	locale: string = currentLocale()
): string {
	const { day, time } = wallClock(instant, timeZone);
	return message('datetime', { date: formatDate(day, locale, true), time }, locale);
}

/** A time zone's IANA name as people read it: "America/New_York" → "America/New York". */
export function timeZoneName(zone: string): string {
	return zone.replace(/_/g, ' ');
}
