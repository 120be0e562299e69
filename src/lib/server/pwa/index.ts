/**
 * The installable app (issue 6): the web app manifest, one per language. All languages share one
 * `id`, so installing from the English pages and from the Dutch ones is the same app; it opens in
 * the language it was installed from, and the voter can switch there as everywhere.
 */
import * as m from '$lib/paraglide/messages.js';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';

export const THEME_COLOR = '#154273';

export function manifest() {
	return {
		id: '/',
		name: m.site_name(),
		short_name: m.pwa_short_name(),
		description: m.pwa_description(),
		lang: getLocale(),
		dir: 'ltr',
		// `/en`, not `/en/` (which only redirects there).
		start_url: localizeHref('/').replace(/(.)\/$/, '$1'),
		scope: '/',
		display: 'standalone',
		background_color: '#ffffff',
		theme_color: THEME_COLOR,
		categories: ['government'],
		icons: [
			{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
			{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
			{
				src: '/icons/icon-maskable-512.png',
				sizes: '512x512',
				type: 'image/png',
				purpose: 'maskable'
			},
			{ src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }
		]
	};
}
