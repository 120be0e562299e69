import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';
import * as brp from '$lib/server/brp';
import { formData } from '$lib/server/registration/navigation';

// Population-register imports: admins only (issue 3 item 7).
export const load: PageServerLoad = async (event) => {
	auth.requireStaff(event, 'admin');
	return { imports: await brp.list(), maxRows: brp.MAX_ROWS, maxBytes: brp.MAX_BYTES };
};

export const actions: Actions = {
	default: async (event) => {
		const staff = auth.requireStaff(event, 'admin');
		const form = await formData(event.request);
		const result = await brp.importUpload(form.get('file'), staff.accountId);
		if ('missing' in result) return fail(400, { missing: true as const });
		if (!result.ok) {
			const { fileName, total, fileErrors, rowErrors } = result;
			return fail(400, { fileName, total, fileErrors, rowErrors });
		}
		redirect(303, localizeHref(`/office/brp/${result.id}`));
	}
};
