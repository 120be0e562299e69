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
 * CLDR (in Node's ICU and every browser's) has no Papiamentu (nor does i18n-iso-countries): such
 * a language gets Dutch country names, which readers of Papiamentu in Aruba, Curaçao and Sint
 * Maarten also read, and its dates from the catalogue. A fixed list, not a question to the
 * runtime: the server and the browser must render the same words, and asking ICU
 * (supportedLocalesOf) cost a phone 16 ms of the elections overview's start.
 * tests/unit/catalogue.spec.ts checks the list against this runtime's ICU.
 */
export const WITHOUT_CLDR: ReadonlySet<string> = new Set(['pap']);
const hasCldr = (locale: string) => !WITHOUT_CLDR.has(locale);
export const cldrLocale = (locale: string) => (hasCldr(locale) ? locale : 'nl');

export function countryName(code: string, locale: string = currentLocale()): string {
	let names = displayNames.get(locale);
	if (!names) {
		names = new Intl.DisplayNames([cldrLocale(locale)], { type: 'region', fallback: 'code' });
		displayNames.set(locale, names);
	}
	return names.of(code) ?? code;
}

export type CountryOption = { readonly value: string; readonly label: string };
const sorted = new Map<string, readonly CountryOption[]>();

/**
 * Country options sorted as a reader of the page's language expects (Intl.Collator). Kept per
 * language and list: naming and sorting 249 countries took a phone's CPU 45 ms at every page.
 */
export function sortedCountries(
	codes: readonly string[],
	locale: string = currentLocale()
): readonly CountryOption[] {
	const key = `${locale}|${codes.join(',')}`;
	let options = sorted.get(key);
	if (!options) {
		const collator = new Intl.Collator(locale);
		options = codes
			.map((code) => ({ value: code, label: countryName(code, locale) }))
			.sort((a, b) => collator.compare(a.label, b.label));
		sorted.set(key, options);
	}
	return options;
}

// English pages use the day-month-year order that readers in Europe and most of the world expect.
const INTL_LOCALE: Record<string, string> = { en: 'en-GB' };
export const intlLocale = (locale: string) => INTL_LOCALE[locale] ?? locale;

/**
 * '2027-02-03' → '3 februari 2027' / '3 February 2027' (a calendar day: no time zone shift), from
 * the catalogue's month and weekday names and patterns (date_long, date_month_1…), not from
 * Intl: the browser's first date formatter cost a phone 65 ms of the elections overview's start
 * (ICU builds its pattern generator), and the catalogue reads the same in every runtime.
 * tests/unit/dates-catalogue.spec.ts checks it against Intl (CLDR) for every day of two centuries
 * in each language CLDR has; Papiamentu, which CLDR lacks, has only the catalogue.
 */
export function formatDate(iso: string, locale: string = currentLocale(), weekday = false): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
	const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
	const parts = { day: String(d), month: message(`date_month_${m}`, {}, locale), year: String(y) };
	if (!weekday) return message('date_long', parts, locale);
	const weekdayName = message(
		`date_weekday_${new Date(Date.UTC(y, m - 1, d)).getUTCDay()}`,
		{},
		locale
	);
	return message('date_long_weekday', { ...parts, weekday: weekdayName }, locale);
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
