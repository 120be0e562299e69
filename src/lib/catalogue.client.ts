/**
 * Messages by key, in the browser: the page's language only, loaded before the page hydrates
 * (src/routes/+layout.ts), from messages/<locale>.json, one chunk per language. The
 * `clientMessages` plugin (vite.config.ts) puts this module in the place of src/lib/catalogue.ts
 * and makes paraglide's `m.key()` functions call `lookup`, so a component reads the same words
 * the server rendered. tests/unit/catalogue.spec.ts compares the two for every key and language.
 */
import { baseLocale, getLocale } from '$lib/paraglide/runtime';

type Dictionary = Record<string, string>;

const loaders = import.meta.glob<Dictionary>('../../messages/*.json', { import: 'default' });
const dictionaries = new Map<string, Dictionary>();

export async function loadMessages(locale: string): Promise<void> {
	if (dictionaries.has(locale)) return;
	const load = loaders[`../../messages/${locale}.json`];
	if (!load) throw new Error(`No messages for ${locale}`);
	dictionaries.set(locale, await load());
}

/** The inlang message format as this project writes it: text with `{name}` placeholders. */
export function format(template: string, params: Record<string, unknown> = {}): string {
	return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) =>
		String(params[name])
	);
}

// paraglide's getLocale reads the URL at every call; a page renders hundreds of messages.
let seenHref: string | undefined;
let seenLocale = baseLocale as string;
/** The page's language, read from its URL once per URL. */
export function currentLocale(): string {
	const href = typeof window === 'undefined' ? undefined : window.location.href;
	if (href === undefined) return getLocale();
	if (href !== seenHref) {
		seenHref = href;
		seenLocale = getLocale();
	}
	return seenLocale;
}

function template(key: string, locale: string): string {
	const dictionary = dictionaries.get(locale);
	if (!dictionary) throw new Error(`Messages for ${locale} are not loaded`);
	const found = dictionary[key];
	if (found === undefined) throw new Error(`Missing message: ${key}`);
	return found;
}

export function hasMessage(key: string): boolean {
	const dictionary = dictionaries.get(currentLocale()) ?? dictionaries.values().next().value;
	return dictionary !== undefined && typeof dictionary[key] === 'string' && key !== '$schema';
}

/** What paraglide's `m.key(params, { locale })` becomes in the browser (vite.config.ts). */
export function lookup(
	key: string,
	params: Record<string, unknown> = {},
	locale: string = currentLocale()
): string {
	return format(template(key, locale), params);
}

/** A message the page shows in every language (EVERY_LANGUAGE in vite.config.ts), with its texts. */
export const multilingual =
	(texts: Record<string, string>) =>
	(params: Record<string, unknown> = {}, options: { locale?: string } = {}) => {
		const text = texts[options.locale ?? currentLocale()];
		if (text === undefined) throw new Error(`Missing text in ${options.locale}`);
		return format(text, params);
	};
