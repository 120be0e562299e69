import { redirect, type RequestHandler } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';

export const POST: RequestHandler = async (event) => {
	auth.requireAssociation(event);
	await auth.signOut(event.cookies);
	redirect(303, localizeHref('/associations/sign-in'));
};
