import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import * as auth from '$lib/server/auth';

// Public, behind the secret link: shows the invited member their own name and roles only.
export const load: PageServerLoad = async ({ params }) => {
	const enrolment = await auth.findEnrolment(params.token);
	if (!enrolment) error(404, { message: m.office_enrol_error_link() });
	return {
		displayName: enrolment.asksName ? null : enrolment.displayName,
		roles: enrolment.roles,
		expiresAt: enrolment.expiresAt
	};
};
