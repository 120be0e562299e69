/**
 * The office's side of status requests (KB D 8): the open requests by due date, overdue first;
 * one request with a search for the registration it may be about; linking it (the answer then
 * goes to that registration's contact details on record), or the decision "not registered" with
 * its reasons, notified to the address the request gave, with the appeal route (KW D 8).
 * Every view of a person's data and every decision is audited.
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import {
	appealRoute,
	COUNTRY_CODES,
	daysBetween,
	isOverdue,
	lookupKey,
	firstNamesMatch,
	notRegisteredReason,
	standing,
	type IsoDate,
	type Standing
} from '$lib/domain';
import { readDecideForm } from '$lib/journeys/status/office';
import type { StepAnswer } from '$lib/journeys/engine';
import * as audit from '$lib/server/audit';
import { db, type Db } from '$lib/server/db';
import {
	decisions,
	registrations,
	statusRequests,
	type PostalAddress,
	type StatusRequest
} from '$lib/server/db/schema';
import * as config from '$lib/server/config';
import * as notices from '$lib/server/notices';
import { answerOnRecord, registrationsWithTypes, today } from './records';

export type Staff = { accountId: string };
const actorOf = (staff: Staff) => `staff:${staff.accountId}`;

export type OpenRequest = {
	id: string;
	receivedOn: IsoDate;
	dueOn: IsoDate;
	overdue: boolean;
	/** Days until the due day; negative when overdue. */
	daysLeft: number;
	country: string;
	answerBy: 'email' | 'letter';
};

const receivedOn = (r: Pick<StatusRequest, 'receivedAt'>) => today(r.receivedAt);

/**
 * The open requests, the earliest due first (so the overdue ones lead). The list names nobody:
 * a person's data is shown, and its viewing audited, only when a request is opened.
 */
export async function openRequests(now = new Date()): Promise<OpenRequest[]> {
	const day = today(now);
	const rows = await (
		await db()
	)
		.select({
			id: statusRequests.id,
			receivedAt: statusRequests.receivedAt,
			dueOn: statusRequests.dueOn,
			country: statusRequests.country,
			email: statusRequests.email
		})
		.from(statusRequests)
		.where(eq(statusRequests.status, 'open'))
		.orderBy(asc(statusRequests.dueOn), asc(statusRequests.receivedAt));
	return rows.map((r) => ({
		id: r.id,
		receivedOn: receivedOn(r),
		dueOn: r.dueOn,
		overdue: isOverdue(r.dueOn, day),
		daysLeft: daysBetween(day, r.dueOn),
		country: r.country,
		answerBy: r.email ? 'email' : 'letter'
	}));
}

export type RequestView = {
	id: string;
	surname: string;
	firstNames: string;
	birthDate: IsoDate;
	country: string;
	receivedOn: IsoDate;
	dueOn: IsoDate;
	overdue: boolean;
	open: boolean;
	answerBy: { email: string } | { postalAddress: PostalAddress } | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One request, for a decider; the viewing is audited. Null for an unknown id. */
export async function viewRequest(
	id: string,
	staff: Staff,
	now = new Date()
): Promise<RequestView | null> {
	if (!UUID.test(id)) return null;
	const [row] = await (await db()).select().from(statusRequests).where(eq(statusRequests.id, id));
	if (!row) return null;
	await audit.record({
		actor: actorOf(staff),
		action: 'status_request.viewed',
		subject: `status_request:${id}`
	});
	return {
		id: row.id,
		surname: row.surname,
		firstNames: row.firstNames,
		birthDate: row.birthDate,
		country: row.country,
		receivedOn: receivedOn(row),
		dueOn: row.dueOn,
		overdue: row.status === 'open' && isOverdue(row.dueOn, today(now)),
		open: row.status === 'open',
		answerBy: row.email
			? { email: row.email }
			: row.postalAddress
				? { postalAddress: row.postalAddress }
				: null
	};
}

export type Found = {
	id: string;
	surname: string;
	firstNames: string;
	birthDate: IsoDate;
	country: string;
	removed: boolean;
	standing: Standing;
	/** Every type with its end, for the reasons ("ended on … because …"). */
	types: { type: string; startsOn: IsoDate; endedOn: IsoDate | null; endReason: string | null }[];
	/** The request's first names fit this registration's (see `firstNamesMatch`). */
	namesFit: boolean;
};

/**
 * Registrations with this surname (normalised as the key is) and date of birth, in any country
 * of residence, removed ones included so that the reasons can name the end. Uses the key's index:
 * one key per country. The search and what it showed are audited.
 */
export async function search(
	query: { surname: string; birthDate: IsoDate },
	forRequest: Pick<RequestView, 'id' | 'firstNames'>,
	staff: Staff,
	now = new Date()
): Promise<Found[]> {
	return findRegistrations(
		query,
		forRequest.firstNames,
		`status_request:${forRequest.id}`,
		staff,
		now
	);
}

/**
 * The search behind `search`, for any case that must find a voter's registration (a status
 * request, or a request the office decides: a change, a proxy, a voter pass, a replacement):
 * by surname and date of birth in every country, plus the registrations named by `ids` (the
 * voter's account, the BSN's blind index). Audited against `subject`.
 */
export async function findRegistrations(
	query: { surname: string; birthDate: IsoDate; ids?: string[] },
	firstNames: string,
	subject: string,
	staff: Staff,
	now = new Date()
): Promise<Found[]> {
	const keys = COUNTRY_CODES.map((c) => lookupKey(query.surname, query.birthDate, c));
	const ids = (query.ids ?? []).filter((id) => UUID.test(id));
	const database = await db();
	const found = await registrationsWithTypes(
		database,
		ids.length > 0
			? or(inArray(registrations.lookupKey, keys), inArray(registrations.id, ids))
			: inArray(registrations.lookupKey, keys)
	);
	await audit.record({
		actor: actorOf(staff),
		action: 'registration.searched',
		subject,
		details: { results: found.map((r) => r.id) }
	});
	const day = today(now);
	return found
		.map((r) => ({
			id: r.id,
			surname: r.surname,
			firstNames: r.firstNames,
			birthDate: r.birthDate,
			country: r.residentialAddress.country,
			removed: r.status === 'removed',
			standing: standing(r.status === 'active' && !r.deceasedOn ? r.types : [], day),
			types: r.types,
			namesFit: firstNamesMatch(firstNames, r.firstNames)
		}))
		.sort((a, b) => Number(b.namesFit) - Number(a.namesFit) || a.id.localeCompare(b.id));
}

/** Locks an open request for this transaction; null when it is unknown or already handled. */
async function lockOpen(tx: Db, id: string): Promise<StatusRequest | null> {
	if (!UUID.test(id)) return null;
	const [row] = await tx
		.select()
		.from(statusRequests)
		.where(and(eq(statusRequests.id, id), eq(statusRequests.status, 'open')))
		.for('update');
	return row ?? null;
}

export type LinkResult = { ok: true } | { ok: false; error: 'closed' | 'not_registered' };

/**
 * The decider found the registration the request is about (another spelling, a moved country):
 * the answer goes to that registration's contact details on record, never to the typed ones,
 * which are no longer kept (KB D 4). Refused when that registration holds no type today: then
 * the reasons are due instead.
 */
export async function link(
	id: string,
	registrationId: string,
	staff: Staff,
	now = new Date()
): Promise<LinkResult> {
	return (await db()).transaction(async (t) => {
		const tx = t as unknown as Db;
		const request = await lockOpen(tx, id);
		if (!request) return { ok: false, error: 'closed' };
		const [registration] = UUID.test(registrationId)
			? await registrationsWithTypes(
					tx,
					and(eq(registrations.id, registrationId), eq(registrations.status, 'active'))
				)
			: [];
		const day = today(now);
		const held =
			registration && !registration.deceasedOn ? standing(registration.types, day) : null;
		if (!registration || !held?.registered) return { ok: false, error: 'not_registered' };
		await answerOnRecord(registration, held, receivedOn(request), tx);
		await tx
			.update(statusRequests)
			.set({
				status: 'answered',
				answeredAt: now,
				registrationId: registration.id,
				email: null,
				postalAddress: null
			})
			.where(eq(statusRequests.id, id));
		await audit.record(
			{
				actor: actorOf(staff),
				action: 'status_request.linked',
				subject: `status_request:${id}`,
				details: { registration: registration.id }
			},
			tx
		);
		return { ok: true };
	});
}

export type DecideResult =
	| { ok: true; decisionId: string }
	| { ok: false; values: StepAnswer; errors: Record<string, string> }
	| { ok: false; error: 'closed' | 'no_address' };

/**
 * The decision "not registered" with its reason (KB D 8): a `decisions` row (origin
 * `status_request`), its notice to the address the request gave, in the request's language, with
 * the reasons, their articles and the appeal route (KW D 8); the request is closed. All in one
 * transaction with its audit entry.
 */
export async function decideNotRegistered(
	id: string,
	form: FormData,
	staff: Staff,
	now = new Date()
): Promise<DecideResult> {
	const day = today(now);
	const read = readDecideForm(form, day);
	if (!read.ok) return read;
	return (await db()).transaction(async (t) => {
		const tx = t as unknown as Db;
		const request = await lockOpen(tx, id);
		if (!request) return { ok: false, error: 'closed' };
		if (!request.email && !request.postalAddress) return { ok: false, error: 'no_address' };
		const reason = notRegisteredReason(read.reason, day);
		const appealBy = appealRoute(day, config.appealTermWeeks()).appealBy;
		// The notice goes where the request asked (KB D 8), in the request's language.
		const person: notices.NoticePerson = {
			firstNames: request.firstNames,
			surname: request.surname,
			email: request.email,
			residentialAddress: request.postalAddress ?? { lines: [], country: request.country },
			correspondenceAddress: null,
			locale: request.locale
		};
		const stored = { code: reason.code, params: reason.params, basis: reason.basis };
		const [decision] = await tx
			.insert(decisions)
			.values({
				origin: 'status_request',
				outcome: 'not_registered',
				statusRequestId: request.id,
				reasons: [stored],
				remarks: read.remarks,
				decidedBy: staff.accountId,
				decidedAt: now,
				appealBy,
				notice: notices.channelFor(person),
				locale: request.locale
			})
			.returning({ id: decisions.id });
		await notices.notify(
			tx,
			{
				id: decision!.id,
				outcome: 'not_registered',
				decidedOn: day,
				reference: null,
				types: {},
				reasons: [stored],
				remarks: read.remarks,
				appealBy
			},
			person
		);
		await tx
			.update(statusRequests)
			.set({ status: 'answered', answeredAt: now })
			.where(eq(statusRequests.id, id));
		await audit.record(
			{
				actor: actorOf(staff),
				action: 'decision.made',
				subject: `status_request:${id}`,
				details: { decision: decision!.id, outcome: 'not_registered', reasons: [reason.code] }
			},
			tx
		);
		return { ok: true, decisionId: decision!.id };
	});
}
