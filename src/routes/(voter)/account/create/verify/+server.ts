import { json, type RequestHandler } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';

const body = auth.namedBody.extend(auth.journey.shape).extend(auth.registrationBody.shape);

// Step 2: the device's answer. The account, its first passkey and a session, then back to where
// the voter came from (a registration's done page links its draft to the new account).
export const POST: RequestHandler = async ({ request, cookies }) => {
	const input = await auth.readJson(request, body);
	const name = auth.checkPasskeyName(input.name);
	if (!name.ok) return json({ errors: name.errors });
	const result = await auth.createVoterAccount(cookies, {
		response: input.response,
		passkeyName: name.value,
		locale: getLocale()
	});
	if (!result.ok) return json({ error: result.error });
	return json({ redirect: await auth.landing(result.accountId, input) });
};
