import { json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';

const body = auth.namedBody
	.extend({ displayName: z.string().max(500).optional() })
	.extend(auth.registrationBody.shape);

// Public, behind the secret link: spends the link, creates the staff account and signs it in.
export const POST: RequestHandler = async ({ request, cookies, params }) => {
	const input = await auth.readJson(request, body);
	const name = auth.checkPasskeyName(input.name);
	const person = input.displayName === undefined ? null : auth.checkDisplayName(input.displayName);
	if (!name.ok || (person && !person.ok)) return json({ error: 'account_error_expired' });
	const result = await auth.enrol(cookies, params.token!, {
		response: input.response,
		passkeyName: name.value,
		displayName: person?.value,
		locale: getLocale()
	});
	return json(result.ok ? { redirect: localizeHref('/office') } : { error: result.error });
};
