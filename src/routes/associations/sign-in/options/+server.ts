import { json, type RequestHandler } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as limits from '$lib/server/limits';

// Public: a challenge for the passkey prompt; reads nothing about anyone.
export const POST: RequestHandler = async (event) => {
	await limits.enforce(event, 'signIn');
	return json({ options: await auth.beginSignIn(event.cookies, 'association') });
};
