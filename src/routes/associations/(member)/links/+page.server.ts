import type { PageServerLoad } from './$types';
import * as auth from '$lib/server/auth';
import * as links from '$lib/server/links';

export const load: PageServerLoad = async (event) => {
	const member = auth.requireAssociation(event);
	return { links: await links.list(member.associationId) };
};
