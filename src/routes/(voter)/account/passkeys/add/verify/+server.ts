import { json, type RequestHandler } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';

const body = auth.namedBody.extend(auth.registrationBody.shape);

export const POST: RequestHandler = async ({ request, cookies, locals }) => {
	const session = auth.voterOrSignedOut(locals);
	if (!session) return json({ error: 'account_error_signed_out' }, { status: 401 });
	const input = await auth.readJson(request, body);
	const name = auth.checkPasskeyName(input.name);
	if (!name.ok) return json({ errors: name.errors });
	const result = await auth.addPasskey(cookies, session.accountId, 'voter', {
		response: input.response,
		passkeyName: name.value
	});
	return json(result.ok ? { redirect: localizeHref('/account') } : { error: result.error });
};
