import type { PageServerLoad } from './$types';
import * as registration from '$lib/server/registration';
import { unwrap } from '$lib/server/registration/navigation';

export const load: PageServerLoad = async ({ params }) => ({
	token: params.token,
	view: unwrap(params.token, await registration.viewDone(params.token))
});
