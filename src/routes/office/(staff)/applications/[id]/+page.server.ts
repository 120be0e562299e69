import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import { isRequestKind } from '$lib/domain';
import { readSearch } from '$lib/journeys/status/office';
import * as auth from '$lib/server/auth';
import * as casework from '$lib/server/casework';
import * as requests from '$lib/server/requests';
import { formData } from '$lib/server/registration/navigation';

function notFound(): never {
	error(404, { message: m.office_application_not_found() });
}
const here = (id: string) => localizeHref(`/office/applications/${id}`);

// Opening an application is a read of personal data: the services audit it. A request (a change,
// a proxy, …) shows the registration the decider links through the search in the query string.
export const load: PageServerLoad = async (event) => {
	const staff = auth.requireStaff(event, 'clerk', 'decider');
	const kind = await casework.kindOf(event.params.id);
	if (kind === 'registration') {
		const view = await casework.open(event.params.id, staff.accountId);
		if (!view) notFound();
		return { kind: 'registration' as const, view, roles: staff.roles };
	}
	const params = event.url.searchParams;
	// Linking the registration is the decider's: only they search the registrations.
	const view = await requests.open(event.params.id, staff.accountId, {
		search: staff.roles.includes('decider'),
		query: readSearch(params),
		registrationId: params.get('registration'),
		certificateNumber: params.get('certificate')
	});
	if (!view) notFound();
	return { kind: 'request' as const, request: view, roles: staff.roles };
};

export const actions: Actions = {
	// KB D 6: the clerk checks signature, ID copy and data (and a proxy holder's declaration).
	checks: async (event) => {
		const staff = auth.requireStaff(event, 'clerk');
		const read = casework.forms.readChecks(await formData(event.request));
		if (!read.ok) return fail(400, { form: 'checks', values: read.values, errors: read.errors });
		const saved = await casework.recordChecks(
			event.params.id,
			read.checks,
			read.notes,
			staff.accountId
		);
		if (!saved) notFound();
		redirect(303, here(event.params.id));
	},
	// KB D 9: the decider registers, rejects or asks.
	decide: async (event) => {
		const staff = auth.requireStaff(event, 'decider');
		const read = casework.forms.readDecision(await formData(event.request));
		if (!read.ok) return fail(400, { form: 'decide', values: read.values, errors: read.errors });
		const result = await casework.decide(event.params.id, read.choice, staff.accountId);
		if (!result.ok && result.error === 'not_found') notFound();
		if (!result.ok) {
			const field = casework.forms.decisionErrorField(result.error, read.choice.outcome);
			return fail(400, {
				form: 'decide',
				values: read.values,
				errors: { [field]: `office_decide_error_${result.error}` }
			});
		}
		redirect(303, here(event.params.id));
	},
	// A request (issue 4): granted, refused, changed, removed or asked, on its kind's rules.
	request: async (event) => {
		const staff = auth.requireStaff(event, 'decider');
		const kind = await casework.kindOf(event.params.id);
		if (!isRequestKind(kind)) notFound();
		const read = requests.readDecision(await formData(event.request), kind);
		if (!read.ok) return fail(400, { form: 'request', values: read.values, errors: read.errors });
		const result = await requests.decide(event.params.id, read.input, staff.accountId);
		if (!result.ok && result.error === 'not_found') notFound();
		if (!result.ok) {
			return fail(400, {
				form: 'request',
				values: read.values,
				errors: { [requests.errorField(result.error)]: `office_request_error_${result.error}` }
			});
		}
		redirect(303, here(event.params.id));
	}
};
