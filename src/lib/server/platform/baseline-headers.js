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
