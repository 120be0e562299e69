import { redirect, type RequestHandler } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';

// A plain form POST (SvelteKit checks its origin), so signing out works without JavaScript.
export const POST: RequestHandler = async ({ cookies }) => {
	await auth.signOut(cookies);
	redirect(303, `${localizeHref('/account/sign-in')}?signed-out=1`);
};
