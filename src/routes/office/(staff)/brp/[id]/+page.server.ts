import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import * as auth from '$lib/server/auth';
import * as brp from '$lib/server/brp';

export const load: PageServerLoad = async (event) => {
	auth.requireStaff(event, 'admin');
	const found = await brp.get(event.params.id);
	if (!found) error(404, { message: m.office_brp_not_found() });
	return { found };
};
