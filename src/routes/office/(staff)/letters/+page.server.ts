import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/paraglide/runtime';
import * as auth from '$lib/server/auth';
import * as mail from '$lib/server/mail';
import { formData } from '$lib/server/registration/navigation';

// Issue 3 item 7: notices to voters without e-mail go by post (MvT §3.4), printed from here.
export const load: PageServerLoad = async (event) => {
	auth.requireStaff(event, 'clerk', 'admin');
	return {
		queue: await mail.printQueue(),
		printed: await mail.recentlyPrinted(),
		done: event.url.searchParams.get('done') === 'printed'
	};
};

export const actions: Actions = {
	printed: async (event) => {
		const staff = auth.requireStaff(event, 'clerk', 'admin');
		const id = String((await formData(event.request)).get('letter') ?? '');
		if (!(await mail.recordPrinted(id, staff.accountId))) {
			return fail(409, { problem: 'office_letters_error_gone' });
		}
		redirect(303, `${localizeHref('/office/letters')}?done=printed`);
	}
};
