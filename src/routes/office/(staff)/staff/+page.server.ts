import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';
import { formData } from '$lib/server/registration/navigation';

export const load: PageServerLoad = async (event) => {
	const admin = auth.requireStaff(event, 'admin');
	return {
		me: admin.accountId,
		staff: await auth.listStaff(),
		pending: await auth.listPendingEnrolments()
	};
};

export const actions: Actions = {
	invite: async (event) => {
		const admin = auth.requireStaff(event, 'admin');
		const form = await formData(event.request);
		const values = {
			displayName: String(form.get('displayName') ?? ''),
			roles: form.getAll('roles').map(String)
		};
		const parsed = auth.invitation.safeParse(values);
		if (!parsed.success) {
			const errors = Object.fromEntries(parsed.error.issues.map((i) => [i.path[0], i.message]));
			return fail(400, { values, errors });
		}
		const { token, expiresAt } = await auth.createEnrolment({
			...parsed.data,
			createdBy: admin.accountId
		});
		// No redirect: the link is shown once, in this answer (only its hash is stored).
		return { invited: { ...parsed.data, link: auth.enrolmentLink(token), expiresAt } };
	},
	disable: async (event) => {
		const admin = auth.requireStaff(event, 'admin');
		const id = String((await formData(event.request)).get('account') ?? '');
		const result = await auth.disableStaff(id, admin.accountId);
		if (result === 'not-found') error(404, { message: m.office_staff_not_found() });
		if (result !== 'disabled') return fail(400, { disableError: result });
		redirect(303, localizeHref('/office/staff'));
	}
};
