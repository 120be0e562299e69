import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';
import * as associations from '$lib/server/associations';
import { formData } from '$lib/server/journeys/navigation';

export const load: PageServerLoad = async (event) => {
	auth.requireStaff(event, 'admin');
	return { associations: await associations.listForOffice() };
};

// The admin approves or rejects a waiting request; an association's links work only once approved.
export const actions: Actions = {
	decide: async (event) => {
		const admin = auth.requireStaff(event, 'admin');
		const form = await formData(event.request);
		const decision = String(form.get('decision') ?? '');
		if (decision !== 'approved' && decision !== 'rejected') {
			error(400, { message: m.error_bad_request() });
		}
		const id = String(form.get('association') ?? '');
		const result = await associations.decide(id, decision, admin.accountId);
		if (result === 'not-found') error(404, { message: m.office_associations_not_found() });
		redirect(303, localizeHref('/office/associations'));
	}
};
