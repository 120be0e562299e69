import type { LayoutServerLoad } from './$types';
import * as auth from '$lib/server/auth';

// Signed-in pages show when the session ends and warn before it does (WCAG 2.2.1).
export const load: LayoutServerLoad = ({ locals }) => ({
	session: locals.session?.kind === 'voter' ? auth.sessionStatus(locals.session) : null
});
