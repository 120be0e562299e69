import type { Handle } from '@sveltejs/kit';
import { closeDatabase, database } from '$lib/server/db';
import * as clock from '$lib/server/clock';
import * as crypto from '$lib/server/crypto';
import * as drafts from '$lib/server/drafts';
import * as auth from '$lib/server/auth';
import * as limits from '$lib/server/limits';
import * as mail from '$lib/server/mail';
import * as reminders from '$lib/server/reminders';
import * as uploads from '$lib/server/uploads';
import { baselineHeaders, isWidgetPath } from './baseline-headers.js';
import { permissionsPolicy } from './permissions';
import { GENERIC_JOURNEYS, journeyPath } from '$lib/journeys/catalogue';

export { compressPublicPages } from './compression';

/** Opens the database, applies migrations and seeds the calendar before the first request. */
export async function start(): Promise<void> {
	// Fail at start-up, not at the first upload: production refuses to run without keys.
	crypto.keyring();
	// And with a fixed clock anywhere but on this machine (voters would see wrong deadlines).
	clock.fixedClock();
	// And with reminder settings or VAPID keys that make no sense (not at the first run).
	reminders.leadDays();
	const reminderInterval = reminders.intervalMs();
	reminders.vapidKeys();
	await database();
	// First start: no admin yet, so print the one way in (issue 3 item 8). Exactly this line on
	// stdout; the e2e set-up reads it.
	const link = await auth.ensureAdminEnrolment();
	if (link) console.log(`Admin enrolment link: ${link}`);
	// Abandoned drafts go after 30 days, uploads UPLOAD_RETENTION_DAYS after the decision, timed-out
	// sessions and unanswered passkey challenges at once: at start-up and every hour. Any number of
	// processes may do this at once; all are idempotent.
	const purge = () =>
		Promise.all([
			drafts.purgeAbandoned().catch((error) => console.error('Purging drafts failed', error)),
			uploads.purgeExpired().catch((error) => console.error('Purging uploads failed', error)),
			auth.purgeExpired().catch((error) => console.error('Purging sessions failed', error)),
			limits.purgeExpired().catch((error) => console.error('Purging rate limits failed', error)),
			reminders
				.purgeUnconfirmed()
				.catch((error) => console.error('Purging reminder requests failed', error))
		]);
	await purge();
	const timer = setInterval(purge, 60 * 60 * 1000);
	timer.unref();
	// E-mail goes out from the outbox every 30 s (and soon after each enqueue), in every process:
	// rows are claimed with SKIP LOCKED, so none is sent twice. Without SMTP_URL it stays there.
	mail.startDelivery();
	// Reminders of the cut-offs: now and every REMINDER_INTERVAL_SECONDS, in every process; each is
	// sent once (a unique row per reminder, written with its e-mail in the outbox).
	reminders.startScheduler(reminderInterval);
	// STACK.md trap 5: `node build` ignores SIGTERM while a pool is open.
	process.once('sveltekit:shutdown', () => {
		clearInterval(timer);
		// Let the message being sent finish and be recorded before the pool closes.
		void Promise.all([reminders.stopScheduler(), mail.stopDelivery()]).finally(() =>
			closeDatabase()
		);
	});
}

// Pages that show or take personal data: every journey's draft pages (behind their token), the
// status request, the account, the office, an association's pages (its one-time join links
// included), the reminders' request and their secret links.
const DRAFTS = ['/register', ...GENERIC_JOURNEYS.map(journeyPath)].map((p) => p.slice(1)).join('|');
const PERSONAL = new RegExp(
	`^(/[a-z]{2,3})?/((${DRAFTS})/|status(/|$)|account(/|$)|office(/|$)|associations(/|$)|reminders(/|$)|session$)`
);

function decodedPath(pathname: string): string {
	try {
		return decodeURI(pathname);
	} catch {
		// Not a valid escape: no route matches it either; treat it as personal to be safe.
		return '/account';
	}
}

/**
 * A page's policy with `script-src 'none'` where its script-src names no nonce and no hash:
 * SvelteKit names one for every script of its own it puts into a page, so such a page was sent
 * without scripts (`csr = false`, the elections overview) and may run none, not even from 'self'.
 */
export function scriptlessPolicy(csp: string): string {
	return csp.replace(/(^|;\s*)script-src\s+([^;]*)/, (all, start: string, sources: string) =>
		/'(nonce|sha256|sha384|sha512)-/.test(sources) ? all : `${start}script-src 'none'`
	);
}

// Every response gets the baseline (./baseline-headers.js); a page keeps the
// Content-Security-Policy SvelteKit made for it (nonces, svelte.config.js), any other response
// (JSON, PDF, iCalendar, redirects) the baseline's, which lets nothing run or load. The widget
// (/widget/…) keeps the one its route sets, which lets any site frame it. A page sent
// without scripts allows none (scriptlessPolicy).
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const widget = isWidgetPath(event.url.pathname);
	for (const [name, value] of Object.entries(baselineHeaders(event.url.pathname))) {
		if (name === 'Content-Security-Policy' && response.headers.has(name)) continue;
		response.headers.set(name, value);
	}
	const csp = response.headers.get('Content-Security-Policy');
	if (csp) response.headers.set('Content-Security-Policy', scriptlessPolicy(csp));
	// The widget sits in other sites' pages and is the same for everyone (issue 5: "no cookies, no
	// tracking"): whatever a later hook or a future change might set, it never carries a cookie.
	if (widget) response.headers.delete('set-cookie');
	// The camera only on the office's intake page (its QR scanner); blocked everywhere else.
	response.headers.set('Permissions-Policy', permissionsPolicy(event.url.pathname));
	// A draft's pages show name, address and BSN, a status request's form what was typed, the
	// account and office pages personal data: never kept by a shared or back-forward cache. Nor is
	// any page answered to a signed-in browser (the public API stays cacheable: it is the same for
	// everyone).
	// Routes match the decoded path (/%72egister/… is /register/…), so the test reads it decoded.
	// A response that sets a cookie (a session cleared, say) is one browser's, never a cache's.
	const signedIn = event.locals.session && !event.url.pathname.includes('/api/');
	if (
		PERSONAL.test(decodedPath(event.url.pathname)) ||
		signedIn ||
		response.headers.has('set-cookie')
	) {
		response.headers.set('Cache-Control', 'private, no-store');
	}
	return response;
};

/**
 * Runs `handle` for every path but the widget's, which goes straight on. For the language
 * negotiation (the widget's own `?lang=` must not be taken for the language switch, which answers
 * with a redirect and a cookie) and the session (the widget reads no cookie, so it never touches,
 * extends or clears anyone's session: nothing about its visitors is read or stored).
 */
export function exceptWidget(handle: Handle): Handle {
	return (input) => {
		if (!isWidgetPath(input.event.url.pathname)) return handle(input);
		// What the session hook would have said of a visitor it did not look at.
		input.event.locals.session = null;
		return input.resolve(input.event);
	};
}
