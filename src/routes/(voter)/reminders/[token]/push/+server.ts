import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as m from '$lib/paraglide/messages.js';
import * as reminders from '$lib/server/reminders';

// The manage page's script posts the browser's push subscription (PushSubscription.toJSON()) or
// removes it. JSON from this origin only: a cross-site page can neither send JSON without CORS
// nor pass this check.
async function body(request: Request, url: URL): Promise<unknown> {
	if (request.headers.get('origin') !== url.origin) error(403, { message: m.error_bad_request() });
	if (!request.headers.get('content-type')?.startsWith('application/json')) {
		error(415, { message: m.error_bad_request() });
	}
	try {
		return await request.json();
	} catch {
		error(400, { message: m.error_bad_request() });
	}
}

export const POST: RequestHandler = async ({ params, request, url }) => {
	const target = reminders.parsePushTarget(await body(request, url));
	if (!target) error(400, { message: m.error_bad_request() });
	const outcome = await reminders.addPush(params.token, target);
	if (outcome === 'unknown') error(404, { message: m.reminders_link_gone() });
	if (outcome === 'refused') error(422, { message: m.reminders_push_failed() });
	return new Response(null, { status: 204 });
};

export const DELETE: RequestHandler = async ({ params, request, url }) => {
	const sent = (await body(request, url)) as { endpoint?: unknown } | null;
	if (typeof sent?.endpoint !== 'string') error(400, { message: m.error_bad_request() });
	if (!(await reminders.removePush(params.token, sent.endpoint))) {
		error(404, { message: m.reminders_link_gone() });
	}
	return new Response(null, { status: 204 });
};
