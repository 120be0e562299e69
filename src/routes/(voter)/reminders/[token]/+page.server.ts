import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import * as reminders from '$lib/server/reminders';

// Behind the secret link of the confirmation e-mail: confirm (a button, so that a mail scanner
// following the link confirms nothing), then manage: notifications on this device, or stop.
export const load: PageServerLoad = async ({ params, url, request }) => {
	const view = await reminders.view(params.token);
	// After "stop" the request is gone; the page then says so (the action's answer).
	if (!view && request.method !== 'POST') error(404, { message: m.reminders_link_gone() });
	return {
		view,
		leadDays: reminders.leadDays(),
		confirmedNow: url.searchParams.has('confirmed')
	};
};

export const actions: Actions = {
	confirm: async ({ params }) => {
		if (!(await reminders.confirm(params.token))) error(404, { message: m.reminders_link_gone() });
		redirect(303, `${localizeHref(`/reminders/${params.token}`)}?confirmed`);
	},
	stop: async ({ params }) => {
		await reminders.unsubscribe(params.token);
		return { stopped: true };
	}
};
