import { baseLocale, locales, toLocale } from '$lib/paraglide/runtime.js';

export type Locale = (typeof locales)[number];

/**
 * The message locale for a voter's language tag: 'en', 'EN' and 'en-GB' give 'en'. A language
 * the messages do not have yet falls back to the base locale (Dutch), so that the cover sheet,
 * its dates and the labels beside the Dutch ones are always in one and the same language.
 */
export function resolveLocale(tag: string): Locale {
	return toLocale(tag) ?? toLocale(tag.split(/[-_]/)[0]) ?? baseLocale;
}
