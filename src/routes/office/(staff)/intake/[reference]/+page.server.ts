import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';
import * as casework from '$lib/server/casework';
import { formData } from '$lib/server/registration/navigation';

function notFound(): never {
	error(404, { message: m.office_find_error_not_found() });
}
function applicationPage(id: string): never {
	redirect(303, localizeHref(`/office/applications/${id}`));
}

// The clerk compares the form's data with the paper (KB D 6), then records its receipt.
export const load: PageServerLoad = async (event) => {
	const staff = auth.requireStaff(event, 'clerk');
	const view = await casework.intakeView(event.params.reference, staff.accountId);
	if (!view) notFound();
	if (view.kind === 'application') applicationPage(view.id);
	return { view };
};

export const actions: Actions = {
	default: async (event) => {
		const staff = auth.requireStaff(event, 'clerk');
		const read = casework.forms.readReceipt(await formData(event.request));
		if (!read.ok) return fail(400, { values: read.values, errors: read.errors });
		const result = await casework.receive({
			reference: event.params.reference,
			channel: read.channel,
			receivedAt: read.receivedAt,
			staffId: staff.accountId
		});
		if (!result.ok && result.error === 'not_found') notFound();
		if (!result.ok) {
			return fail(400, {
				values: read.values,
				errors: { received: `office_receipt_error_${result.error}` }
			});
		}
		applicationPage(result.application.id);
	}
};
