import type { Handle } from '@sveltejs/kit';
import { SESSION_COOKIE, clearSessionCookie, readSession } from './sessions';

// The time-out dialog asks how long is left; asking is not activity (see sessionStatus).
const STATUS = /^(\/[a-z]{2,3})?\/session$/;

/**
 * Reads the session cookie into `event.locals.session`: the signed-in account, or null for
 * anyone else (no cookie, an unknown token, a timed-out session, a disabled account). A cookie
 * that no longer opens a session is cleared.
 */
export const session: Handle = async ({ event, resolve }) => {
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const touch = !(event.request.method === 'GET' && STATUS.test(event.url.pathname));
		event.locals.session = await readSession(token, new Date(), { touch });
		if (!event.locals.session) clearSessionCookie(event.cookies);
	}
	return resolve(event);
};
