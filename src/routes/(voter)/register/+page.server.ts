import type { Actions } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import * as registration from '$lib/server/registration';
import { goTo } from '$lib/server/registration/navigation';

export const actions: Actions = {
	default: async () => {
		const token = await registration.start(getLocale());
		goTo(token, { kind: 'step', step: 'nationality' });
	}
};
