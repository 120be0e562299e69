/**
 * WebAuthn challenges live in the database, not in process memory: a ceremony may begin on one
 * app process and end on another behind the load balancer. The browser holds a random id in a
 * short-lived cookie; the row is found by its hash, used once (deleted as it is read) and
 * refused after five minutes.
 */
import type { Cookies } from '@sveltejs/kit';
import { eq, lt } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { webauthnChallenges } from '$lib/server/db/schema';
import { hashToken, isToken, newToken } from './tokens';

export const CHALLENGE_COOKIE = '__Host-webauthn';
export const CHALLENGE_TTL_MS = 5 * 60_000;

/** What a ceremony is for; a challenge issued for one purpose is useless for another. */
export type Purpose =
	| 'voter.create'
	| 'voter.add'
	| 'voter.sign-in'
	| 'staff.enrol'
	| 'staff.add'
	| 'staff.sign-in'
	| 'association.join'
	| 'association.add'
	| 'association.sign-in';

export type StoredChallenge = {
	challenge: string;
	purpose: Purpose;
	accountId: string | null;
};

/** Stores a challenge and returns the id for the cookie. */
export async function storeChallenge(
	challenge: string,
	purpose: Purpose,
	accountId: string | null,
	now = new Date()
): Promise<string> {
	const id = newToken();
	const database = await db();
	// Anyone may ask for a challenge: expired ones go as new ones come, so the table holds at most
	// five minutes' worth (the hourly purge is the backstop).
	await database.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, now));
	await database.insert(webauthnChallenges).values({
		idHash: hashToken(id),
		challenge,
		purpose,
		accountId,
		expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS)
	});
	return id;
}

/**
 * Takes the challenge: it is deleted whatever the outcome, so a response can be verified once.
 * Null when unknown, used, expired or issued for another purpose.
 */
export async function takeChallenge(
	id: string | undefined,
	purpose: Purpose,
	now = new Date()
): Promise<StoredChallenge | null> {
	if (!isToken(id)) return null;
	const [row] = await (
		await db()
	)
		.delete(webauthnChallenges)
		.where(eq(webauthnChallenges.idHash, hashToken(id)))
		.returning();
	if (!row || row.purpose !== purpose || row.expiresAt.getTime() <= now.getTime()) return null;
	return { challenge: row.challenge, purpose, accountId: row.accountId };
}

export function setChallengeCookie(cookies: Cookies, id: string): void {
	cookies.set(CHALLENGE_COOKIE, id, {
		path: '/',
		httpOnly: true,
		secure: true,
		sameSite: 'strict',
		maxAge: CHALLENGE_TTL_MS / 1000
	});
}

/** Reads and clears the cookie: one ceremony, one challenge. */
export function readChallengeCookie(cookies: Cookies): string | undefined {
	const id = cookies.get(CHALLENGE_COOKIE);
	cookies.delete(CHALLENGE_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' });
	return id;
}
