import type { Handle } from '@sveltejs/kit';
import { closeDatabase, database } from '$lib/server/db';
import * as drafts from '$lib/server/drafts';

/** Opens the database, applies migrations and seeds the calendar before the first request. */
export async function start(): Promise<void> {
	await database();
	// Abandoned drafts go after 30 days: at start-up and every hour. Any number of processes may
	// do this at once; the DELETE is idempotent.
	const purge = () =>
		drafts.purgeAbandoned().catch((error) => console.error('Purging drafts failed', error));
	await purge();
	const timer = setInterval(purge, 60 * 60 * 1000);
	timer.unref();
	// STACK.md trap 5: `node build` ignores SIGTERM while a pool is open.
	process.once('sveltekit:shutdown', () => {
		clearInterval(timer);
		void closeDatabase();
	});
}

// The Content-Security-Policy itself comes from SvelteKit's `csp` setting (nonces); these are
// the headers it does not set.
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	// Resume links carry a secret token: never send the URL to another site. "same-origin" rather
	// than "no-referrer", because with no referrer Chromium and Firefox post forms with
	// `Origin: null` and SvelteKit's CSRF check refuses them.
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set(
		'Permissions-Policy',
		'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'
	);
	// A draft's pages show name, address and BSN, and a status request's form what was typed:
	// never kept by a shared or back-forward cache.
	if (/^(\/[a-z]{2,3})?\/(register\/|status(\/|$))/.test(event.url.pathname)) {
		response.headers.set('Cache-Control', 'private, no-store');
	}
	if (event.url.protocol === 'https:') {
		response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	}
	return response;
};
