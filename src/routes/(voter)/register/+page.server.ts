import type { Actions } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import * as registration from '$lib/server/registration';
import { goTo } from '$lib/server/registration/navigation';
import * as limits from '$lib/server/limits';

export const actions: Actions = {
	default: async (event) => {
		await limits.enforce(event, 'draftCreation');
		const token = await registration.start(getLocale());
		goTo(token, { kind: 'step', step: 'nationality' });
	}
};
