import { json, type RequestHandler } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';

const body = auth.authenticationBody.extend(auth.journey.shape);

// Public: checks an association member's passkey (a voter's or staff passkey does not open it).
export const POST: RequestHandler = async ({ request, cookies }) => {
	const input = await auth.readJson(request, body);
	const result = await auth.signIn(cookies, 'association', input.response);
	if (!result.ok) return json({ error: result.error });
	return json({ redirect: auth.safeNext(input.next, localizeHref('/associations/links')) });
};
