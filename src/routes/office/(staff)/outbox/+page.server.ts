import type { PageServerLoad } from './$types';
import * as auth from '$lib/server/auth';
import * as mail from '$lib/server/mail';

const PAGE_SIZE = 50;

// Issue 3 item 6: the mail to voters as the office reads it (in development, without SMTP_URL,
// it is never sent). Recipients are personal data: clerks and deciders need to see what a voter
// was sent, admins what failed; every message opened is audited.
export const load: PageServerLoad = async (event) => {
	auth.requireStaff(event, 'clerk', 'decider', 'admin');
	const page = Math.max(1, Number.parseInt(event.url.searchParams.get('page') ?? '1', 10) || 1);
	const { total, messages } = await mail.listOutbox({
		limit: PAGE_SIZE,
		offset: (page - 1) * PAGE_SIZE
	});
	return {
		page,
		pageSize: PAGE_SIZE,
		total,
		// The list shows no text: reading one opens it, and that is recorded.
		messages: messages.map((message) => ({
			id: message.id,
			channel: message.channel,
			recipient: message.recipient,
			country: message.postalAddress?.country ?? null,
			locale: message.locale,
			subject: message.subject,
			createdAt: message.createdAt,
			sentAt: message.sentAt,
			attempts: message.attempts,
			lastError: message.lastError
		}))
	};
};
