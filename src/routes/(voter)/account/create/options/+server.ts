import { json, type RequestHandler } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as limits from '$lib/server/limits';

// Step 1 of creating an account: check the passkey's name, then the options for the device.
export const POST: RequestHandler = async (event) => {
	const { request, cookies } = event;
	await limits.enforce(event, 'passkeyRegistration');
	const input = await auth.readJson(request, auth.namedBody);
	const name = auth.checkPasskeyName(input.name);
	if (!name.ok) return json({ errors: name.errors });
	return json({ options: await auth.beginVoterAccount(cookies, auth.ceremonyTexts()) });
};
