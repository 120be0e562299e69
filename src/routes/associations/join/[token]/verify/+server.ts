import { json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';
import * as associations from '$lib/server/associations';

const body = auth.namedBody
	.extend({ displayName: z.string().max(500) })
	.extend(auth.registrationBody.shape);

// Public, behind the secret link: spends the link, creates the member's account, signs it in.
export const POST: RequestHandler = async ({ request, cookies, params }) => {
	const input = await auth.readJson(request, body);
	const name = auth.checkPasskeyName(input.name);
	const person = associations.memberName.safeParse(input.displayName);
	if (!name.ok || !person.success) return json({ error: 'account_error_expired' });
	const result = await associations.join(cookies, params.token!, {
		response: input.response,
		passkeyName: name.value,
		displayName: person.data,
		locale: getLocale()
	});
	return json(
		result.ok ? { redirect: localizeHref('/associations/links') } : { error: result.error }
	);
};
