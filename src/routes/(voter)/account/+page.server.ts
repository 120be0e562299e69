import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { amsterdamDay } from '$lib/domain';
import * as auth from '$lib/server/auth';
import * as limits from '$lib/server/limits';
import * as overview from '$lib/server/overview';
import * as reminders from '$lib/server/reminders';

export const load: PageServerLoad = async (event) => {
	const voter = auth.requireVoter(event);
	const passkeys = await auth.listPasskeys(voter.accountId);
	return {
		passkeys: passkeys.map((p) => ({
			id: p.id,
			name: p.name,
			added: amsterdamDay(p.createdAt),
			lastUsed: p.lastUsedAt ? amsterdamDay(p.lastUsedAt) : null
		})),
		sessions: await auth.countSessions(voter.accountId),
		// Issue 4 items 2 and 7: the elections this voter is registered for, what is still open.
		overview: await overview.forVoter(voter.accountId)
	};
};

export const actions: Actions = {
	// Reminders of the cut-offs at the registration's e-mail address, for its types (issue 6).
	reminders: async (event) => {
		const voter = auth.requireVoter(event);
		await limits.enforce(event, 'reminderSubscription', limits.accountSubject(voter.accountId));
		return { reminders: await reminders.subscribeAccount(voter.accountId, getLocale()) };
	},
	// Ends the sessions on every device, this one included: for a lost or shared device.
	signOutEverywhere: async (event) => {
		const voter = auth.requireVoter(event);
		await auth.signOutEverywhere(event.cookies, voter.accountId);
		redirect(303, `${localizeHref('/account/sign-in')}?signed-out=everywhere`);
	}
};
