/**
 * Messages by key, on the server: paraglide's compiled functions, every language. The browser
 * gets src/lib/catalogue.client.ts in its place (the `clientMessages` plugin in vite.config.ts),
 * which holds only the page's language: all six in every page's script cost a phone 1.2 MB.
 */
import * as messages from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';

/** The language of the request being rendered. */
export const currentLocale = (): string => getLocale();

type MessageFn = (params?: Record<string, string>, options?: { locale?: string }) => string;
const catalogue = messages as unknown as Record<string, MessageFn | undefined>;

/** The server has every language compiled in: nothing to load. */
export async function loadMessages(locale: string): Promise<void> {
	void locale;
}

export function hasMessage(key: string): boolean {
	return typeof catalogue[key] === 'function';
}

/** A message by key; a missing key is a bug, so it fails loudly instead of showing a key. */
export function lookup(key: string, params: Record<string, string>, locale: string): string {
	const fn = catalogue[key];
	if (!fn) throw new Error(`Missing message: ${key}`);
	return fn(params, { locale });
}
