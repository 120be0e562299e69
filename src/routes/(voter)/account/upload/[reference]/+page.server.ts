import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';
import * as casework from '$lib/server/casework';
import { formData } from '$lib/server/registration/navigation';
import * as limits from '$lib/server/limits';

function notFound(): never {
	error(404, { message: m.account_application_not_found() });
}
function toStatus(): never {
	redirect(303, localizeHref('/account/status'));
}

// KB D 5(4): the voter's own electronic submission, received at the moment of upload.
export const load: PageServerLoad = async (event) => {
	const voter = auth.requireVoter(event);
	const draft = await casework.draftForAccount(voter.accountId, event.params.reference);
	if (!draft) notFound();
	if (await casework.isReceived(draft.reference!)) toStatus();
	// The ID copy only where the law asks for it (casework.uploadsRequired).
	return { reference: draft.reference!, required: casework.uploadsRequired(draft) };
};

export const actions: Actions = {
	default: async (event) => {
		const voter = auth.requireVoter(event);
		await limits.enforce(event, 'upload', limits.accountSubject(voter.accountId));
		const draft = await casework.draftForAccount(voter.accountId, event.params.reference);
		if (!draft) notFound();
		const files = await casework.forms.readUploadFiles(await formData(event.request));
		const result = await casework.receiveUpload({
			accountId: voter.accountId,
			draftId: draft.id,
			files
		});
		if (result.ok || result.error === 'already_received') toStatus();
		if (result.error === 'not_found') notFound();
		return fail(400, { errors: casework.uploadErrors(result.files ?? {}, getLocale()) });
	}
};
