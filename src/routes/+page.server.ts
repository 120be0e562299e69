import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ask } from '$lib/journeys/intents';
import * as overview from '$lib/server/overview';
import { formData } from '$lib/server/journeys/navigation';

// The coming elections at a glance (issue 4 item 2), for everyone.
export const load: PageServerLoad = async () => {
	const { now, elections } = await overview.forPublic();
	return { now, elections };
};

export const actions: Actions = {
	// "Tell us in your own words": a plain form post, answered by the page with a proposal.
	understand: async ({ request }) => {
		const asked = ask((await formData(request)).get('request'));
		if (!asked.ok) return fail(400, { text: asked.text, error: asked.error });
		return { text: asked.text, understanding: asked.understanding };
	}
};
