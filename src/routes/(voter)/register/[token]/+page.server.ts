import type { PageServerLoad } from './$types';
import * as registration from '$lib/server/registration';
import { goTo, notFound } from '$lib/server/registration/navigation';

// The resume link: back to wherever the voter was.
export const load: PageServerLoad = async ({ params }) => {
	const where = await registration.resume(params.token);
	if (!where) notFound();
	goTo(params.token, where);
};
