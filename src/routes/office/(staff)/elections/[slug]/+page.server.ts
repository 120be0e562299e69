import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as m from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';
import * as elections from '$lib/server/elections';
import { formData } from '$lib/server/registration/navigation';

export const load: PageServerLoad = async (event) => {
	auth.requireStaff(event, 'admin');
	const election = await elections.get(event.params.slug);
	if (!election) error(404, { message: m.office_elections_not_found() });
	return { election, values: elections.formValues(election) };
};

// Two buttons, one form: "Save" keeps the days provisional, "Save and confirm" confirms them.
async function submit(event: RequestEvent, staff: { accountId: string }, confirm: boolean) {
	const form = await formData(event.request);
	const result = await elections.save(event.params.slug, form, { confirm, staff });
	if (!result) error(404, { message: m.office_elections_not_found() });
	if (!result.ok) return fail(400, { values: result.values, errors: result.errors });
	const how = confirm ? 'confirmed' : 'saved';
	redirect(303, `${localizeHref('/office/elections')}?saved=${result.slug}&how=${how}`);
}

export const actions: Actions = {
	save: async (event) => {
		const staff = auth.requireStaff(event, 'admin');
		return submit(event, staff, false);
	},
	confirm: async (event) => {
		const staff = auth.requireStaff(event, 'admin');
		return submit(event, staff, true);
	}
};
