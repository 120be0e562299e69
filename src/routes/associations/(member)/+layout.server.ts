import type { LayoutServerLoad } from './$types';
import * as auth from '$lib/server/auth';
import * as associations from '$lib/server/associations';

// The guard for every association page (issue 5). Each page's load and each action calls
// requireAssociation again: actions run without this layout's load.
export const load: LayoutServerLoad = async (event) => {
	const member = auth.requireAssociation(event);
	const association = await associations.get(member.associationId);
	return {
		member: { name: member.displayName ?? '' },
		association: { name: association?.name ?? '', status: association?.status ?? 'pending' },
		session: auth.sessionStatus(member)
	};
};
