/**
 * Associations of Dutch people abroad (issue 5): they ask for an account, the office's admin
 * approves or rejects it, and their members (each with their own passkey) manage guided links.
 * Import as a namespace: `import * as associations from '$lib/server/associations'`.
 *
 * An association's account opens only its own links and members: never a voter's data, never the
 * back office. A member's session carries the association it belongs to, and every query here is
 * keyed by it.
 */
import type { Cookies } from '@sveltejs/kit';
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isCountryCode } from '$lib/domain';
import { firstIssues } from '$lib/journeys/engine';
import { EMAIL } from '$lib/journeys/registration';
import { db, type Db } from '$lib/server/db';
import {
	accounts,
	associationInvitations,
	associations,
	type Association,
	type AssociationStatus
} from '$lib/server/db/schema';
import * as audit from '$lib/server/audit';
import { origin } from '$lib/server/config';
import { localizeHref } from '$lib/paraglide/runtime';
import { actorOf, insertPasskey, type Outcome } from '$lib/server/auth/accounts';
import { createSession, setSessionCookie } from '$lib/server/auth/sessions';
import { hashToken, isToken, newToken } from '$lib/server/auth/tokens';
import {
	beginRegistration,
	finishRegistration,
	type RegistrationOptions,
	type RegistrationResponseJSON
} from '$lib/server/auth/webauthn';

export type { Association, AssociationStatus };

/** How long a member's invitation link stays valid: long enough to reach a volunteer. */
export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

const optionalUrl = z
	.string()
	.trim()
	.max(300, 'association_website_error_invalid')
	.refine((v) => {
		if (v === '') return true;
		try {
			const url = new URL(v);
			return url.protocol === 'https:' || url.protocol === 'http:';
		} catch {
			return false;
		}
	}, 'association_website_error_invalid');

/** The request form: what the office needs to recognise the association and write back to it. */
export const requestForm = z.object({
	name: z
		.string()
		.trim()
		.min(1, 'association_name_error_required')
		.max(120, 'association_name_error_too_long'),
	country: z
		.string()
		.trim()
		.toUpperCase()
		.min(1, 'association_country_error_required')
		.refine(isCountryCode, 'association_country_error_required'),
	website: optionalUrl,
	email: z
		.string()
		.trim()
		.min(1, 'association_email_error_required')
		.max(254, 'association_email_error_invalid')
		.refine((v) => EMAIL.test(v), 'association_email_error_invalid')
});

export type RequestValues = Record<keyof z.input<typeof requestForm>, string>;
export type FieldErrors = Partial<Record<string, string>>;

export function readRequest(form: FormData): RequestValues {
	const get = (k: string) => String(form.get(k) ?? '').slice(0, 1000);
	return {
		name: get('name'),
		country: get('country'),
		website: get('website'),
		email: get('email')
	};
}

export const joinPath = (token: string) => `/associations/join/${token}`;
export const joinLink = (token: string) => `${origin()}${localizeHref(joinPath(token))}`;

async function newInvitation(
	tx: Db,
	associationId: string,
	createdBy: string | null,
	now: Date
): Promise<{ token: string; expiresAt: Date }> {
	const token = newToken();
	const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
	await tx.insert(associationInvitations).values({
		tokenHash: hashToken(token),
		associationId,
		createdBy,
		createdAt: now,
		expiresAt
	});
	return { token, expiresAt };
}

/**
 * A new association's request. It waits for the office; meanwhile the person who asked makes
 * their passkey with the returned one-time link (the page goes straight on to it).
 */
export async function request(
	values: RequestValues,
	now = new Date()
): Promise<{ ok: true; token: string } | { ok: false; errors: FieldErrors }> {
	const parsed = requestForm.safeParse(values);
	if (!parsed.success) return { ok: false, errors: firstIssues(parsed.error) };
	const { name, country, website, email } = parsed.data;
	const token = await (
		await db()
	).transaction(async (t) => {
		const tx = t as unknown as Db;
		const [row] = await tx
			.insert(associations)
			.values({ name, country, website: website || null, email, requestedAt: now })
			.returning({ id: associations.id });
		await audit.record(
			{
				actor: 'anonymous',
				action: 'association.requested',
				subject: `association:${row!.id}`,
				details: { name, country }
			},
			tx
		);
		return (await newInvitation(tx, row!.id, null, now)).token;
	});
	return { ok: true, token };
}

export type Invitation = { association: Association; expiresAt: Date; first: boolean };

/** The invitation behind an unused, unexpired link (of an association not rejected); else null. */
export async function findInvitation(token: string, now = new Date()): Promise<Invitation | null> {
	if (!isToken(token)) return null;
	const [row] = await (
		await db()
	)
		.select({ invitation: associationInvitations, association: associations })
		.from(associationInvitations)
		.innerJoin(associations, eq(associations.id, associationInvitations.associationId))
		.where(
			and(
				eq(associationInvitations.tokenHash, hashToken(token)),
				isNull(associationInvitations.usedAt),
				gt(associationInvitations.expiresAt, now)
			)
		);
	if (!row || row.association.status === 'rejected') return null;
	return {
		association: row.association,
		expiresAt: row.invitation.expiresAt,
		first: row.invitation.createdBy === null
	};
}

/** The member's own name as colleagues and the office see it. */
export const memberName = z
	.string()
	.trim()
	.min(1, 'association_member_name_error_required')
	.max(100, 'association_member_name_error_too_long');

export async function beginJoin(
	cookies: Cookies,
	token: string,
	input: { rpName: string; displayName: string }
): Promise<RegistrationOptions | null> {
	if (!(await findInvitation(token))) return null;
	return beginRegistration(cookies, {
		purpose: 'association.join',
		rpName: input.rpName,
		userName: input.displayName,
		userDisplayName: input.displayName
	});
}

/**
 * Spends the link: the member's account with its first passkey, signed in. The link is spent in
 * the same transaction, so two browsers racing with one link make one account.
 */
export async function join(
	cookies: Cookies,
	token: string,
	input: {
		response: RegistrationResponseJSON;
		passkeyName: string;
		displayName: string;
		locale: string;
	},
	now = new Date()
): Promise<Outcome<{ accountId: string }> | { ok: false; error: 'association_join_error_link' }> {
	if (!(await findInvitation(token, now)))
		return { ok: false, error: 'association_join_error_link' };
	const verified = await finishRegistration(cookies, 'association.join', input.response);
	if (!verified.ok) return verified;
	const accountId = await (
		await db()
	).transaction(async (t) => {
		const tx = t as unknown as Db;
		const [spent] = await tx
			.update(associationInvitations)
			.set({ usedAt: now })
			.where(
				and(
					eq(associationInvitations.tokenHash, hashToken(token)),
					isNull(associationInvitations.usedAt),
					gt(associationInvitations.expiresAt, now)
				)
			)
			.returning();
		if (!spent) return null;
		const [account] = await tx
			.insert(accounts)
			.values({
				kind: 'association',
				webauthnUserId: verified.userHandle,
				displayName: input.displayName,
				associationId: spent.associationId,
				locale: input.locale
			})
			.returning({ id: accounts.id });
		const id = account!.id;
		await insertPasskey(tx, id, verified.credential, input.passkeyName);
		await audit.record(
			{
				actor: actorOf('association', id),
				action: 'association.member.joined',
				subject: `association:${spent.associationId}`,
				details: { displayName: input.displayName }
			},
			tx
		);
		const session = await createSession(id, now, tx);
		setSessionCookie(cookies, session.token, session.expiresAt);
		return id;
	});
	if (!accountId) return { ok: false, error: 'association_join_error_link' };
	return { ok: true, accountId };
}

export async function get(id: string): Promise<Association | null> {
	const [row] = await (await db()).select().from(associations).where(eq(associations.id, id));
	return row ?? null;
}

export type Member = { id: string; displayName: string; createdAt: Date };

export async function members(associationId: string): Promise<Member[]> {
	const rows = await (
		await db()
	)
		.select({ id: accounts.id, displayName: accounts.displayName, createdAt: accounts.createdAt })
		.from(accounts)
		.where(
			and(
				eq(accounts.associationId, associationId),
				eq(accounts.kind, 'association'),
				isNull(accounts.disabledAt)
			)
		)
		.orderBy(asc(accounts.createdAt));
	return rows.map((r) => ({ ...r, displayName: r.displayName ?? '' }));
}

/** A colleague's one-time link, made by a member of an approved association. Shown once. */
export async function invite(
	member: { accountId: string; associationId: string },
	now = new Date()
): Promise<{ link: string; expiresAt: Date } | null> {
	const association = await get(member.associationId);
	if (association?.status !== 'approved') return null;
	const { token, expiresAt } = await (
		await db()
	).transaction(async (t) => {
		const tx = t as unknown as Db;
		const made = await newInvitation(tx, member.associationId, member.accountId, now);
		await audit.record(
			{
				actor: actorOf('association', member.accountId),
				action: 'association.member.invited',
				subject: `association:${member.associationId}`
			},
			tx
		);
		return made;
	});
	return { link: joinLink(token), expiresAt };
}

export type OfficeEntry = Association & { members: number };

/** For the office: the waiting requests first (oldest first), then the decided ones. */
export async function listForOffice(): Promise<OfficeEntry[]> {
	const database = await db();
	const rows = await database
		.select({
			association: associations,
			members: sql<number>`(select count(*)::int from ${accounts} where ${accounts.associationId} = ${associations.id})`
		})
		.from(associations)
		.orderBy(
			sql`case when ${associations.status} = 'pending' then 0 else 1 end`,
			asc(associations.requestedAt),
			desc(associations.decidedAt)
		)
		.limit(500);
	return rows.map((r) => ({ ...r.association, members: Number(r.members) }));
}

/**
 * The admin's decision on a request. Only a waiting request is decided; approving an association
 * rejected earlier, or rejecting one approved, is a new request (its links stay as they are).
 */
export async function decide(
	id: string,
	status: Exclude<AssociationStatus, 'pending'>,
	adminId: string,
	now = new Date()
): Promise<'decided' | 'not-found' | 'already-decided'> {
	return (await db()).transaction(async (t) => {
		const tx = t as unknown as Db;
		const [row] = await tx
			.update(associations)
			.set({ status, decidedAt: now, decidedBy: adminId })
			.where(and(eq(associations.id, id), eq(associations.status, 'pending')))
			.returning({ id: associations.id });
		if (!row) {
			const [exists] = await tx
				.select({ id: associations.id })
				.from(associations)
				.where(eq(associations.id, id));
			return exists ? 'already-decided' : 'not-found';
		}
		await audit.record(
			{
				actor: actorOf('staff', adminId),
				action: `association.${status}`,
				subject: `association:${id}`
			},
			tx
		);
		return 'decided';
	});
}
