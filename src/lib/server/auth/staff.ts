/**
 * The office's staff: one-time enrolment links (a new member enrols their first passkey with
 * it), the staff list, disabling a member, and the first admin's link printed at first start.
 */
import type { Cookies } from '@sveltejs/kit';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import {
	accounts,
	passkeys,
	sessions,
	staffEnrolments,
	staffRole,
	type StaffRole
} from '$lib/server/db/schema';
import * as audit from '$lib/server/audit';
import { origin } from '$lib/server/config';
import { localizeHref } from '$lib/paraglide/runtime';
import { actorOf, insertPasskey, type Outcome } from './accounts';
import { createSession, setSessionCookie } from './sessions';
import { hashToken, isToken, newToken } from './tokens';
import {
	beginRegistration,
	finishRegistration,
	type RegistrationOptions,
	type RegistrationResponseJSON
} from './webauthn';

export const ROLES = staffRole.enumValues;
export const ENROLMENT_TTL_MS = 24 * 3_600_000;

/** The invitation form: a name colleagues recognise and at least one role. */
export const invitation = z.object({
	displayName: z
		.string()
		.trim()
		.min(1, 'office_staff_name_error_required')
		.max(100, 'office_staff_name_error_too_long'),
	roles: z
		.array(z.enum(ROLES, { message: 'office_staff_roles_error_required' }))
		.min(1, 'office_staff_roles_error_required')
		.transform((roles) => [...new Set(roles)])
});

export type Enrolment = {
	displayName: string;
	roles: StaffRole[];
	expiresAt: Date;
	/** The first admin's link (made at start, by nobody): the enrolee types their own name. */
	asksName: boolean;
};

export const enrolmentPath = (token: string) => `/office/enrol/${token}`;

/** The link to hand to the new member, in the language of the page that made it. */
export const enrolmentLink = (token: string) => `${origin()}${localizeHref(enrolmentPath(token))}`;

/** The name typed on the first admin's enrolment page, or the field error (a message key). */
export function checkDisplayName(
	value: string
): { ok: true; value: string } | { ok: false; errors: { displayName: string } } {
	const parsed = invitation.shape.displayName.safeParse(value);
	return parsed.success
		? { ok: true, value: parsed.data }
		: { ok: false, errors: { displayName: parsed.error.issues[0]?.message ?? '' } };
}

/**
 * Creates a one-time enrolment link, valid for 24 hours. The token is returned once, to be
 * shown once; only its hash is stored.
 */
export async function createEnrolment(
	input: { displayName: string; roles: StaffRole[]; createdBy: string | null },
	now = new Date(),
	tx?: Db
): Promise<{ token: string; expiresAt: Date }> {
	const token = newToken();
	const expiresAt = new Date(now.getTime() + ENROLMENT_TTL_MS);
	const run = async (t: Db) => {
		await t.insert(staffEnrolments).values({
			tokenHash: hashToken(token),
			displayName: input.displayName,
			roles: input.roles,
			createdBy: input.createdBy,
			createdAt: now,
			expiresAt
		});
		await audit.record(
			{
				actor: input.createdBy ? actorOf('staff', input.createdBy) : 'system:start',
				action: 'staff.enrolment.created',
				subject: `enrolment:${hashToken(token).slice(0, 16)}`,
				details: { displayName: input.displayName, roles: input.roles }
			},
			t
		);
	};
	if (tx) await run(tx);
	else await (await db()).transaction((t) => run(t as unknown as Db));
	return { token, expiresAt };
}

/** The enrolment behind an unused, unexpired link; null otherwise. */
export async function findEnrolment(token: string, now = new Date()): Promise<Enrolment | null> {
	if (!isToken(token)) return null;
	const [row] = await (
		await db()
	)
		.select()
		.from(staffEnrolments)
		.where(
			and(
				eq(staffEnrolments.tokenHash, hashToken(token)),
				isNull(staffEnrolments.usedAt),
				gt(staffEnrolments.expiresAt, now)
			)
		);
	return row
		? {
				displayName: row.displayName,
				roles: row.roles,
				expiresAt: row.expiresAt,
				asksName: row.createdBy === null
			}
		: null;
}

export async function beginEnrolment(
	cookies: Cookies,
	token: string,
	input: { rpName: string; displayName?: string }
): Promise<RegistrationOptions | null> {
	const enrolment = await findEnrolment(token);
	if (!enrolment) return null;
	const name = (enrolment.asksName && input.displayName) || enrolment.displayName;
	return beginRegistration(cookies, {
		purpose: 'staff.enrol',
		rpName: input.rpName,
		userName: name,
		userDisplayName: name
	});
}

export type EnrolmentError = 'office_enrol_error_link';

/**
 * Uses the link: creates the staff account with its first passkey and signs it in. The link is
 * spent in the same transaction, so two browsers racing with one link make one account.
 */
export async function enrol(
	cookies: Cookies,
	token: string,
	input: {
		response: RegistrationResponseJSON;
		passkeyName: string;
		locale: string;
		/** Only for a link that asks the name (the first admin's). */
		displayName?: string;
	},
	now = new Date()
): Promise<Outcome<{ accountId: string }> | { ok: false; error: EnrolmentError }> {
	const enrolment = await findEnrolment(token, now);
	if (!enrolment) return { ok: false, error: 'office_enrol_error_link' };
	const displayName = (enrolment.asksName && input.displayName) || enrolment.displayName;
	const verified = await finishRegistration(cookies, 'staff.enrol', input.response);
	if (!verified.ok) return verified;
	const accountId = await (
		await db()
	).transaction(async (t) => {
		const tx = t as unknown as Db;
		const [spent] = await tx
			.update(staffEnrolments)
			.set({ usedAt: now })
			.where(
				and(
					eq(staffEnrolments.tokenHash, hashToken(token)),
					isNull(staffEnrolments.usedAt),
					gt(staffEnrolments.expiresAt, now)
				)
			)
			.returning();
		if (!spent) return null;
		const [account] = await tx
			.insert(accounts)
			.values({
				kind: 'staff',
				webauthnUserId: verified.userHandle,
				displayName,
				roles: spent.roles,
				locale: input.locale
			})
			.returning({ id: accounts.id });
		const id = account!.id;
		await tx
			.update(staffEnrolments)
			.set({ accountId: id })
			.where(eq(staffEnrolments.tokenHash, spent.tokenHash));
		await insertPasskey(tx, id, verified.credential, input.passkeyName);
		await audit.record(
			{
				actor: actorOf('staff', id),
				action: 'staff.enrolled',
				subject: `account:${id}`,
				details: { displayName, roles: spent.roles }
			},
			tx
		);
		const session = await createSession(id, now, tx);
		setSessionCookie(cookies, session.token, session.expiresAt);
		return id;
	});
	if (!accountId) return { ok: false, error: 'office_enrol_error_link' };
	return { ok: true, accountId };
}

export type StaffMember = {
	id: string;
	displayName: string;
	roles: StaffRole[];
	passkeys: number;
	createdAt: Date;
	disabledAt: Date | null;
};

export async function listStaff(): Promise<StaffMember[]> {
	const rows = await (
		await db()
	)
		.select({
			id: accounts.id,
			displayName: accounts.displayName,
			roles: accounts.roles,
			createdAt: accounts.createdAt,
			disabledAt: accounts.disabledAt,
			passkeys: sql<number>`count(${passkeys.id})::int`
		})
		.from(accounts)
		.leftJoin(passkeys, eq(passkeys.accountId, accounts.id))
		.where(eq(accounts.kind, 'staff'))
		.groupBy(accounts.id)
		.orderBy(asc(accounts.displayName), asc(accounts.createdAt));
	return rows.map((r) => ({
		...r,
		displayName: r.displayName ?? '',
		passkeys: Number(r.passkeys)
	}));
}

/** Enrolment links not used yet and not expired (the token itself is never shown again). */
export async function listPendingEnrolments(
	now = new Date()
): Promise<Omit<Enrolment, 'asksName'>[]> {
	return (await db())
		.select({
			displayName: staffEnrolments.displayName,
			roles: staffEnrolments.roles,
			expiresAt: staffEnrolments.expiresAt
		})
		.from(staffEnrolments)
		.where(and(isNull(staffEnrolments.usedAt), gt(staffEnrolments.expiresAt, now)))
		.orderBy(asc(staffEnrolments.expiresAt));
}

/**
 * Disables a member of staff: they can no longer sign in, and their open sessions end now. An
 * admin cannot disable themself (nobody might be left to undo it), nor the last enabled admin.
 */
export async function disableStaff(
	accountId: string,
	by: string,
	now = new Date()
): Promise<'disabled' | 'not-found' | 'self' | 'last-admin'> {
	if (accountId === by) return 'self';
	if (!z.uuid().safeParse(accountId).success) return 'not-found';
	return (await db()).transaction(async (t) => {
		const tx = t as unknown as Db;
		// Serialises disabling, so two admins cannot disable each other at once.
		await tx.execute(sql`select pg_advisory_xact_lock(${STAFF_LOCK})`);
		const [member] = await tx
			.select()
			.from(accounts)
			.where(and(eq(accounts.id, accountId), eq(accounts.kind, 'staff')));
		if (!member || member.disabledAt) return 'not-found';
		if (member.roles.includes('admin') && (await enabledAdmins(tx)) <= 1) return 'last-admin';
		await tx.update(accounts).set({ disabledAt: now }).where(eq(accounts.id, accountId));
		await tx.delete(sessions).where(eq(sessions.accountId, accountId));
		await audit.record(
			{ actor: actorOf('staff', by), action: 'staff.disabled', subject: `account:${accountId}` },
			tx
		);
		return 'disabled';
	});
}

// Serialises staff changes and the first-start admin link across all app processes.
const STAFF_LOCK = 72_410_003;

async function enabledAdmins(tx: Db): Promise<number> {
	const [row] = await tx
		.select({ n: sql<number>`count(*)::int` })
		.from(accounts)
		.where(
			and(
				eq(accounts.kind, 'staff'),
				isNull(accounts.disabledAt),
				sql`'admin' = any(${accounts.roles})`
			)
		);
	return Number(row?.n ?? 0);
}

/**
 * Processes started together (several behind a load balancer) make one link: a link made this
 * recently was made by one of them, which printed it.
 */
export const START_WINDOW_MS = 2 * 60_000;

/**
 * First start: while no enabled admin exists, the office needs a way in. Makes an admin
 * enrolment link (24 h) and returns it to be printed, under an advisory lock so that processes
 * starting at once make one. A link from an earlier start cannot be shown again (only its hash
 * is kept), so it is expired and a fresh one made. Returns null when an admin exists or another
 * process starting at the same time made the link.
 */
export async function ensureAdminEnrolment(now = new Date()): Promise<string | null> {
	return (await db()).transaction(async (t) => {
		const tx = t as unknown as Db;
		await tx.execute(sql`select pg_advisory_xact_lock(${STAFF_LOCK})`);
		if ((await enabledAdmins(tx)) > 0) return null;
		const open = and(
			isNull(staffEnrolments.usedAt),
			gt(staffEnrolments.expiresAt, now),
			sql`'admin' = any(${staffEnrolments.roles})`
		);
		const pending = await tx
			.select({ createdAt: staffEnrolments.createdAt })
			.from(staffEnrolments)
			.where(open);
		if (pending.some((p) => now.getTime() - p.createdAt.getTime() < START_WINDOW_MS)) return null;
		await tx.update(staffEnrolments).set({ expiresAt: now }).where(open);
		const { token } = await createEnrolment(
			{ displayName: 'Admin', roles: ['admin'], createdBy: null },
			now,
			tx
		);
		return `${origin()}${enrolmentPath(token)}`;
	});
}
