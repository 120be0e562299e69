/**
 * The right of access (GDPR art. 15): everything the portal holds about a signed-in voter, in one
 * machine-readable file. Read from the database as it is (nothing summarised away), with the BSN
 * decrypted, the secrets that protect the account left out (session tokens and passkey public
 * keys are not about the person but about the lock), and the audit trail of who did what with
 * their data (art. 15(1)(c): the recipients).
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import * as audit from '$lib/server/audit';
import { db } from '$lib/server/db';
import {
	accounts,
	applications,
	auditLog,
	decisions,
	drafts,
	outbox,
	passkeys,
	registrationTypes,
	registrations,
	sessions,
	uploads
} from '$lib/server/db/schema';
import * as registrationsService from '$lib/server/registrations';

export type PersonalData = Awaited<ReturnType<typeof exportFor>>;

/** Everything held about the account's holder; the export itself is audited. */
export async function exportFor(accountId: string, now = new Date()) {
	const database = await db();
	const [account] = await database
		.select({
			id: accounts.id,
			kind: accounts.kind,
			locale: accounts.locale,
			createdAt: accounts.createdAt
		})
		.from(accounts)
		.where(eq(accounts.id, accountId));
	if (!account || account.kind !== 'voter') return null;

	const keys = await database
		.select({
			name: passkeys.name,
			deviceType: passkeys.deviceType,
			backedUp: passkeys.backedUp,
			transports: passkeys.transports,
			createdAt: passkeys.createdAt,
			lastUsedAt: passkeys.lastUsedAt
		})
		.from(passkeys)
		.where(eq(passkeys.accountId, accountId))
		.orderBy(asc(passkeys.createdAt));
	const openSessions = await database
		.select({
			createdAt: sessions.createdAt,
			lastSeenAt: sessions.lastSeenAt,
			expiresAt: sessions.expiresAt
		})
		.from(sessions)
		.where(eq(sessions.accountId, accountId))
		.orderBy(asc(sessions.createdAt));
	const ownDrafts = await database
		.select({
			journey: drafts.journey,
			locale: drafts.locale,
			answers: drafts.answers,
			reference: drafts.reference,
			createdAt: drafts.createdAt,
			updatedAt: drafts.updatedAt,
			completedAt: drafts.completedAt
		})
		.from(drafts)
		.where(eq(drafts.accountId, accountId))
		.orderBy(asc(drafts.createdAt));
	const ownApplications = await database
		.select()
		.from(applications)
		.where(eq(applications.accountId, accountId))
		.orderBy(asc(applications.receivedAt));
	const applicationIds = ownApplications.map((a) => a.id);
	const files = applicationIds.length
		? await database
				.select({
					applicationId: uploads.applicationId,
					kind: uploads.kind,
					mediaType: uploads.mediaType,
					byteSize: uploads.byteSize,
					createdAt: uploads.createdAt,
					deleteAfter: uploads.deleteAfter,
					deletedAt: uploads.deletedAt
				})
				.from(uploads)
				.where(inArray(uploads.applicationId, applicationIds))
		: [];
	const ownRegistrations = await database
		.select()
		.from(registrations)
		.where(eq(registrations.accountId, accountId));
	const registrationIds = ownRegistrations.map((r) => r.id);
	const types = registrationIds.length
		? await database
				.select()
				.from(registrationTypes)
				.where(inArray(registrationTypes.registrationId, registrationIds))
		: [];
	const ownDecisions =
		registrationIds.length || applicationIds.length
			? await database
					.select()
					.from(decisions)
					.where(
						or(
							registrationIds.length
								? inArray(decisions.registrationId, registrationIds)
								: undefined,
							applicationIds.length ? inArray(decisions.applicationId, applicationIds) : undefined
						)
					)
					.orderBy(asc(decisions.decidedAt))
			: [];
	const decisionIds = ownDecisions.map((d) => d.id);
	const messages = decisionIds.length
		? await database
				.select({
					id: outbox.id,
					channel: outbox.channel,
					recipient: outbox.recipient,
					postalAddress: outbox.postalAddress,
					locale: outbox.locale,
					subject: outbox.subject,
					text: outbox.text,
					createdAt: outbox.createdAt,
					sentAt: outbox.sentAt
				})
				.from(outbox)
				.where(inArray(outbox.decisionId, decisionIds))
				.orderBy(asc(outbox.createdAt))
		: [];
	const subjects = [
		`account:${accountId}`,
		...ownApplications.map((a) => `application:${a.reference}`),
		...registrationIds.map((id) => `registration:${id}`),
		...messages.map((m) => `outbox:${m.id}`)
	];
	const trail = await database
		.select({
			at: auditLog.at,
			actor: auditLog.actor,
			action: auditLog.action,
			subject: auditLog.subject
		})
		.from(auditLog)
		.where(and(inArray(auditLog.subject, subjects)))
		.orderBy(asc(auditLog.seq));

	await audit.record({
		actor: `voter:${accountId}`,
		action: 'personal_data.exported',
		subject: `account:${accountId}`
	});

	return {
		exportedAt: now.toISOString(),
		basis: 'GDPR art. 15 (AVG art. 15)',
		account,
		passkeys: keys,
		sessions: openSessions,
		drafts: ownDrafts,
		applications: ownApplications.map((a) => ({
			...a,
			files: files.filter((f) => f.applicationId === a.id)
		})),
		registrations: ownRegistrations.map((r) => {
			const { bsnEncrypted, bsnIndex, lookupKey, ...rest } = r;
			void bsnIndex;
			void lookupKey;
			return {
				...rest,
				bsn: bsnEncrypted ? registrationsService.bsnOf(r) : null,
				types: types.filter((t) => t.registrationId === r.id)
			};
		}),
		decisions: ownDecisions,
		messages,
		auditTrail: trail
	};
}
