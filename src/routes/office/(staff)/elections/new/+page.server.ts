import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';
import * as elections from '$lib/server/elections';
import { formData } from '$lib/server/registration/navigation';

export const load: PageServerLoad = (event) => {
	auth.requireStaff(event, 'admin');
	return { values: elections.formValues(null) };
};

export const actions: Actions = {
	default: async (event) => {
		const staff = auth.requireStaff(event, 'admin');
		const result = await elections.create(await formData(event.request), { staff });
		if (!result.ok) return fail(400, { values: result.values, errors: result.errors });
		redirect(303, `${localizeHref('/office/elections')}?saved=${result.slug}&how=created`);
	}
};
