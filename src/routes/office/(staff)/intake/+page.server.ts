import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';
import * as casework from '$lib/server/casework';
import { formData } from '$lib/server/registration/navigation';

export const load: PageServerLoad = (event) => {
	auth.requireStaff(event, 'clerk');
	return {};
};

// Intake starts from the reference printed on the form (and in its QR code).
export const actions: Actions = {
	find: async (event) => {
		auth.requireStaff(event, 'clerk');
		const read = casework.forms.readReference(await formData(event.request));
		if (!read.ok) return fail(400, { values: read.values, errors: read.errors });
		if (!(await casework.findByReference(read.reference))) {
			return fail(400, {
				values: read.values,
				errors: { reference: 'office_find_error_not_found' }
			});
		}
		redirect(303, localizeHref(`/office/intake/${read.reference}`));
	},
	// Or from the QR code on a photo or scan of the paper form.
	scan: async (event) => {
		auth.requireStaff(event, 'clerk');
		const read = await casework.forms.readScan(await formData(event.request));
		if (!read.ok) return fail(400, { values: {}, errors: read.errors });
		if (!(await casework.findByReference(read.reference))) {
			return fail(400, { values: {}, errors: { scan: 'office_find_error_not_found' } });
		}
		redirect(303, localizeHref(`/office/intake/${read.reference}`));
	}
};
