import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { REMINDER_KINDS } from '$lib/domain';
import { readReminderForm } from '$lib/journeys/reminders';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { formData } from '$lib/server/journeys/navigation';
import * as limits from '$lib/server/limits';
import * as reminders from '$lib/server/reminders';

export const load: PageServerLoad = () => ({
	leadDays: reminders.leadDays(),
	kinds: [...REMINDER_KINDS]
});

export const actions: Actions = {
	default: async (event) => {
		// Per requester: each request sends a confirmation e-mail to whatever address was typed.
		await limits.enforce(event, 'reminderSubscription');
		const result = readReminderForm(await formData(event.request));
		if (!result.ok) return fail(400, { values: result.values, errors: result.errors });
		// The page's language is the reminders' language: nothing more is asked.
		await reminders.subscribe({ ...result.request, locale: getLocale() });
		// The same page whatever the address: it says nothing about who asked before.
		redirect(303, localizeHref('/reminders/sent'));
	}
};
