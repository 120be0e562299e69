import {
	bigserial,
	date,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { applications } from './applications';
import { elections } from './elections';
import { registrations, type PostalAddress } from './registrations';

export const decisionOrigin = pgEnum('decision_origin', [
	// On an application (KB D 9).
	'application',
	// Ex officio, from a population-register (BRP) change (KW D 6(2), D 7(2)).
	'brp',
	// The reasons why a status request found no registration (KB D 8).
	'status_request'
]);

export const noticeChannel = pgEnum('notice_channel', ['email', 'letter', 'none']);

/**
 * One reason for a decision: a code from the domain's list, which maps to its article. The
 * articles are kept as cited on the day of the decision, so a later change of the rules never
 * rewrites what a notice said.
 */
export type DecisionReason = {
	code: string;
	params?: Record<string, string>;
	basis?: { code: string; url: string }[];
};

/**
 * A decision: on an application, ex officio after a BRP change, or the reasons after a status
 * request. Every decision states its reasons and the appeal route (KW D 8) and is notified.
 * Never updated: a new decision follows instead.
 */
export const decisions = pgTable(
	'decisions',
	{
		id: uuid().primaryKey().defaultRandom(),
		origin: decisionOrigin().notNull(),
		// 'registered' | 'rejected' | 'asked' | 'changed' | 'removed' | 'types_ended' | 'not_registered'
		outcome: text().notNull(),
		applicationId: uuid().references(() => applications.id, { onDelete: 'set null' }),
		registrationId: uuid().references(() => registrations.id, { onDelete: 'set null' }),
		statusRequestId: uuid(),
		brpImportId: uuid(),
		// The election a per-election request is about (proxy, voter pass, temporarily abroad,
		// replacement: KW K 7, L 9, M 3, M 6b); null for decisions on the registration itself.
		electionId: uuid().references(() => elections.id),
		// Per type: { TK: '2027-01-01', … } for registrations; the types ended for removals.
		types: jsonb().$type<Record<string, string | null>>().notNull().default({}),
		reasons: jsonb().$type<DecisionReason[]>().notNull().default([]),
		// Free text the decider adds to the notice (the question asked, for instance).
		remarks: text().notNull().default(''),
		decidedBy: uuid().references(() => accounts.id, { onDelete: 'set null' }),
		decidedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		// Awb 6:7: six weeks after the notice; the term is configurable.
		appealBy: date({ mode: 'string' }),
		notice: noticeChannel().notNull(),
		locale: text().notNull().default('nl')
	},
	(t) => [
		index().on(t.registrationId),
		index().on(t.applicationId),
		index().on(t.electionId, t.outcome)
	]
);

export const statusRequestStatus = pgEnum('status_request_status', ['answered', 'open']);

/**
 * A status request without an account (KW D 5). Holds only what finds the person and where to
 * answer. Answered at once when a registration matches; otherwise the office owes the reasons by
 * the 7th day (KB D 8).
 */
export const statusRequests = pgTable(
	'status_requests',
	{
		id: uuid().primaryKey().defaultRandom(),
		surname: text().notNull(),
		firstNames: text().notNull(),
		birthDate: date({ mode: 'string' }).notNull(),
		country: text().notNull(),
		email: text(),
		postalAddress: jsonb().$type<PostalAddress>(),
		locale: text().notNull(),
		receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		dueOn: date({ mode: 'string' }).notNull(),
		registrationId: uuid().references(() => registrations.id, { onDelete: 'set null' }),
		status: statusRequestStatus().notNull(),
		answeredAt: timestamp({ withTimezone: true })
	},
	(t) => [index().on(t.status, t.dueOn)]
);

/**
 * Mail and letters to voters. Written in the same transaction as the decision that causes them
 * (so a notice is never lost or sent twice); delivered by SMTP when SMTP_URL is set, otherwise
 * readable by the office in development. Letters carry their PDF for the print queue.
 */
export const outbox = pgTable(
	'outbox',
	{
		id: uuid().primaryKey().defaultRandom(),
		channel: noticeChannel().notNull(),
		recipient: text(),
		postalAddress: jsonb().$type<PostalAddress>(),
		locale: text().notNull(),
		subject: text().notNull(),
		text: text().notNull(),
		html: text(),
		// Extra e-mail headers, e.g. a reminder's List-Unsubscribe and List-Unsubscribe-Post
		// (RFC 2369, RFC 8058); the delivery's own headers win over these.
		headers: jsonb().$type<Record<string, string>>(),
		decisionId: uuid().references(() => decisions.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp({ withTimezone: true }),
		attempts: integer().notNull().default(0),
		lastError: text(),
		lockedUntil: timestamp({ withTimezone: true })
	},
	(t) => [index().on(t.channel, t.sentAt)]
);

/**
 * What became of a BRP import: `running` while its chunks are applied (a row left `running` was
 * interrupted: importing the same file again finishes it), `applied`, or `rejected` when the file
 * had invalid rows and nothing was applied (docs/brp-import.md). Counts per outcome, skip reason
 * and notice channel; skipped rows as row numbers per reason (never a BSN).
 */
export type BrpImportSummary = {
	status: 'running' | 'applied' | 'rejected';
	applied: Record<string, number>;
	skipped: Record<string, number>;
	invalid: number;
	notices: Record<string, number>;
	skippedRows: Record<string, number[]>;
};

/** A batch of population-register changes as imported (its rows become decisions). */
export const brpImports = pgTable('brp_imports', {
	id: uuid().primaryKey().defaultRandom(),
	importedBy: uuid().references(() => accounts.id, { onDelete: 'set null' }),
	importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	format: text().notNull(),
	total: integer().notNull(),
	summary: jsonb()
		.$type<BrpImportSummary>()
		.notNull()
		.default({} as BrpImportSummary)
});

/**
 * The audit log: every decision and every view of a person's data. Append-only and hash-chained:
 * each row's hash covers its content and the previous row's hash, so altering or deleting a row
 * breaks the chain (`npm run audit:verify`).
 */
export const auditLog = pgTable(
	'audit_log',
	{
		seq: bigserial({ mode: 'number' }).primaryKey(),
		at: timestamp({ withTimezone: true }).notNull(),
		actor: text().notNull(),
		action: text().notNull(),
		subject: text().notNull(),
		details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
		prevHash: text().notNull(),
		hash: text().notNull().unique()
	},
	// The voter's data export (GDPR art. 15) finds who did what with their data by subject.
	(t) => [index().on(t.subject)]
);

export type Decision = typeof decisions.$inferSelect;
export type StatusRequest = typeof statusRequests.$inferSelect;
export type OutboxMessage = typeof outbox.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type BrpImport = typeof brpImports.$inferSelect;
