/**
 * Security headers every response carries (issue 8; OWASP ASVS 5.0 V3.4, NCSC U/WA.05), in plain
 * JavaScript so that `scripts/start.mjs` can put them on the static files adapter-node serves
 * before SvelteKit's hooks run (the app's scripts, styles, icons), and the hook on everything else.
 *
 * Pages replace the Content-Security-Policy with SvelteKit's own (nonces, svelte.config.js), and
 * the intake page the Permissions-Policy; what is left here is the strictest value: nothing may
 * run, load, frame or be framed.
 */
export const BASELINE_HEADERS = Object.freeze({
	// Sent over plain HTTP too: browsers ignore it there (RFC 6797 §8.1), and behind a TLS proxy
	// the app cannot always tell.
	'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
	'X-Content-Type-Options': 'nosniff',
	// "same-origin" rather than "no-referrer": with no referrer Chromium and Firefox post forms with
	// `Origin: null`, and SvelteKit's CSRF check refuses them. Resume links never leave the site.
	'Referrer-Policy': 'same-origin',
	'X-Frame-Options': 'DENY',
	'Permissions-Policy':
		'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
	'Content-Security-Policy':
		"default-src 'none'; base-uri 'none'; object-src 'none'; form-action 'none'; frame-ancestors 'none'",
	'Cross-Origin-Opener-Policy': 'same-origin'
});

/**
 * The one exception to "never framed": the deadline widget (issue 5), which expat associations
 * embed in their own sites with an iframe, at /widget/… and the language-prefixed twins the i18n
 * reroute also serves (/en/widget/…; the locales of project.inlang/settings.json, Dutch at /).
 * Decided by path because `scripts/start.mjs` sets these headers before any route is known.
 */
export const WIDGET_PATH = /^(\/(en|de|fr|es|pap))?\/widget(\/|$)/;

/** @param {string} pathname */
export const isWidgetPath = (pathname) => WIDGET_PATH.test(pathname);

/**
 * The baseline for the widget: everything above but two headers.
 *
 * - No X-Frame-Options: it can only say DENY or SAMEORIGIN (ALLOW-FROM is obsolete), never "any
 *   site". Framing is then decided by the Content-Security-Policy alone: the widget's own route
 *   sends `frame-ancestors *`; anything else under /widget/ (an error, a redirect) keeps
 *   SvelteKit's or the baseline's `frame-ancestors 'none'`, so it still cannot be framed.
 * - "no-referrer": the widget has no forms (the reason for "same-origin" above does not apply),
 *   and a visitor who follows its link into the portal then arrives with no Referer at all, not
 *   even the widget's own address. (The address of the association's page in which the widget
 *   sits is governed by that page's policy; the widget neither reads nor keeps it.)
 */
export const WIDGET_HEADERS = Object.freeze(
	Object.fromEntries(
		Object.entries(BASELINE_HEADERS)
			.filter(([name]) => name !== 'X-Frame-Options')
			.map(([name, value]) => [name, name === 'Referrer-Policy' ? 'no-referrer' : value])
	)
);

/**
 * The service worker's script (issue 6): its Content-Security-Policy governs the worker itself,
 * which fetches this site's pages and files to keep them for offline use. It may connect to this
 * origin and nothing else; everything else stays as strict as the baseline.
 */
export const SERVICE_WORKER_PATH = '/service-worker.js';
export const SERVICE_WORKER_HEADERS = Object.freeze({
	...BASELINE_HEADERS,
	'Content-Security-Policy':
		"default-src 'none'; connect-src 'self'; base-uri 'none'; object-src 'none'; form-action 'none'; frame-ancestors 'none'"
});

/**
 * The baseline for a path: the widget's exception under /widget/, the service worker's, and the
 * strict one everywhere else.
 * @param {string} pathname
 */
export const baselineHeaders = (pathname) =>
	isWidgetPath(pathname)
		? WIDGET_HEADERS
		: pathname === SERVICE_WORKER_PATH
			? SERVICE_WORKER_HEADERS
			: BASELINE_HEADERS;
