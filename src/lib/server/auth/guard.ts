/**
 * Access checks. Every back-office load and action calls `requireStaff` with the role it needs
 * (the layout's guard alone is not enough: actions run without the layout's load), and every
 * voter page that shows personal data calls `requireVoter`. Access control never rests on the
 * URL prefix alone.
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { StaffRole } from '$lib/server/db/schema';
import { localizeHref } from '$lib/paraglide/runtime';
import * as m from '$lib/paraglide/messages.js';
import * as securityEvents from '$lib/server/security-events';

type Guarded = Pick<RequestEvent, 'locals' | 'url'>;

// Back to the page afterwards, with its query, but not to a form action (`?/rename`).
const back = (event: Guarded) => {
	const search = event.url.search.startsWith('?/') ? '' : event.url.search;
	return `?next=${encodeURIComponent(event.url.pathname + search)}`;
};

/** The signed-in staff member holding one of `roles`; otherwise to sign-in (303) or 403. */
export function requireStaff(event: Guarded, ...roles: [StaffRole, ...StaffRole[]]) {
	const session = event.locals.session;
	if (!session || session.kind !== 'staff') {
		redirect(303, `${localizeHref('/office/sign-in')}${back(event)}`);
	}
	if (!roles.some((role) => session.roles.includes(role))) {
		securityEvents.log({
			event: 'access.forbidden',
			account: session.accountId,
			path: event.url.pathname,
			needs: roles
		});
		error(403, { message: m.office_error_forbidden() });
	}
	return session;
}

/** The signed-in voter; otherwise to the voter's sign-in page, back here afterwards. */
export function requireVoter(event: Guarded) {
	const session = event.locals.session;
	if (!session || session.kind !== 'voter') {
		redirect(303, `${localizeHref('/account/sign-in')}${back(event)}`);
	}
	return session;
}

/**
 * The signed-in member of an association (issue 5); otherwise to the associations' sign-in page.
 * Every association page and action keys its queries by the association returned here.
 */
export function requireAssociation(event: Guarded) {
	const session = event.locals.session;
	if (!session || session.kind !== 'association' || !session.associationId) {
		redirect(303, `${localizeHref('/associations/sign-in')}${back(event)}`);
	}
	return { ...session, associationId: session.associationId };
}
