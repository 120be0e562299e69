/**
 * Access checks. Every back-office load and action calls `requireStaff` with the role it needs
 * (the layout's guard alone is not enough: actions run without the layout's load), and every
 * voter page that shows personal data calls `requireVoter`. Access control never rests on the
 * URL prefix alone.
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { StaffRole } from '$lib/server/db/schema';
import { localizeHref } from '$lib/paraglide/runtime';

type Guarded = Pick<RequestEvent, 'locals' | 'url'>;

/** The signed-in staff member holding one of `roles`; otherwise to sign-in (401) or 403. */
export function requireStaff(event: Guarded, ...roles: [StaffRole, ...StaffRole[]]) {
	const session = event.locals.session;
	if (!session || session.kind !== 'staff') {
		redirect(303, `/office/sign-in?next=${encodeURIComponent(event.url.pathname)}`);
	}
	if (!roles.some((role) => session.roles.includes(role))) error(403, 'Forbidden');
	return session;
}

/** The signed-in voter; otherwise to the voter's sign-in page, back here afterwards. */
export function requireVoter(event: Guarded) {
	const session = event.locals.session;
	if (!session || session.kind !== 'voter') {
		redirect(
			303,
			`${localizeHref('/account/sign-in')}?next=${encodeURIComponent(event.url.pathname)}`
		);
	}
	return session;
}
