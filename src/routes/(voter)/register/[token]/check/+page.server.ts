import type { Actions, PageServerLoad } from './$types';
import * as registration from '$lib/server/registration';
import { goTo, notFound, unwrap } from '$lib/server/registration/navigation';

export const load: PageServerLoad = async ({ params }) => ({
	token: params.token,
	view: unwrap(params.token, await registration.viewCheck(params.token))
});

export const actions: Actions = {
	default: async ({ params }) => {
		const where = await registration.confirm(params.token);
		if (!where) notFound();
		goTo(params.token, where);
	}
};
