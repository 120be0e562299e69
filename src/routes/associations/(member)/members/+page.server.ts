import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import * as auth from '$lib/server/auth';
import * as associations from '$lib/server/associations';

export const load: PageServerLoad = async (event) => {
	const member = auth.requireAssociation(event);
	return { members: await associations.members(member.associationId) };
};

export const actions: Actions = {
	// No redirect: the link is shown once, in this answer (only its hash is stored).
	invite: async (event) => {
		const member = auth.requireAssociation(event);
		const invited = await associations.invite(member);
		if (!invited) error(403, { message: m.association_not_approved() });
		return { invited };
	}
};
