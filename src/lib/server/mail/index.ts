/**
 * Mail and letters to voters go through the outbox table, written in the same transaction as the
 * decision that causes them: a notice is never lost, and never sent twice.
 */
import { db, type Db } from '$lib/server/db';
import { outbox, type OutboxMessage, type PostalAddress } from '$lib/server/db/schema';

export type { OutboxMessage };

export type Outgoing =
	| {
			channel: 'email';
			recipient: string;
			locale: string;
			subject: string;
			text: string;
			html: string;
			decisionId?: string;
	  }
	| {
			channel: 'letter';
			postalAddress: PostalAddress;
			locale: string;
			subject: string;
			text: string;
			decisionId?: string;
	  };

/** Queues a message; pass the transaction of the decision it announces. Returns its id. */
export async function enqueue(message: Outgoing, tx?: Db): Promise<string> {
	const target = tx ?? (await db());
	const [row] = await target
		.insert(outbox)
		.values({
			channel: message.channel,
			recipient: message.channel === 'email' ? message.recipient : null,
			postalAddress: message.channel === 'letter' ? message.postalAddress : null,
			locale: message.locale,
			subject: message.subject,
			text: message.text,
			html: message.channel === 'email' ? message.html : null,
			decisionId: message.decisionId ?? null
		})
		.returning({ id: outbox.id });
	return row!.id;
}
