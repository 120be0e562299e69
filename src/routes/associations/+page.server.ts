import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { localizeHref } from '$lib/paraglide/runtime';

// A signed-in member goes straight to their links.
export const load: PageServerLoad = ({ locals }) => {
	if (locals.session?.kind === 'association') redirect(303, localizeHref('/associations/links'));
};
