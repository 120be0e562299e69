/**
 * The office's view of the outbox (issue 3 items 6 and 7): reading one message, the letters'
 * print queue and what was printed lately. The outbox holds personal data (names, addresses,
 * e-mail addresses and the notices themselves), so every look at one message or letter and every
 * letter marked printed is written to the audit log (AVG art. 5(2): accountability), in the same
 * transaction as the change it records.
 */
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import * as audit from '$lib/server/audit';
import { db, type Db } from '$lib/server/db';
import { outbox, type OutboxMessage } from '$lib/server/db/schema';
import { letterPdf, type QueuedLetter } from './letter';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const actor = (staffId: string) => `staff:${staffId}`;
const subject = (id: string) => `outbox:${id}`;

/** One message of the outbox (e-mail or letter), or null when there is none with this id. */
export async function get(id: string): Promise<OutboxMessage | null> {
	if (!UUID.test(id)) return null;
	const [message] = await (await db()).select().from(outbox).where(eq(outbox.id, id)).limit(1);
	return message ?? null;
}

/** One message as a staff member reads it in the office; the reading is audited. */
export async function viewMessage(id: string, staffId: string): Promise<OutboxMessage | null> {
	const message = await get(id);
	if (!message) return null;
	await audit.record({
		actor: actor(staffId),
		action: 'outbox.viewed',
		subject: subject(id),
		details: { channel: message.channel }
	});
	return message;
}

/** A letter's PDF as a staff member opens it to print it; the opening is audited. */
export async function openLetter(id: string, staffId: string): Promise<Uint8Array | null> {
	const pdf = await letterPdf(id);
	if (!pdf) return null;
	await audit.record({ actor: actor(staffId), action: 'letter.opened', subject: subject(id) });
	return pdf;
}

/**
 * Marks a letter printed and posted by this staff member: it leaves the print queue and counts
 * as sent (KB D 10: the notice goes without delay). False when it was not waiting (unknown, not a
 * letter, or already printed), so a second click records nothing.
 */
export async function recordPrinted(
	id: string,
	staffId: string,
	now: Date = new Date()
): Promise<boolean> {
	if (!UUID.test(id)) return false;
	return (await db()).transaction(async (tx) => {
		const marked = await tx
			.update(outbox)
			.set({ sentAt: now })
			.where(and(eq(outbox.id, id), eq(outbox.channel, 'letter'), isNull(outbox.sentAt)))
			.returning({ id: outbox.id });
		if (marked.length !== 1) return false;
		await audit.record(
			{ actor: actor(staffId), action: 'letter.printed', subject: subject(id) },
			tx as unknown as Db
		);
		return true;
	});
}

export type PrintedLetter = QueuedLetter & { sentAt: Date };

/** The letters printed most recently, newest first (to reprint one that went wrong). */
export async function recentlyPrinted(limit = 20): Promise<PrintedLetter[]> {
	const rows = await (
		await db()
	)
		.select({
			id: outbox.id,
			locale: outbox.locale,
			subject: outbox.subject,
			recipient: outbox.recipient,
			postalAddress: outbox.postalAddress,
			createdAt: outbox.createdAt,
			sentAt: outbox.sentAt
		})
		.from(outbox)
		.where(and(eq(outbox.channel, 'letter'), isNotNull(outbox.sentAt)))
		.orderBy(desc(outbox.sentAt), desc(outbox.id))
		.limit(Math.min(Math.max(limit, 1), 200));
	return rows.map((row) => ({ ...row, sentAt: row.sentAt! }));
}
