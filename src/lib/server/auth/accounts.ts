/**
 * Accounts and their passkeys: create an account with its first passkey, add, list, rename and
 * remove passkeys (never the last one), sign in, sign out, sign out everywhere. There are no
 * passwords anywhere: a passkey with user verification is the only way in.
 */
import type { Cookies } from '@sveltejs/kit';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import { accounts, passkeys, type Account } from '$lib/server/db/schema';
import * as audit from '$lib/server/audit';
import * as securityEvents from '$lib/server/security-events';
import {
	SESSION_COOKIE,
	clearSessionCookie,
	createSession,
	endAllSessions,
	endSession,
	setSessionCookie
} from './sessions';
import {
	beginAuthentication,
	beginRegistration,
	finishAuthentication,
	finishRegistration,
	type AuthenticationOptions,
	type AuthenticationResponseJSON,
	type CeremonyError,
	type NewCredential,
	type RegistrationOptions,
	type RegistrationResponseJSON
} from './webauthn';

export type AccountKind = Account['kind'];

/** A passkey's name as its owner typed it ("iPhone", "Laptop at work"). */
export const passkeyName = z
	.string()
	.trim()
	.min(1, 'account_passkey_name_error_required')
	.max(50, 'account_passkey_name_error_too_long');

export type PasskeySummary = {
	id: string;
	name: string;
	createdAt: Date;
	lastUsedAt: Date | null;
};

export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; error: CeremonyError };

/** The actor written in the audit log for an account. */
export const actorOf = (kind: AccountKind, accountId: string) => `${kind}:${accountId}`;

export async function insertPasskey(
	tx: Db,
	accountId: string,
	credential: NewCredential,
	name: string
): Promise<void> {
	await tx.insert(passkeys).values({ ...credential, accountId, name });
}

async function startSession(cookies: Cookies, accountId: string, tx?: Db) {
	const { token, expiresAt } = await createSession(accountId, new Date(), tx);
	setSessionCookie(cookies, token, expiresAt);
}

/** Options for a new voter account's first passkey. */
export function beginVoterAccount(
	cookies: Cookies,
	texts: { rpName: string; userName: string }
): Promise<RegistrationOptions> {
	return beginRegistration(cookies, {
		purpose: 'voter.create',
		rpName: texts.rpName,
		userName: texts.userName,
		userDisplayName: texts.userName
	});
}

/**
 * Creates a voter account with its first passkey and signs it in. The account holds nothing
 * about the person (KB D 4's data stays in the registration and applications it will link to).
 */
export async function createVoterAccount(
	cookies: Cookies,
	input: { response: RegistrationResponseJSON; passkeyName: string; locale: string }
): Promise<Outcome<{ accountId: string }>> {
	const verified = await finishRegistration(cookies, 'voter.create', input.response);
	if (!verified.ok) return verified;
	const accountId = await (
		await db()
	).transaction(async (t) => {
		const tx = t as unknown as Db;
		const [account] = await tx
			.insert(accounts)
			.values({ kind: 'voter', webauthnUserId: verified.userHandle, locale: input.locale })
			.returning({ id: accounts.id });
		const id = account!.id;
		await insertPasskey(tx, id, verified.credential, input.passkeyName);
		await startSession(cookies, id, tx);
		return id;
	});
	return { ok: true, accountId };
}

async function accountWithPasskeys(accountId: string) {
	const database = await db();
	const [account] = await database.select().from(accounts).where(eq(accounts.id, accountId));
	if (!account) return null;
	const ids = await database
		.select({ id: passkeys.id })
		.from(passkeys)
		.where(eq(passkeys.accountId, accountId));
	return { account, passkeyIds: ids.map((p) => p.id) };
}

/** Options for another passkey on the signed-in account. */
export async function beginAddPasskey(
	cookies: Cookies,
	accountId: string,
	texts: { rpName: string; userName: string }
): Promise<RegistrationOptions | null> {
	const found = await accountWithPasskeys(accountId);
	if (!found) return null;
	const { account, passkeyIds } = found;
	const userName = account.displayName ?? texts.userName;
	return beginRegistration(cookies, {
		purpose: `${account.kind}.add`,
		rpName: texts.rpName,
		userName,
		userDisplayName: userName,
		account: { id: account.id, webauthnUserId: account.webauthnUserId, passkeyIds }
	});
}

export async function addPasskey(
	cookies: Cookies,
	accountId: string,
	kind: AccountKind,
	input: { response: RegistrationResponseJSON; passkeyName: string }
): Promise<Outcome> {
	const verified = await finishRegistration(cookies, `${kind}.add`, input.response);
	if (!verified.ok) return verified;
	// The challenge was issued to this account: a response begun by another cannot land here.
	if (verified.accountId !== accountId) return { ok: false, error: 'account_error_expired' };
	try {
		await insertPasskey((await db()) as Db, accountId, verified.credential, input.passkeyName);
	} catch {
		// The same credential registered twice (excludeCredentials makes this rare).
		return { ok: false, error: 'account_error_not_verified' };
	}
	await audit.record({
		actor: actorOf(kind, accountId),
		action: 'passkey.added',
		subject: `account:${accountId}`
	});
	return { ok: true };
}

export async function listPasskeys(accountId: string): Promise<PasskeySummary[]> {
	return (await db())
		.select({
			id: passkeys.id,
			name: passkeys.name,
			createdAt: passkeys.createdAt,
			lastUsedAt: passkeys.lastUsedAt
		})
		.from(passkeys)
		.where(eq(passkeys.accountId, accountId))
		.orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

/** One of the account's own passkeys, and how many it has; null for anyone else's. */
export async function findPasskey(
	accountId: string,
	passkeyId: string
): Promise<{ passkey: PasskeySummary; count: number } | null> {
	const all = await listPasskeys(accountId);
	const passkey = all.find((p) => p.id === passkeyId);
	return passkey ? { passkey, count: all.length } : null;
}

/** Renames one of the account's own passkeys; false when the account has no such passkey. */
export async function renamePasskey(
	accountId: string,
	passkeyId: string,
	name: string
): Promise<boolean> {
	const updated = await (
		await db()
	)
		.update(passkeys)
		.set({ name })
		.where(and(eq(passkeys.id, passkeyId), eq(passkeys.accountId, accountId)))
		.returning({ id: passkeys.id });
	return updated.length === 1;
}

/**
 * Removes one of the account's passkeys, never the last: without a passkey nobody could sign in
 * again. The account row is locked, so two removals at once cannot both pass the count.
 */
export async function removePasskey(
	accountId: string,
	passkeyId: string
): Promise<'removed' | 'not-found' | 'last'> {
	return (await db()).transaction(async (t) => {
		const tx = t as unknown as Db;
		await tx.execute(sql`select 1 from ${accounts} where ${accounts.id} = ${accountId} for update`);
		const own = await tx
			.select({ id: passkeys.id })
			.from(passkeys)
			.where(eq(passkeys.accountId, accountId));
		if (!own.some((p) => p.id === passkeyId)) return 'not-found';
		if (own.length <= 1) return 'last';
		await tx
			.delete(passkeys)
			.where(and(eq(passkeys.id, passkeyId), eq(passkeys.accountId, accountId)));
		return 'removed';
	});
}

export function beginSignIn(cookies: Cookies, kind: AccountKind): Promise<AuthenticationOptions> {
	return beginAuthentication(cookies, `${kind}.sign-in`);
}

/**
 * Signs in with a passkey of an enabled account of `kind`: a voter's passkey does not open the
 * back office, nor a staff passkey a voter's account.
 */
export async function signIn(
	cookies: Cookies,
	kind: AccountKind,
	response: AuthenticationResponseJSON
): Promise<Outcome<{ accountId: string }>> {
	const database = await db();
	const [found] = await database
		.select({ passkey: passkeys, account: accounts })
		.from(passkeys)
		.innerJoin(accounts, eq(accounts.id, passkeys.accountId))
		.where(eq(passkeys.id, String(response.id)))
		.limit(1);
	const usable =
		found &&
		found.account.kind === kind &&
		!found.account.disabledAt &&
		// The authenticator names the account it holds the passkey for; it must be this one.
		(!response.response.userHandle || response.response.userHandle === found.account.webauthnUserId)
			? found
			: null;
	const verified = await finishAuthentication(
		cookies,
		`${kind}.sign-in`,
		response,
		usable?.passkey ?? null
	);
	if (!verified.ok) {
		securityEvents.log({ event: 'sign_in.failed', kind, reason: verified.error });
		return verified;
	}
	const accountId = usable!.account.id;
	await database
		.update(passkeys)
		.set({ counter: verified.counter, lastUsedAt: new Date() })
		.where(eq(passkeys.id, usable!.passkey.id));
	await startSession(cookies, accountId);
	securityEvents.log({ event: 'sign_in.succeeded', kind, account: accountId });
	return { ok: true, accountId };
}

export async function signOut(cookies: Cookies): Promise<void> {
	const token = cookies.get(SESSION_COOKIE);
	if (token) await endSession(token);
	clearSessionCookie(cookies);
}

/** Ends every session of the account, this one included. */
export async function signOutEverywhere(cookies: Cookies, accountId: string): Promise<number> {
	const ended = await endAllSessions(accountId);
	clearSessionCookie(cookies);
	return ended;
}
