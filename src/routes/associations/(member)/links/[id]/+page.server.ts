import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';
import * as links from '$lib/server/links';
import { origin } from '$lib/server/config';

export const load: PageServerLoad = async (event) => {
	const member = auth.requireAssociation(event);
	const link = await links.get(member.associationId, event.params.id);
	if (!link) error(404, { message: m.links_not_found() });
	return { link, origin: origin() };
};

export const actions: Actions = {
	revoke: async (event) => {
		const member = auth.requireAssociation(event);
		if (!(await links.revoke(member, event.params.id))) {
			error(404, { message: m.links_not_found() });
		}
		redirect(303, localizeHref(`/associations/links/${event.params.id}`));
	}
};
