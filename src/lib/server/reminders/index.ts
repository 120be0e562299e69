/**
 * Reminders of the cut-offs (issue 6 item 2), opt-in and revocable in one click.
 *
 * - **Asking**: an e-mail address, the page's language and election types; nothing else. The
 *   address is sealed at rest (AES-256-GCM) and never looked up: every link carries a 256-bit
 *   secret whose SHA-256 finds the row.
 * - **Double opt-in**: a confirmation e-mail links to a page whose button confirms; reminders
 *   start only then (and a first check runs at once). Unconfirmed requests go after 7 days.
 * - **Exactly once**: `run` (at start-up and every REMINDER_INTERVAL_SECONDS, in every process)
 *   asks the rules which reminders are due (`dueReminders`, by the portal's clock) and, for
 *   each, inserts a `sent_reminders` row under its unique key and queues the e-mail in the same
 *   transaction: of several processes or restarts, one insert wins and one e-mail is queued; the
 *   outbox then delivers it once over SMTP. A push notification is claimed the same way and then
 *   sent (at most once: a push service that fails is not retried, the e-mail is the record).
 * - **Stopping**: every reminder e-mail has its own one-click link (List-Unsubscribe and
 *   List-Unsubscribe-Post, RFC 8058); stopping deletes the request and all that hangs off it.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import { dueReminders, reminderKey, type DueReminder, type ElectionType } from '$lib/domain';
import type { ReminderRequest } from '$lib/journeys/reminders';
import { hashToken, isToken, newToken } from '$lib/server/auth/tokens';
import * as clock from '$lib/server/clock';
import * as crypto from '$lib/server/crypto';
import { db, type Db } from '$lib/server/db';
import {
	reminderPushSubscriptions,
	reminderSubscriptions,
	sentReminders,
	type ReminderSubscription
} from '$lib/server/db/schema';
import * as electionCalendar from '$lib/server/elections';
import * as registrations from '$lib/server/registrations';
import * as mail from '$lib/server/mail';
import { confirmationEmail, reminderEmail, reminderPush } from './compose';
import { CONFIRMATION_DAYS, intervalMs, leadDays } from './config';
import { isPushService, publicKey, sendPush, type PushTarget } from './push';

export { intervalMs, leadDays } from './config';
export { parsePushTarget, publicKey, useVapidKeys, vapidKeys, type PushTarget } from './push';

const DAY_MS = 86_400_000;
const emailContext = (id: string) => `reminder-subscription:${id}`;
const pushContext = (id: string) => `reminder-push:${id}`;
const endpointHash = (endpoint: string) => hashToken(`push-endpoint:${endpoint}`);

/**
 * Records a request for reminders and queues the confirmation e-mail, in one transaction.
 * Returns the secret of the confirmation link (for tests; the page says only "check your mail").
 */
export async function subscribe(
	request: ReminderRequest & { locale: string },
	now = new Date()
): Promise<{ id: string; token: string }> {
	const id = randomUUID();
	const token = newToken();
	const database = await db();
	await database.transaction(async (t) => {
		const tx = t as unknown as Db;
		await tx.insert(reminderSubscriptions).values({
			id,
			emailSealed: crypto.encryptField(request.email, emailContext(id)),
			locale: request.locale,
			types: request.types,
			tokenHash: hashToken(token),
			createdAt: now
		});
		const email = confirmationEmail(request.locale, request.types, token);
		await mail.enqueue({ channel: 'email', recipient: request.email, ...email }, tx);
	});
	return { id, token };
}

/**
 * A signed-in voter asks from their account: the e-mail address and the types of their
 * registration, in the page's language. Still confirmed by e-mail first (the address on record
 * may be out of date). Nothing is sent when the registration has no address or is not active.
 */
export async function subscribeAccount(
	accountId: string,
	locale: string
): Promise<'sent' | 'no_email' | 'not_registered'> {
	const found = await registrations.findForAccount(accountId, clock.today());
	if (!found || found.registration.status !== 'active' || !found.standing.registered) {
		return 'not_registered';
	}
	const email = found.registration.email;
	if (!email) return 'no_email';
	await subscribe({ email, types: found.standing.types.map((t) => t.type), locale });
	return 'sent';
}

/** The request behind a confirmation link, unless it is unknown or expired unconfirmed. */
async function byToken(token: string, now = new Date()): Promise<ReminderSubscription | null> {
	if (!isToken(token)) return null;
	const [row] = await (
		await db()
	)
		.select()
		.from(reminderSubscriptions)
		.where(eq(reminderSubscriptions.tokenHash, hashToken(token)));
	if (!row) return null;
	const expired =
		row.confirmedAt === null &&
		now.getTime() - row.createdAt.getTime() > CONFIRMATION_DAYS * DAY_MS;
	return expired ? null : row;
}

export type SubscriptionView = {
	confirmed: boolean;
	types: ElectionType[];
	locale: string;
	/** Devices that get the reminders as notifications too. */
	devices: number;
	/** The VAPID public key for the page's push button; null when push is not offered. */
	pushKey: string | null;
};

/** What the confirmation/manage page shows (no address: the link may be forwarded). */
export async function view(token: string, now = new Date()): Promise<SubscriptionView | null> {
	const row = await byToken(token, now);
	if (!row) return null;
	const devices = await (
		await db()
	)
		.select({ id: reminderPushSubscriptions.id })
		.from(reminderPushSubscriptions)
		.where(eq(reminderPushSubscriptions.subscriptionId, row.id));
	return {
		confirmed: row.confirmedAt !== null,
		types: row.types,
		locale: row.locale,
		devices: devices.length,
		pushKey: row.confirmedAt !== null ? publicKey() : null
	};
}

/**
 * Confirms a request (idempotent) and at once sends what is already due for it, so the first
 * reminder does not wait for the next run. False for an unknown or expired link.
 */
export async function confirm(token: string, now = new Date()): Promise<boolean> {
	const row = await byToken(token, now);
	if (!row) return false;
	if (row.confirmedAt === null) {
		await (
			await db()
		)
			.update(reminderSubscriptions)
			.set({ confirmedAt: now })
			.where(and(eq(reminderSubscriptions.id, row.id), isNull(reminderSubscriptions.confirmedAt)));
	}
	try {
		await run({ subscriptionId: row.id });
	} catch (error) {
		// Confirmed all the same: the next run sends it.
		console.error('Sending reminders after a confirmation failed', error);
	}
	return true;
}

async function remove(id: string): Promise<void> {
	// Cascades to its sent reminders (and their unsubscribe links) and push subscriptions.
	await (await db()).delete(reminderSubscriptions).where(eq(reminderSubscriptions.id, id));
}

/** Stops the reminders of the manage link's request and deletes it. False if unknown. */
export async function unsubscribe(token: string): Promise<boolean> {
	const row = await byToken(token);
	if (!row) return false;
	await remove(row.id);
	return true;
}

/** The request behind a reminder e-mail's one-click link, or null (unknown, or already stopped). */
async function byUnsubscribeToken(token: string): Promise<string | null> {
	if (!isToken(token)) return null;
	const [row] = await (
		await db()
	)
		.select({ subscriptionId: sentReminders.subscriptionId })
		.from(sentReminders)
		.where(eq(sentReminders.unsubscribeTokenHash, hashToken(token)));
	return row?.subscriptionId ?? null;
}

/** Whether a reminder e-mail's unsubscribe link still stops something (the page's GET). */
export async function canUnsubscribe(token: string): Promise<boolean> {
	return (await byUnsubscribeToken(token)) !== null;
}

/**
 * One click (RFC 8058): stops the reminders of the request a reminder e-mail was sent for and
 * deletes it. Idempotent: an unknown or used link does nothing and says so (false).
 */
export async function unsubscribeByReminder(token: string): Promise<boolean> {
	const id = await byUnsubscribeToken(token);
	if (!id) return false;
	await remove(id);
	return true;
}

/**
 * Adds a browser's push subscription to a confirmed request (or moves it there from another).
 * `allowEndpoint` is for tests, whose push service is a local server.
 */
export async function addPush(
	token: string,
	target: PushTarget,
	options: { allowEndpoint?: (endpoint: string) => boolean } = {}
): Promise<'added' | 'refused' | 'unknown'> {
	const row = await byToken(token);
	if (!row || row.confirmedAt === null) return 'unknown';
	const allowed = options.allowEndpoint ?? isPushService;
	if (!allowed(target.endpoint) || publicKey() === null) return 'refused';
	const id = randomUUID();
	await (
		await db()
	)
		.insert(reminderPushSubscriptions)
		.values({
			id,
			subscriptionId: row.id,
			endpointHash: endpointHash(target.endpoint),
			sealed: crypto.encryptField(JSON.stringify(target), pushContext(id))
		})
		.onConflictDoUpdate({
			target: reminderPushSubscriptions.endpointHash,
			set: {
				id,
				subscriptionId: row.id,
				sealed: crypto.encryptField(JSON.stringify(target), pushContext(id))
			}
		});
	return 'added';
}

/** Removes a browser's push subscription from the manage link's request. */
export async function removePush(token: string, endpoint: string): Promise<boolean> {
	const row = await byToken(token);
	if (!row) return false;
	await (
		await db()
	)
		.delete(reminderPushSubscriptions)
		.where(
			and(
				eq(reminderPushSubscriptions.subscriptionId, row.id),
				eq(reminderPushSubscriptions.endpointHash, endpointHash(endpoint))
			)
		);
	return true;
}

/** Deletes requests not confirmed within 7 days (hourly purge). Returns how many. */
export async function purgeUnconfirmed(now = new Date()): Promise<number> {
	const deleted = await (
		await db()
	)
		.delete(reminderSubscriptions)
		.where(
			and(
				isNull(reminderSubscriptions.confirmedAt),
				lt(reminderSubscriptions.createdAt, new Date(now.getTime() - CONFIRMATION_DAYS * DAY_MS))
			)
		)
		.returning({ id: reminderSubscriptions.id });
	return deleted.length;
}

export type RunResult = { email: number; push: number };

const PAGE = 500;
const channelKey = (subscriptionId: string, key: string, channel: string) =>
	`${subscriptionId}|${key}|${channel}`;

/** One reminder's row under the unique key: whoever inserts it sends it. */
function sentRow(subscriptionId: string, reminder: DueReminder, channel: 'email' | 'push') {
	return {
		subscriptionId,
		electionId: reminder.election.id,
		cutoffKind: reminder.cutoff.kind,
		cutoffDay: reminder.cutoff.day,
		leadDays: reminder.leadDays,
		channel
	};
}

/** Claims one e-mail reminder and queues it in the same transaction; false if already claimed. */
async function sendEmail(
	subscription: Pick<ReminderSubscription, 'id' | 'emailSealed' | 'locale'>,
	reminder: DueReminder,
	now: Date
): Promise<boolean> {
	const token = newToken();
	return (await db()).transaction(async (t) => {
		const tx = t as unknown as Db;
		const [claimed] = await tx
			.insert(sentReminders)
			.values({
				...sentRow(subscription.id, reminder, 'email'),
				unsubscribeTokenHash: hashToken(token)
			})
			.onConflictDoNothing()
			.returning({ id: sentReminders.id });
		if (!claimed) return false;
		const { unsubscribeUrl, ...email } = reminderEmail(reminder, subscription.locale, now, token);
		await mail.enqueue(
			{
				channel: 'email',
				recipient: crypto.decryptField(subscription.emailSealed, emailContext(subscription.id)),
				...email,
				// RFC 2369 and RFC 8058: the mail program's own "unsubscribe" stops them in one click.
				headers: {
					'List-Unsubscribe': `<${unsubscribeUrl}>`,
					'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
				}
			},
			tx
		);
		return true;
	});
}

/** Claims one push reminder, then sends it to every device of the request. */
async function sendPushReminder(
	subscription: Pick<ReminderSubscription, 'id' | 'locale'>,
	devices: { id: string; sealed: string }[],
	reminder: DueReminder,
	now: Date
): Promise<boolean> {
	const database = await db();
	const [claimed] = await database
		.insert(sentReminders)
		.values(sentRow(subscription.id, reminder, 'push'))
		.onConflictDoNothing()
		.returning({ id: sentReminders.id });
	if (!claimed) return false;
	const payload = reminderPush(reminder, subscription.locale, now);
	// Kept by the push service for an offline browser until the cut-off closes, at most 4 weeks.
	const ttl = Math.min((reminder.cutoff.closesAt.getTime() - now.getTime()) / 1000, 28 * 86_400);
	for (const device of devices) {
		const target = JSON.parse(
			crypto.decryptField(device.sealed, pushContext(device.id))
		) as PushTarget;
		const outcome = await sendPush(target, payload, ttl);
		if (outcome === 'gone') {
			await database
				.delete(reminderPushSubscriptions)
				.where(eq(reminderPushSubscriptions.id, device.id));
		}
	}
	return true;
}

/**
 * Sends every reminder due at `now` (the portal's clock) to every confirmed request, or to one.
 * Safe to run in any number of processes at once, and again: each is sent once.
 */
export async function run(
	options: { now?: Date; subscriptionId?: string } = {}
): Promise<RunResult> {
	const now = options.now ?? clock.now();
	const leads = leadDays();
	const push = publicKey() !== null;
	const result: RunResult = { email: 0, push: 0 };
	const calendar = (await electionCalendar.list()).filter((e) => e.electionDay !== null);
	if (calendar.length === 0) return result;
	const database = await db();
	let after: string | null = null;
	for (;;) {
		const page: Pick<ReminderSubscription, 'id' | 'emailSealed' | 'locale' | 'types'>[] =
			await database
				.select({
					id: reminderSubscriptions.id,
					emailSealed: reminderSubscriptions.emailSealed,
					locale: reminderSubscriptions.locale,
					types: reminderSubscriptions.types
				})
				.from(reminderSubscriptions)
				.where(
					and(
						isNotNull(reminderSubscriptions.confirmedAt),
						options.subscriptionId
							? eq(reminderSubscriptions.id, options.subscriptionId)
							: undefined,
						after ? gt(reminderSubscriptions.id, after) : undefined
					)
				)
				.orderBy(asc(reminderSubscriptions.id))
				.limit(PAGE);
		if (page.length === 0) break;
		const ids = page.map((s) => s.id);
		// What was sent already, to skip it without an insert per reminder per run.
		const sent = new Set(
			(
				await database
					.select()
					.from(sentReminders)
					.where(
						and(
							inArray(sentReminders.subscriptionId, ids),
							inArray(
								sentReminders.electionId,
								calendar.map((e) => e.id)
							)
						)
					)
			).map((s) =>
				channelKey(
					s.subscriptionId,
					`${s.electionId}|${s.cutoffKind}|${s.cutoffDay}|${s.leadDays}`,
					s.channel
				)
			)
		);
		const devices = push
			? await database
					.select({
						id: reminderPushSubscriptions.id,
						subscriptionId: reminderPushSubscriptions.subscriptionId,
						sealed: reminderPushSubscriptions.sealed
					})
					.from(reminderPushSubscriptions)
					.where(inArray(reminderPushSubscriptions.subscriptionId, ids))
			: [];
		for (const subscription of page) {
			const own = devices.filter((d) => d.subscriptionId === subscription.id);
			try {
				for (const reminder of dueReminders(calendar, subscription.types, now, leads)) {
					const key = reminderKey(reminder);
					if (!sent.has(channelKey(subscription.id, key, 'email'))) {
						if (await sendEmail(subscription, reminder, now)) result.email++;
					}
					if (own.length > 0 && !sent.has(channelKey(subscription.id, key, 'push'))) {
						if (await sendPushReminder(subscription, own, reminder, now)) result.push++;
					}
				}
			} catch (error) {
				// Stopped while this run was at it (its rows are gone), or one bad row: the others go on.
				console.error('A reminder could not be sent', error);
			}
		}
		if (page.length < PAGE) break;
		after = page[page.length - 1]!.id;
	}
	return result;
}

// The scheduler in this process: started by the platform at start-up, stopped at shutdown.
let scheduler: { timer: NodeJS.Timeout; running?: Promise<unknown> } | undefined;

function runOnce(): void {
	if (!scheduler || scheduler.running) return;
	const current = scheduler;
	current.running = run()
		.catch((error) => console.error('Sending reminders failed', error))
		.finally(() => {
			current.running = undefined;
		});
}

/** Runs now and every `intervalMs` (REMINDER_INTERVAL_SECONDS, default an hour). */
export function startScheduler(every = intervalMs()): void {
	if (scheduler) return;
	scheduler = { timer: setInterval(runOnce, every) };
	scheduler.timer.unref();
	runOnce();
}

/** Stops the scheduler and waits for a run in progress. */
export async function stopScheduler(): Promise<void> {
	const current = scheduler;
	if (!current) return;
	clearInterval(current.timer);
	scheduler = undefined;
	await current.running;
}
