/**
 * Server-side sessions. The browser holds a 256-bit random token in the `__Host-session` cookie
 * (Secure, HttpOnly, SameSite=Lax, Path=/: no sub-domain can set or read it); the database holds
 * its SHA-256. A session ends after SESSION_IDLE_MINUTES without a request or
 * SESSION_ABSOLUTE_HOURS after sign-in, whichever comes first. Every function takes `now`, so
 * the time-outs are tested with an injected clock.
 */
import type { Cookies } from '@sveltejs/kit';
import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import { db, type Db } from '$lib/server/db';
import { accounts, sessions, webauthnChallenges } from '$lib/server/db/schema';
import { sessionAbsoluteHours, sessionIdleMinutes } from '$lib/server/config';
import { hashToken, isToken, newToken } from './tokens';

export const SESSION_COOKIE = '__Host-session';

/** lastSeenAt is written at most once a minute: one write per page, not per request. */
export const TOUCH_INTERVAL_MS = 60_000;

export type SessionInfo = NonNullable<App.Locals['session']>;

export function timeouts(): { idleMs: number; absoluteMs: number } {
	return {
		idleMs: sessionIdleMinutes() * 60_000,
		absoluteMs: sessionAbsoluteHours() * 3_600_000
	};
}

/**
 * Starts a session for the account; returns the token for the cookie (never stored) and the
 * absolute end, which the cookie carries as its expiry.
 */
export async function createSession(
	accountId: string,
	now = new Date(),
	tx?: Db
): Promise<{ token: string; expiresAt: Date }> {
	const token = newToken();
	const expiresAt = new Date(now.getTime() + timeouts().absoluteMs);
	await (tx ?? (await db()))
		.insert(sessions)
		.values({ tokenHash: hashToken(token), accountId, createdAt: now, lastSeenAt: now, expiresAt });
	return { token, expiresAt };
}

/**
 * The session behind a token, or null when it is unknown, timed out or its account disabled (a
 * timed-out session is deleted at once). `touch` records activity (at most once a minute); the
 * time-out dialog's "how long is left" question does not count as activity.
 */
export async function readSession(
	token: string,
	now = new Date(),
	{ touch = true }: { touch?: boolean } = {}
): Promise<SessionInfo | null> {
	if (!isToken(token)) return null;
	const database = await db();
	const tokenHash = hashToken(token);
	const [row] = await database
		.select({
			accountId: sessions.accountId,
			lastSeenAt: sessions.lastSeenAt,
			expiresAt: sessions.expiresAt,
			kind: accounts.kind,
			roles: accounts.roles,
			displayName: accounts.displayName,
			associationId: accounts.associationId,
			disabledAt: accounts.disabledAt
		})
		.from(sessions)
		.innerJoin(accounts, eq(accounts.id, sessions.accountId))
		.where(eq(sessions.tokenHash, tokenHash))
		.limit(1);
	if (!row) return null;
	const { idleMs } = timeouts();
	const idleEnd = row.lastSeenAt.getTime() + idleMs;
	if (row.disabledAt || now.getTime() >= row.expiresAt.getTime() || now.getTime() >= idleEnd) {
		await database.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
		return null;
	}
	let lastSeen = row.lastSeenAt.getTime();
	if (touch && now.getTime() - lastSeen >= TOUCH_INTERVAL_MS) {
		await database
			.update(sessions)
			.set({ lastSeenAt: now })
			.where(eq(sessions.tokenHash, tokenHash));
		lastSeen = now.getTime();
	}
	return {
		accountId: row.accountId,
		kind: row.kind,
		roles: row.roles,
		displayName: row.displayName,
		associationId: row.associationId,
		expiresAt: new Date(Math.min(row.expiresAt.getTime(), lastSeen + idleMs))
	};
}

export async function endSession(token: string): Promise<void> {
	if (!isToken(token)) return;
	await (await db()).delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Ends every session of the account, on every device ("sign out everywhere"). */
export async function endAllSessions(accountId: string, tx?: Db): Promise<number> {
	const deleted = await (tx ?? (await db()))
		.delete(sessions)
		.where(eq(sessions.accountId, accountId))
		.returning({ tokenHash: sessions.tokenHash });
	return deleted.length;
}

/**
 * Deletes timed-out sessions and unanswered WebAuthn challenges. Idempotent: every process runs
 * it at start-up and hourly. Returns how many sessions went.
 */
export async function purgeExpired(now = new Date()): Promise<number> {
	const database = await db();
	const idleBefore = new Date(now.getTime() - timeouts().idleMs);
	const deleted = await database
		.delete(sessions)
		.where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleBefore)))
		.returning({ tokenHash: sessions.tokenHash });
	await database.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, now));
	return deleted.length;
}

/** How many sessions an account has open (the account page says "signed in on N devices"). */
export async function countSessions(accountId: string, now = new Date()): Promise<number> {
	const [row] = await (
		await db()
	)
		.select({ n: sql<number>`count(*)::int` })
		.from(sessions)
		.where(and(eq(sessions.accountId, accountId), gt(sessions.expiresAt, now)));
	return row?.n ?? 0;
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date): void {
	// Chromium and Firefox accept Secure cookies on http://localhost, so development needs no TLS.
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		secure: true,
		sameSite: 'lax',
		expires: expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
}
