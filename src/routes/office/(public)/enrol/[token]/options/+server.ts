import { json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import * as auth from '$lib/server/auth';
import * as limits from '$lib/server/limits';

const body = auth.namedBody.extend({ displayName: z.string().max(500).optional() });

// Public, behind the secret link: checks the form, then the options for the new passkey.
export const POST: RequestHandler = async (event) => {
	const { request, cookies, params } = event;
	await limits.enforce(event, 'passkeyRegistration');
	const input = await auth.readJson(request, body);
	const name = auth.checkPasskeyName(input.name);
	const person = input.displayName === undefined ? null : auth.checkDisplayName(input.displayName);
	if (!name.ok || (person && !person.ok)) {
		return json({
			errors: { ...(person?.ok === false && person.errors), ...(!name.ok && name.errors) }
		});
	}
	const options = await auth.beginEnrolment(cookies, params.token!, {
		rpName: auth.ceremonyTexts().rpName,
		displayName: person?.value
	});
	return json(options ? { options } : { error: 'office_enrol_error_link' });
};
