import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';
import * as associations from '$lib/server/associations';
import * as links from '$lib/server/links';
import * as overview from '$lib/server/overview';
import { formData } from '$lib/server/journeys/navigation';

// Only an association the office approved makes links.
async function approved(event: Parameters<typeof auth.requireAssociation>[0]) {
	const member = auth.requireAssociation(event);
	const association = await associations.get(member.associationId);
	if (association?.status !== 'approved') error(403, { message: m.association_not_approved() });
	return member;
}

export const load: PageServerLoad = async (event) => {
	await approved(event);
	return { countries: overview.countries(), ...(await links.formChoices()) };
};

export const actions: Actions = {
	default: async (event) => {
		const member = await approved(event);
		const values = links.readLinkForm(await formData(event.request));
		const result = await links.create(member, values);
		if (!result.ok) return fail(400, { values, errors: result.errors });
		redirect(303, localizeHref(`/associations/links/${result.id}`));
	}
};
