import { json, type RequestHandler } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as limits from '$lib/server/limits';

export const POST: RequestHandler = async (event) => {
	const { request, cookies, locals } = event;
	const session = auth.voterOrSignedOut(locals);
	if (!session) return json({ error: 'account_error_signed_out' }, { status: 401 });
	await limits.enforce(event, 'passkeyAdd', limits.accountSubject(session.accountId));
	const name = auth.checkPasskeyName((await auth.readJson(request, auth.namedBody)).name);
	if (!name.ok) return json({ errors: name.errors });
	const options = await auth.beginAddPasskey(cookies, session.accountId, auth.ceremonyTexts());
	return json(options ? { options } : { error: 'account_error_signed_out' });
};
