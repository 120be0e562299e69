/**
 * Mail and letters to voters go through the outbox table, written in the same transaction as the
 * decision that causes them: a notice is never lost, and never sent twice. E-mail is delivered
 * over SMTP by `deliverPending` (./delivery.ts); letters are printed from `letterPdf`
 * (./letter.ts) for voters without e-mail (MvT §3.4: by post otherwise).
 */
import { db, type Db } from '$lib/server/db';
import { outbox, type OutboxMessage, type PostalAddress } from '$lib/server/db/schema';
import { nudge } from './delivery';

export type { OutboxMessage, PostalAddress };
export {
	deliverPending,
	listOutbox,
	mailFrom,
	startDelivery,
	stopDelivery,
	type DeliveryResult,
	type OutboxPage
} from './delivery';
export { addressLines, letterPdf, markPrinted, printQueue, type QueuedLetter } from './letter';
export {
	get,
	openLetter,
	recentlyPrinted,
	recordPrinted,
	viewMessage,
	type PrintedLetter
} from './office';
export { renderEmail, type EmailBlock, type EmailContent, type RenderedEmail } from './render';

export type Outgoing =
	| {
			channel: 'email';
			recipient: string;
			locale: string;
			subject: string;
			text: string;
			html: string;
			/** Extra headers (a reminder's List-Unsubscribe, RFC 8058). */
			headers?: Record<string, string>;
			decisionId?: string;
	  }
	| {
			channel: 'letter';
			/** The addressee's name, the first line of the address (stored as the recipient). */
			recipientName?: string;
			postalAddress: PostalAddress;
			locale: string;
			subject: string;
			text: string;
			decisionId?: string;
	  };

const rowOf = (message: Outgoing) => ({
	channel: message.channel,
	recipient: message.channel === 'email' ? message.recipient : (message.recipientName ?? null),
	postalAddress: message.channel === 'letter' ? message.postalAddress : null,
	locale: message.locale,
	subject: message.subject,
	text: message.text,
	html: message.channel === 'email' ? message.html : null,
	headers: message.channel === 'email' ? (message.headers ?? null) : null,
	decisionId: message.decisionId ?? null
});

/** Queues a message; pass the transaction of the decision it announces. Returns its id. */
export async function enqueue(message: Outgoing, tx?: Db): Promise<string> {
	const target = tx ?? (await db());
	const [row] = await target.insert(outbox).values(rowOf(message)).returning({ id: outbox.id });
	if (message.channel === 'email') nudge();
	return row!.id;
}

/**
 * Queues many messages in a few statements (the notices of a population-register import, where
 * one insert per notice would dominate the import's time); pass the decisions' transaction.
 */
export async function enqueueMany(messages: Outgoing[], tx: Db): Promise<void> {
	for (let i = 0; i < messages.length; i += 200) {
		await tx.insert(outbox).values(messages.slice(i, i + 200).map(rowOf));
	}
	if (messages.some((m) => m.channel === 'email')) nudge();
}
