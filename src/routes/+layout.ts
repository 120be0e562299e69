import { loadMessages } from '$lib/catalogue';
import { baseLocale, extractLocaleFromUrl } from '$lib/paraglide/runtime';
import type { LayoutLoad } from './$types';

// In the browser, the page's language is fetched before the page hydrates (one chunk, cached for
// good); on the server every language is compiled in and this does nothing.
export const load: LayoutLoad = async ({ url }) => {
	await loadMessages(extractLocaleFromUrl(url) ?? baseLocale);
};
