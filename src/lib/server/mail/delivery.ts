/**
 * Delivers the e-mail in the outbox over SMTP (SMTP_URL). Any number of processes may run the
 * worker: each message is claimed with FOR UPDATE SKIP LOCKED and a lease (`lockedUntil`) before
 * it is sent, so two workers never send the same row. A failed attempt is recorded and retried
 * with exponential back-off; a recipient the server refuses for good is not retried.
 *
 * Without SMTP_URL nothing is sent: messages stay in the outbox, where the office reads them in
 * development (`listOutbox`).
 */
import { and, asc, count, desc, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { db } from '$lib/server/db';
import { outbox, type OutboxMessage } from '$lib/server/db/schema';

export const DEFAULT_FROM = 'Gemeente Den Haag – Verkiezingen <verkiezingen@denhaag.nl>';
/** After this many failed attempts a message waits for the office (it shows in listOutbox). */
export const MAX_ATTEMPTS = 10;
// Longer than one send can take (connection, greeting and socket time-outs below), so a lease
// never runs out while its holder is still sending.
const LEASE_MS = 10 * 60 * 1000;
const FIRST_RETRY_MS = 60 * 1000;
const LONGEST_RETRY_MS = 6 * 60 * 60 * 1000;

/** 1, 2, 4 … minutes after the n-th failure, at most 6 hours (about 17 hours over 10 attempts). */
export function retryDelay(attempts: number): number {
	return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

export const mailFrom = () => process.env.MAIL_FROM || DEFAULT_FROM;

let transport: { url: string; transporter: Transporter } | undefined;

/** The SMTP transport for SMTP_URL (pooled connections), or null when mail is not configured. */
function transporter(): Transporter | null {
	const url = process.env.SMTP_URL;
	if (!url) return null;
	if (transport?.url !== url) {
		transport?.transporter.close();
		transport = {
			url,
			transporter: nodemailer.createTransport({
				url,
				pool: true,
				maxConnections: 2,
				connectionTimeout: 30_000,
				greetingTimeout: 30_000,
				socketTimeout: 60_000
			})
		};
	}
	return transport.transporter;
}

/** Closes the SMTP connections (at shutdown, and between tests that change SMTP_URL). */
export function closeTransport(): void {
	transport?.transporter.close();
	transport = undefined;
}

/** Takes the oldest e-mail that is due, under a lease; null when there is none. */
async function claimNext(now: Date): Promise<OutboxMessage | null> {
	return (await db()).transaction(async (tx) => {
		const [due] = await tx
			.select({ id: outbox.id })
			.from(outbox)
			.where(
				and(
					eq(outbox.channel, 'email'),
					isNull(outbox.sentAt),
					lt(outbox.attempts, MAX_ATTEMPTS),
					or(isNull(outbox.lockedUntil), lte(outbox.lockedUntil, now))
				)
			)
			.orderBy(asc(outbox.createdAt), asc(outbox.id))
			.limit(1)
			.for('update', { skipLocked: true });
		if (!due) return null;
		const [claimed] = await tx
			.update(outbox)
			.set({
				lockedUntil: new Date(now.getTime() + LEASE_MS),
				attempts: sql`${outbox.attempts} + 1`
			})
			.where(eq(outbox.id, due.id))
			.returning();
		return claimed ?? null;
	});
}

type SmtpError = Error & { responseCode?: number; command?: string };

/** A recipient the server refuses with a 5xx: sending again will not help. */
const isPermanent = (error: SmtpError) =>
	error.command === 'RCPT TO' && (error.responseCode ?? 0) >= 500;

/** The domain of the sender, for Message-IDs. */
function senderDomain(from: string): string {
	return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}

async function send(transport: Transporter, message: OutboxMessage, from: string): Promise<void> {
	await transport.sendMail({
		from,
		to: message.recipient!,
		subject: message.subject,
		text: message.text,
		...(message.html ? { html: message.html } : {}),
		// The same id on every attempt: should a message ever go out twice (a crash between
		// sending and recording it), the recipient's mail program shows it once.
		messageId: `<${message.id}@${senderDomain(from)}>`,
		headers: {
			...message.headers,
			'Content-Language': message.locale,
			// RFC 3834: no out-of-office replies to a notice.
			'Auto-Submitted': 'auto-generated'
		}
	});
}

export type DeliveryResult = { sent: number; failed: number };

/**
 * Sends due e-mail, one message at a time, until none is due or `limit` were tried. Safe to run in
 * several processes at once. Returns at once when SMTP_URL is not set.
 */
export async function deliverPending(
	now: Date = new Date(),
	options: { limit?: number; shouldStop?: () => boolean } = {}
): Promise<DeliveryResult> {
	const result: DeliveryResult = { sent: 0, failed: 0 };
	const transport = transporter();
	if (!transport) return result;
	const from = mailFrom();
	const database = await db();
	for (let i = 0; i < (options.limit ?? 100) && !options.shouldStop?.(); i++) {
		const message = await claimNext(now);
		if (!message) break;
		try {
			await send(transport, message, from);
		} catch (caught) {
			const error = caught as SmtpError;
			const permanent = isPermanent(error);
			await database
				.update(outbox)
				.set({
					lastError: `${permanent ? 'permanent: ' : ''}${error.message}`.slice(0, 1000),
					lockedUntil: new Date(now.getTime() + retryDelay(message.attempts)),
					...(permanent ? { attempts: MAX_ATTEMPTS } : {})
				})
				.where(eq(outbox.id, message.id));
			result.failed++;
			continue;
		}
		await database
			.update(outbox)
			.set({ sentAt: now, lockedUntil: null, lastError: null })
			.where(eq(outbox.id, message.id));
		result.sent++;
	}
	return result;
}

export type OutboxPage = { total: number; messages: OutboxMessage[] };

/**
 * The outbox, newest first: in development (no SMTP_URL) the office reads the mail here; in
 * production it shows what is waiting and what failed.
 */
export async function listOutbox(
	options: { limit?: number; offset?: number; channel?: 'email' | 'letter' } = {}
): Promise<OutboxPage> {
	const database = await db();
	const where = options.channel ? eq(outbox.channel, options.channel) : undefined;
	const [{ total } = { total: 0 }] = await database
		.select({ total: count() })
		.from(outbox)
		.where(where);
	const messages = await database
		.select()
		.from(outbox)
		.where(where)
		.orderBy(desc(outbox.createdAt), desc(outbox.id))
		.limit(Math.min(Math.max(options.limit ?? 50, 1), 500))
		.offset(Math.max(options.offset ?? 0, 0));
	return { total, messages };
}

// The worker in this process: started by the platform at start-up, stopped at shutdown.
let worker:
	| { timer: NodeJS.Timeout; nudge?: NodeJS.Timeout; running?: Promise<unknown>; stopping: boolean }
	| undefined;

// A run sends at most this many, then the next run starts at once: a batch of thousands of
// notices (a population-register import) goes out without waiting for the interval.
const RUN_LIMIT = 500;

function runOnce(): void {
	if (!worker || worker.running || worker.stopping) return;
	const current = worker;
	current.running = deliverPending(new Date(), {
		limit: RUN_LIMIT,
		shouldStop: () => current.stopping
	})
		.then(
			({ sent, failed }) => sent + failed >= RUN_LIMIT,
			(error) => {
				console.error('Delivering e-mail failed', error);
				return false;
			}
		)
		.then((more) => {
			current.running = undefined;
			if (more) runOnce();
		});
}

/**
 * Starts delivering every `intervalMs` (default 30 s). Without SMTP_URL it says so once and does
 * nothing: the mail stays in the outbox.
 */
export function startDelivery(intervalMs = 30_000): void {
	if (worker) return;
	if (!process.env.SMTP_URL) {
		console.warn('SMTP_URL is not set: e-mail stays in the outbox (the office can read it there).');
		return;
	}
	worker = { timer: setInterval(runOnce, intervalMs), stopping: false };
	worker.timer.unref();
	runOnce();
}

/** Asks the worker to run soon (after an enqueue); a no-op when it is not running. */
export function nudge(): void {
	if (!worker || worker.nudge || worker.stopping) return;
	// A moment later: the transaction that enqueued the message has usually committed by then;
	// if not, the next interval sends it.
	worker.nudge = setTimeout(() => {
		if (worker) worker.nudge = undefined;
		runOnce();
	}, 1000);
	worker.nudge.unref();
}

/** Stops the worker, waits for the message being sent, and closes the SMTP connections. */
export async function stopDelivery(): Promise<void> {
	const current = worker;
	if (!current) return;
	current.stopping = true;
	clearInterval(current.timer);
	if (current.nudge) clearTimeout(current.nudge);
	await current.running;
	worker = undefined;
	closeTransport();
}
