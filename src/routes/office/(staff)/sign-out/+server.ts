import { redirect, type RequestHandler } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';

export const POST: RequestHandler = async (event) => {
	auth.requireStaff(event, 'clerk', 'decider', 'admin');
	await auth.signOut(event.cookies);
	redirect(303, localizeHref('/office/sign-in'));
};
