import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as auth from '$lib/server/auth';

// Someone already signed in has an account: on to where they were going.
export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.session?.kind === 'voter') redirect(303, auth.destination(auth.journeyOf(url)));
	return { journey: auth.journeyOf(url) };
};
