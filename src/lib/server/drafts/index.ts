/**
 * Drafts: a journey's answers, saved on the server at every step. The voter holds a 256-bit
 * random token (in their resume link); the database holds only its SHA-256, so a leaked backup
 * gives no way in, and one voter can never reach another's draft by guessing.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { db, type Db } from '$lib/server/db';
import { appliedSubmissions, drafts, guidedLinks, type Draft } from '$lib/server/db/schema';
import type { Answers } from '$lib/journeys/engine';

export type { Draft };

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function isToken(token: string): boolean {
	return TOKEN.test(token);
}

export async function create(
	journey: string,
	locale: string,
	answers: Answers = {},
	/** An association's guided link that started it (counted when the form is produced). */
	{ guidedLinkId = null }: { guidedLinkId?: string | null } = {}
) {
	const token = randomBytes(32).toString('base64url');
	const [draft] = await (
		await db()
	)
		.insert(drafts)
		.values({ tokenHash: hashToken(token), journey, locale, answers, guidedLinkId })
		.returning();
	return { token, draft: draft as Draft };
}

export async function find(token: string, journey: string): Promise<Draft | null> {
	if (!isToken(token)) return null;
	const [draft] = await (
		await db()
	)
		.select()
		.from(drafts)
		.where(and(eq(drafts.tokenHash, hashToken(token)), eq(drafts.journey, journey)))
		.limit(1);
	return draft ?? null;
}

/**
 * Replaces the answers if nobody changed the draft since `version` was read (two tabs, a double
 * click). Returns false when the draft moved on or is already completed; the caller re-reads.
 */
export async function saveAnswers(
	draft: Draft,
	answers: Answers,
	locale: string,
	/** A device's key for this submission (issue 6): recorded with the answers, in one transaction. */
	submission?: { key: string; step: string }
): Promise<boolean> {
	const save = async (tx: Db) => {
		const updated = await tx
			.update(drafts)
			.set({ answers, locale, version: draft.version + 1, updatedAt: sql`now()` })
			.where(
				and(eq(drafts.id, draft.id), eq(drafts.version, draft.version), isNull(drafts.completedAt))
			)
			.returning({ id: drafts.id });
		if (updated.length !== 1) return false;
		if (submission) {
			const recorded = await tx
				.insert(appliedSubmissions)
				.values({ draftId: draft.id, key: submission.key, step: submission.step })
				.onConflictDoNothing()
				.returning({ key: appliedSubmissions.key });
			// The same key applied meanwhile by another request: undo this one.
			if (recorded.length !== 1) throw new SubmissionReplayed();
		}
		return true;
	};
	const database = await db();
	if (!submission) return save(database);
	try {
		return await database.transaction((t) => save(t as unknown as Db));
	} catch (error) {
		if (error instanceof SubmissionReplayed) return false;
		throw error;
	}
}

class SubmissionReplayed extends Error {}

/** Whether a device's submission was applied to the draft already (it is then not applied again). */
export async function wasApplied(draft: Draft, key: string): Promise<boolean> {
	const [row] = await (
		await db()
	)
		.select({ key: appliedSubmissions.key })
		.from(appliedSubmissions)
		.where(and(eq(appliedSubmissions.draftId, draft.id), eq(appliedSubmissions.key, key)))
		.limit(1);
	return Boolean(row);
}

// Crockford's base32 without I, L, O, U: readable aloud and unambiguous when typed by the office.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newReference(): string {
	const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
	return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/**
 * Marks the draft complete with its reference (60 random bits; retried on the unlikely clash).
 * Completing twice returns the same reference: a double click never makes two forms.
 */
export async function complete(draft: Draft): Promise<string> {
	if (draft.reference) return draft.reference;
	const database = await db();
	for (let attempt = 0; attempt < 5; attempt++) {
		const reference = newReference();
		try {
			const row = await database.transaction(async (tx) => {
				const [done] = await tx
					.update(drafts)
					.set({
						reference,
						completedAt: sql`now()`,
						updatedAt: sql`now()`,
						guidedLinkId: null
					})
					.where(and(eq(drafts.id, draft.id), isNull(drafts.reference)))
					.returning({ reference: drafts.reference });
				// A form produced from an association's guided link: one more on that link's total,
				// and the draft forgets which link it was (issue 5: nothing about a voter flows back).
				if (done && draft.guidedLinkId) {
					await tx
						.update(guidedLinks)
						.set({ forms: sql`${guidedLinks.forms} + 1` })
						.where(eq(guidedLinks.id, draft.guidedLinkId));
				}
				return done;
			});
			if (row?.reference) return row.reference;
			const [current] = await database
				.select({ reference: drafts.reference })
				.from(drafts)
				.where(eq(drafts.id, draft.id));
			if (current?.reference) return current.reference;
		} catch (error) {
			if (!isUniqueViolation(error)) throw error;
		}
	}
	throw new Error('Could not allocate a unique reference');
}

function isUniqueViolation(error: unknown): boolean {
	const e = error as { code?: string; cause?: { code?: string } };
	return e?.code === '23505' || e?.cause?.code === '23505';
}

/** Unfinished drafts untouched this long are deleted (GDPR art. 5(1)(e): kept no longer than needed). */
export const ABANDONED_AFTER_DAYS = 30;

/**
 * Deletes drafts that were never finished and not touched for `days`. Finished drafts stay: the
 * office finds them by the reference printed on the signed form when it arrives. Idempotent, so
 * every app process may run it. Returns how many were deleted.
 */
export async function purgeAbandoned(
	now = new Date(),
	days = ABANDONED_AFTER_DAYS
): Promise<number> {
	const before = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
	const deleted = await (
		await db()
	)
		.delete(drafts)
		.where(and(isNull(drafts.completedAt), lt(drafts.updatedAt, before)))
		.returning({ id: drafts.id });
	return deleted.length;
}

/**
 * Links the draft to the voter's account, so the application made from it is theirs to follow
 * (issue 3 item 3). Only a draft that no other account holds: the resume link is a secret, but a
 * link already made is never taken over. Returns true when the draft is (now) this account's.
 */
export async function linkAccount(token: string, accountId: string): Promise<boolean> {
	if (!isToken(token)) return false;
	const database = await db();
	const [linked] = await database
		.update(drafts)
		.set({ accountId })
		.where(
			and(
				eq(drafts.tokenHash, hashToken(token)),
				or(isNull(drafts.accountId), eq(drafts.accountId, accountId))
			)
		)
		.returning({ id: drafts.id });
	return Boolean(linked);
}

/** Whose account the draft is linked to, as seen by the account asking (null: anonymous). */
export function accountLink(draft: Draft, accountId: string | null): 'yours' | 'another' | 'none' {
	if (!draft.accountId) return 'none';
	return draft.accountId === accountId ? 'yours' : 'another';
}
