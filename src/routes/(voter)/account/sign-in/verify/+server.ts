import { json, type RequestHandler } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';

const body = auth.authenticationBody.extend(auth.journey.shape);

export const POST: RequestHandler = async ({ request, cookies }) => {
	const input = await auth.readJson(request, body);
	const result = await auth.signIn(cookies, 'voter', input.response);
	if (!result.ok) return json({ error: result.error });
	return json({ redirect: await auth.landing(result.accountId, input) });
};
