import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import * as reminders from '$lib/server/reminders';

// Every reminder e-mail's own link (List-Unsubscribe, RFC 2369 and 8058). GET shows one button
// and changes nothing (mail scanners follow links); POST stops the reminders and deletes the
// address: from that button, or from the mail program's one-click POST, which scripts/start.mjs
// lets past the origin check on this path (it sends no Origin) and which gets a plain 200.
export const load: PageServerLoad = async ({ params, request }) => {
	const known = await reminders.canUnsubscribe(params.token);
	if (!known && request.method !== 'POST') error(404, { message: m.reminders_link_gone() });
	return {};
};

export const actions: Actions = {
	// Idempotent: a second click, or a repeated one-click POST, answers the same.
	default: async ({ params }) => {
		await reminders.unsubscribeByReminder(params.token);
		return { stopped: true };
	}
};
