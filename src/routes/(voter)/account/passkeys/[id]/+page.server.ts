import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';
import { formData } from '$lib/server/registration/navigation';

// Another account's passkey (or none) is "not found": the page never confirms it exists.
function notFound(): never {
	error(404, { message: m.account_passkey_not_found() });
}

export const load: PageServerLoad = async (event) => {
	const voter = auth.requireVoter(event);
	const found = await auth.findPasskey(voter.accountId, event.params.id);
	if (!found) notFound();
	return { passkey: found.passkey, only: found.count === 1 };
};

export const actions: Actions = {
	rename: async (event) => {
		const voter = auth.requireVoter(event);
		const name = String((await formData(event.request)).get('name') ?? '');
		const checked = auth.checkPasskeyName(name);
		if (!checked.ok) return fail(400, { values: { name }, errors: checked.errors });
		if (!(await auth.renamePasskey(voter.accountId, event.params.id, checked.value))) notFound();
		redirect(303, localizeHref('/account'));
	},
	remove: async (event) => {
		const voter = auth.requireVoter(event);
		const removed = await auth.removePasskey(voter.accountId, event.params.id);
		if (removed === 'not-found') notFound();
		if (removed === 'last') {
			return fail(400, { values: {}, errors: { remove: 'account_passkey_remove_last' } });
		}
		redirect(303, localizeHref('/account'));
	}
};
