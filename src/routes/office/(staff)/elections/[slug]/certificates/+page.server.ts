import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import * as auth from '$lib/server/auth';
import * as certificates from '$lib/server/certificates';

// Counts, a number only: the result of an issue is echoed back from the URL after the 303.
const count = (v: string | null) => (v !== null && /^\d{1,9}$/.test(v) ? v : null);

// The register of an election (KW M 5): every role reads it; issuing is for deciders and admins
// (its own page checks again). A look-up reads a voter's name: audited by the service.
export const load: PageServerLoad = async (event) => {
	const staff = auth.requireStaff(event, 'clerk', 'decider', 'admin');
	const summary = await certificates.summary(event.params.slug);
	if (!summary) error(404, { message: m.office_certificates_not_found() });
	const typed = event.url.searchParams.get('number');
	const query = event.url.searchParams;
	const issued = count(query.get('issued'));
	return {
		summary,
		canIssue: staff.roles.some((r) => r === 'decider' || r === 'admin'),
		lookup:
			typed === null
				? null
				: await certificates.lookUpTyped(event.params.slug, typed, staff.accountId),
		done: issued
			? {
					issued,
					held: count(query.get('held')) ?? '0',
					excluded: count(query.get('excluded')) ?? '0'
				}
			: null
	};
};
