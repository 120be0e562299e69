import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import * as auth from '$lib/server/auth';
import * as platform from '$lib/server/platform';
import { negotiateLanguage } from '$lib/server/platform/language';
import * as m from '$lib/paraglide/messages.js';

export const init: ServerInit = platform.start;

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

// Security headers first, so that they are on every response, the language redirects included;
// then the session (locals.session: the signed-in account or null), which the guards read. The
// embeddable widget (/widget/…) is the same for everyone: no negotiation, no session, no cookie.
// Outermost, the compression of public pages: it sees the headers the others set, and leaves
// every page marked no-store as it is (src/lib/server/platform/compression.ts: BREACH).
export const handle: Handle = sequence(
	platform.compressPublicPages,
	platform.securityHeaders,
	platform.exceptWidget(negotiateLanguage),
	platform.exceptWidget(auth.session),
	i18n
);

// Unexpected errors get a message in the visitor's language, the details go to the server log;
// a request SvelteKit refuses itself (an unknown page, a body that is not a form) is the client's
// error: a clear message, and nothing in the log to alarm anyone.
export const handleError: HandleServerError = ({ error, status }) => {
	if (status >= 500) console.error(error);
	return {
		message:
			status === 404
				? m.error_404_text()
				: status < 500
					? m.error_bad_request()
					: m.error_500_text()
	};
};
