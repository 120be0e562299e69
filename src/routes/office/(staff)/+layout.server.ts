import type { LayoutServerLoad } from './$types';
import * as auth from '$lib/server/auth';

// The guard for every office page (issue 3 item 7). Each page's load and each action calls
// requireStaff again with the role it needs: actions run without this layout's load.
export const load: LayoutServerLoad = (event) => {
	const staff = auth.requireStaff(event, 'clerk', 'decider', 'admin');
	return {
		staff: { name: staff.displayName ?? '', roles: staff.roles },
		session: auth.sessionStatus(staff)
	};
};
