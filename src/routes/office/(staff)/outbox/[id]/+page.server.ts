import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages.js';
import * as auth from '$lib/server/auth';
import * as mail from '$lib/server/mail';

// One message as it was (or will be) sent. The plain text only: the HTML version is never put in
// this page (it is the voter's mail, not ours to run under the office's origin and CSP).
export const load: PageServerLoad = async (event) => {
	const staff = auth.requireStaff(event, 'clerk', 'decider', 'admin');
	const message = await mail.viewMessage(event.params.id, staff.accountId);
	if (!message) error(404, { message: m.office_outbox_not_found() });
	return {
		message: {
			id: message.id,
			channel: message.channel,
			recipient: message.recipient,
			postalAddress: message.postalAddress,
			locale: message.locale,
			subject: message.subject,
			text: message.text,
			createdAt: message.createdAt,
			sentAt: message.sentAt,
			attempts: message.attempts,
			lastError: message.lastError
		},
		addressLines: message.postalAddress
			? mail.addressLines(message.recipient, message.postalAddress)
			: null
	};
};
