/**
 * Abuse limits (issue 8; OWASP ASVS 5.0 V2.4 anti-automation, NCSC U/WA.05): how often one client
 * or one account may start an expensive or sensitive action in a window. Counted in the database
 * (one atomic upsert per hit), so limits hold across restarts and processes.
 *
 * Every bucket is keyed by the requester, never by whom or what they ask about: hammering the
 * status check with someone else's details, or the sign-in page, only ever spends the attacker's
 * own allowance, so no limit lets one person lock out another.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import * as m from '$lib/paraglide/messages.js';
import * as crypto from '$lib/server/crypto';
import { db } from '$lib/server/db';
import { rateLimits } from '$lib/server/db/schema';
import * as securityEvents from '$lib/server/security-events';

export type Rule = { max: number; windowSeconds: number };

/**
 * Defaults, generous enough for a household or an embassy's Wi-Fi behind one address, tight
 * enough to stop scripted enumeration and floods. `RATE_LIMITS` (JSON, same shape) overrides.
 */
export const DEFAULT_RULES = {
	// Passkey sign-in ceremonies per client (voter and office).
	signIn: { max: 30, windowSeconds: 15 * 60 },
	// New passkey accounts and staff enrolments per client.
	passkeyRegistration: { max: 10, windowSeconds: 60 * 60 },
	// Adding a passkey to one's own account.
	passkeyAdd: { max: 10, windowSeconds: 60 * 60 },
	// Anonymous status requests per client (KW D 5): each can send a message to a voter.
	statusRequest: { max: 10, windowSeconds: 60 * 60 },
	// New drafts (registration, change, vote choice…) per client.
	draftCreation: { max: 60, windowSeconds: 60 * 60 },
	// Upload posts per account (each may carry two files of UPLOAD_MAX_BYTES).
	upload: { max: 30, windowSeconds: 60 * 60 },
	// Requests for reminders per client: each sends a confirmation e-mail to the address typed.
	reminderSubscription: { max: 10, windowSeconds: 60 * 60 },
	// "E-mail me the link to this form" per client: each sends an e-mail to the address typed.
	handoffEmail: { max: 5, windowSeconds: 60 * 60 }
} as const satisfies Record<string, Rule>;

export type RuleName = keyof typeof DEFAULT_RULES;

const overrides = z.record(
	z.string(),
	z.object({
		max: z.number().int().min(1),
		windowSeconds: z.number().int().min(1).max(86_400)
	})
);

export function rule(name: RuleName): Rule {
	const raw = process.env.RATE_LIMITS;
	if (raw) {
		const parsed = overrides.safeParse(JSON.parse(raw));
		if (!parsed.success) throw new Error(`RATE_LIMITS is not valid: ${parsed.error.message}`);
		const own = parsed.data[name];
		if (own) return own;
	}
	return DEFAULT_RULES[name];
}

export type Verdict = { allowed: boolean; hits: number; retryAfterSeconds: number };

/** Counts one hit on `name` for `subject` at `now`; allowed while within the rule's maximum. */
export async function hit(name: RuleName, subject: string, now = new Date()): Promise<Verdict> {
	const { max, windowSeconds } = rule(name);
	const windowMs = windowSeconds * 1000;
	const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
	const [row] = await (
		await db()
	)
		.insert(rateLimits)
		.values({ bucket: `${name}:${subject}`, windowStart: start, hits: 1 })
		.onConflictDoUpdate({
			target: [rateLimits.bucket, rateLimits.windowStart],
			set: { hits: sql`${rateLimits.hits} + 1` }
		})
		.returning({ hits: rateLimits.hits });
	const hits = row?.hits ?? 1;
	const retryAfterSeconds = Math.max(
		1,
		Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000)
	);
	return { allowed: hits <= max, hits, retryAfterSeconds };
}

/**
 * The requester's client address as a keyed hash: the address itself is personal data and is
 * never stored (the hash lives only as long as its window). Behind a load balancer set
 * adapter-node's ADDRESS_HEADER / XFF_DEPTH so this is the real client.
 */
export function clientOf(event: Pick<RequestEvent, 'getClientAddress'>): string {
	return `client:${crypto.blindIndex(`rate-limit:${event.getClientAddress()}`).slice(0, 32)}`;
}

export const accountSubject = (accountId: string) => `account:${accountId}`;

/**
 * Counts a hit and stops the request with 429 Too Many Requests (a localised message and
 * Retry-After) when the requester is over the limit.
 */
export async function enforce(
	event: Pick<RequestEvent, 'getClientAddress' | 'setHeaders'>,
	name: RuleName,
	subject: string = clientOf(event)
): Promise<void> {
	const verdict = await hit(name, subject);
	if (verdict.allowed) return;
	securityEvents.log({ event: 'rate_limit.refused', rule: name, subject });
	event.setHeaders({ 'Retry-After': String(verdict.retryAfterSeconds) });
	error(429, {
		message: m.error_too_many_requests({
			minutes: String(Math.ceil(verdict.retryAfterSeconds / 60))
		})
	});
}

/** Drops counters of windows that ended more than a day ago (run with the hourly purge). */
export async function purgeExpired(now = new Date()): Promise<number> {
	const cutoff = new Date(now.getTime() - 86_400_000 - 86_400_000);
	const deleted = await (
		await db()
	)
		.delete(rateLimits)
		.where(lt(rateLimits.windowStart, cutoff))
		.returning({ bucket: rateLimits.bucket });
	return deleted.length;
}
