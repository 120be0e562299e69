/**
 * Which language to serve a page in. The URL decides (Dutch at /, others at /en/, /de/, …); on a
 * first visit to a Dutch URL the browser's Accept-Language may send the voter to their language,
 * and once they choose one with the switch (?lang=xx) that choice is remembered in a cookie.
 */
import type { Handle } from '@sveltejs/kit';
import {
	baseLocale,
	extractLocaleFromHeader,
	extractLocaleFromUrl,
	isLocale,
	localizeHref
} from '$lib/paraglide/runtime';

export const LANGUAGE_COOKIE = 'lang';
const YEAR = 60 * 60 * 24 * 365;

function wantsPage(request: Request, url: URL): boolean {
	return (
		!url.pathname.includes('/api/') &&
		(request.method === 'GET' || request.method === 'HEAD') &&
		(request.headers.get('accept') ?? '').includes('text/html')
	);
}

/**
 * A path that stays on this site: `//evil.example/` or `/\\evil.example/` in a Location header
 * would send the browser to another host (an open redirect on a government domain).
 */
export function sameSite(path: string): string {
	return '/' + path.replace(/^[/\\]+/, '');
}

// A Response rather than SvelteKit's thrown redirect, so the security headers wrap it too.
const redirectTo = (status: number, path: string) =>
	new Response(null, { status, headers: { location: sameSite(path) } });

export const negotiateLanguage: Handle = ({ event, resolve }) => {
	const { url, request, cookies } = event;
	if (!wantsPage(request, url)) return resolve(event);

	// The switch: remember the choice (a functional cookie, no tracking) and drop the parameter.
	const chosen = url.searchParams.get('lang');
	if (chosen !== null) {
		const target = new URL(url);
		target.searchParams.delete('lang');
		const response = redirectTo(303, target.pathname + target.search);
		if (isLocale(chosen)) {
			// Set on the Response itself: event.cookies only reach responses made by resolve().
			const secure = url.protocol === 'https:' ? '; Secure' : '';
			response.headers.append(
				'set-cookie',
				`${LANGUAGE_COOKIE}=${chosen}; Path=/; Max-Age=${YEAR}; HttpOnly; SameSite=Lax${secure}`
			);
		}
		return response;
	}

	// A URL with a language prefix is explicit; only the prefix-less (Dutch) URLs negotiate. A
	// guided link's landing page (/via/…) is in the language the association chose for it, Dutch
	// included; the voter can still switch.
	if (extractLocaleFromUrl(url) !== baseLocale || url.pathname.startsWith('/via/')) {
		return resolve(event);
	}
	const remembered = cookies.get(LANGUAGE_COOKIE);
	const preferred = isLocale(remembered) ? remembered : extractLocaleFromHeader(request);
	if (preferred && preferred !== baseLocale) {
		return redirectTo(307, localizeHref(url.pathname + url.search, { locale: preferred }));
	}
	return resolve(event);
};
