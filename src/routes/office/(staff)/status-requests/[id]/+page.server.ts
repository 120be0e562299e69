import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import { readSearch } from '$lib/journeys/status/office';
import * as auth from '$lib/server/auth';
import * as status from '$lib/server/status';
import { formData } from '$lib/server/registration/navigation';

const done = (what: 'linked' | 'decided') =>
	redirect(303, `${localizeHref('/office/status-requests')}?done=${what}`);

export const load: PageServerLoad = async (event) => {
	const staff = auth.requireStaff(event, 'decider');
	const request = await status.office.viewRequest(event.params.id, staff);
	if (!request) error(404, { message: m.error_404_text() });
	const query = readSearch(event.url.searchParams) ?? request;
	const found = request.open ? await status.office.search(query, request, staff) : [];
	return { request, query: { surname: query.surname, birthDate: query.birthDate }, found };
};

export const actions: Actions = {
	link: async (event) => {
		const staff = auth.requireStaff(event, 'decider');
		const registration = String((await formData(event.request)).get('registration') ?? '');
		const result = await status.office.link(event.params.id, registration, staff);
		if (!result.ok) return fail(409, { problem: result.error });
		done('linked');
	},
	decide: async (event) => {
		const staff = auth.requireStaff(event, 'decider');
		const form = await formData(event.request);
		const result = await status.office.decideNotRegistered(event.params.id, form, staff);
		if (!result.ok) {
			return 'error' in result
				? fail(409, { problem: result.error })
				: fail(400, { values: result.values, errors: result.errors });
		}
		done('decided');
	}
};
