import {
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
import { answersColumn, requestColumn } from './answers';
import { accounts } from './accounts';
import { drafts } from './drafts';
import { elections } from './elections';
import type { Request } from '$lib/journeys/requests';
import { bytea } from './types';

// KB D 5: where a form may arrive. Only Den Haag accepts electronic submissions (KB D 5(4)):
// `upload` (this portal) and `email`.
export const receiptChannel = pgEnum('receipt_channel', [
	'upload',
	'email',
	'post',
	'consular_post',
	'representation',
	'minister'
]);
export type ReceiptChannel = (typeof receiptChannel.enumValues)[number];

export const applicationStatus = pgEnum('application_status', [
	// Received; waiting for the clerk's checks and the decider.
	'received',
	// The office asked the voter something (e.g. "did you mean a change?", MvT §7).
	'awaiting_voter',
	'decided'
]);

/** What the clerk checked on the signed form and the ID copy (KB D 6). */
export type IntakeChecks = {
	signaturePresent?: boolean;
	identityDocumentValid?: boolean;
	showsDutchNationality?: boolean;
	dataMatches?: boolean;
	/** A proxy: the holder's signed declaration of willingness is enclosed (KW L 8(3)). */
	declarationPresent?: boolean;
};

/**
 * An application: a request to create or change a registration, received by Den Haag (upload,
 * e-mail, post, or forwarded). It exists from the moment of receipt: that moment starts the
 * 7-day decision term (KB D 9). Its data is a snapshot of the answers on the form.
 */
export const applications = pgTable(
	'applications',
	{
		id: uuid().primaryKey().defaultRandom(),
		reference: text().notNull().unique(),
		// An ApplicationKind ($lib/journeys/requests): registration, change, proxy, voter_pass,
		// temporarily_abroad, replacement.
		kind: text().notNull(),
		draftId: uuid().references(() => drafts.id, { onDelete: 'set null' }),
		accountId: uuid().references(() => accounts.id, { onDelete: 'set null' }),
		locale: text().notNull(),
		// A snapshot of the draft's answers; the BSN inside is sealed (./answers.ts).
		answers: answersColumn().notNull(),
		// For every kind but registration: the typed request the answers make (the contract in
		// $lib/journeys/requests), fixed at receipt, so the office never reads a journey's steps.
		// Its voter's BSN is sealed (./answers.ts).
		request: requestColumn<Request>()(),
		// The election a per-election request is about (K 7, L 9, M 3, M 6b).
		electionId: uuid().references(() => elections.id),
		status: applicationStatus().notNull().default('received'),
		channel: receiptChannel().notNull(),
		receivedAt: timestamp({ withTimezone: true }).notNull(),
		// KB D 9: decided within 7 days of receipt (Europe/Amsterdam calendar day).
		dueOn: date({ mode: 'string' }).notNull(),
		checks: jsonb().$type<IntakeChecks>().notNull().default({}),
		notes: text().notNull().default(''),
		receivedBy: uuid().references(() => accounts.id, { onDelete: 'set null' }),
		decidedAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.status, t.dueOn), index().on(t.accountId), index().on(t.electionId, t.kind)]
);

export const uploadKind = pgEnum('upload_kind', ['signed_form', 'identity_document']);

/**
 * A file the voter uploaded: the scan or photo of the signed form, or of their passport or ID
 * card. Stored encrypted (AES-256-GCM, key from the environment); deleted a configurable number of
 * days after the decision.
 */
export const uploads = pgTable(
	'uploads',
	{
		id: uuid().primaryKey().defaultRandom(),
		applicationId: uuid()
			.notNull()
			.references(() => applications.id, { onDelete: 'cascade' }),
		kind: uploadKind().notNull(),
		// Sniffed from the content, never taken from the file name or the browser's claim.
		mediaType: text().notNull(),
		byteSize: integer().notNull(),
		keyId: text().notNull(),
		iv: bytea().notNull(),
		authTag: bytea().notNull(),
		ciphertext: bytea(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		deleteAfter: timestamp({ withTimezone: true }),
		deletedAt: timestamp({ withTimezone: true })
	},
	(t) => [index().on(t.applicationId), index().on(t.deleteAfter)]
);

export type Application = typeof applications.$inferSelect;
export type Upload = typeof uploads.$inferSelect;
