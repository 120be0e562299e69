import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import * as associations from '$lib/server/associations';

// Public, behind the secret link: shows the association's name and nothing else.
export const load: PageServerLoad = async ({ params }) => {
	const invitation = await associations.findInvitation(params.token);
	if (!invitation) error(404, { message: m.association_join_error_link() });
	return {
		association: invitation.association.name,
		pending: invitation.association.status === 'pending',
		first: invitation.first,
		expiresAt: invitation.expiresAt
	};
};
