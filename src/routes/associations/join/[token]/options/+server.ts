import { json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import * as auth from '$lib/server/auth';
import * as associations from '$lib/server/associations';
import * as limits from '$lib/server/limits';

const body = auth.namedBody.extend({ displayName: z.string().max(500) });

// Public, behind the secret link: checks the form, then the options for the new passkey.
export const POST: RequestHandler = async (event) => {
	const { request, cookies, params } = event;
	await limits.enforce(event, 'passkeyRegistration');
	const input = await auth.readJson(request, body);
	const name = auth.checkPasskeyName(input.name);
	const person = associations.memberName.safeParse(input.displayName);
	if (!name.ok || !person.success) {
		return json({
			errors: {
				...(!person.success && { displayName: person.error.issues[0]?.message }),
				...(!name.ok && name.errors)
			}
		});
	}
	const options = await associations.beginJoin(cookies, params.token!, {
		rpName: auth.ceremonyTexts().rpName,
		displayName: person.data
	});
	return json(options ? { options } : { error: 'association_join_error_link' });
};
