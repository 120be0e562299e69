import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';
import * as certificates from '$lib/server/certificates';
import * as clock from '$lib/server/clock';

// Issuing to every voter of the election (KW M 1(1)): deciders and admins. This page only shows
// what would happen; the POST below does it.
export const load: PageServerLoad = async (event) => {
	auth.requireStaff(event, 'decider', 'admin');
	const summary = await certificates.summary(event.params.slug);
	if (!summary) error(404, { message: m.office_certificates_not_found() });
	const preview = summary.election.nominationDay
		? await certificates.preview(event.params.slug)
		: null;
	return { election: summary.election, preview, issuedOn: clock.today() };
};

export const actions: Actions = {
	default: async (event) => {
		const staff = auth.requireStaff(event, 'decider', 'admin');
		const slug = event.params.slug;
		let counts: certificates.IssueCounts;
		try {
			counts = await certificates.issueForElection(slug, {
				staffId: staff.accountId,
				issuedOn: clock.today()
			});
		} catch (e) {
			if (!(e instanceof certificates.CertificateError)) throw e;
			if (e.code === 'election_not_found')
				error(404, { message: m.office_certificates_not_found() });
			return fail(400, { problem: e.code });
		}
		const query = new URLSearchParams({
			issued: String(counts.issued),
			held: String(counts.alreadyHeld),
			excluded: String(counts.excluded)
		});
		redirect(303, `${localizeHref(`/office/elections/${slug}/certificates`)}?${query}`);
	}
};
