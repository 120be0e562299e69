import { error, type RequestHandler } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages.js';
import * as auth from '$lib/server/auth';
import * as privacy from '$lib/server/privacy';

// GDPR art. 15: the signed-in voter's own data, and nobody else's.
export const GET: RequestHandler = async (event) => {
	const voter = auth.requireVoter(event);
	const data = await privacy.exportFor(voter.accountId);
	if (!data) error(404, { message: m.account_application_not_found() });
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="mijn-gegevens-${data.exportedAt.slice(0, 10)}.json"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
