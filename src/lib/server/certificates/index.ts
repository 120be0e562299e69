/**
 * The register of postal voting certificates (briefstembewijzen, KW M 5): issuing them to every
 * registered voter of an election (M 1(1)) and to residents temporarily abroad whose request was
 * granted (M 1(2), M 4), replacing a lost one (M 6b, M 5(2)(a)), and the two lists the office
 * hands on: the postal voters of an election, and the extract of invalid certificates for the
 * postal voting bureaus (M 5(3)).
 *
 * Sized for a million registrations (DOMAIN.md "Scale"): the issue to all voters is one
 * INSERT … SELECT, and the lists are streamed in batches (a cursor on PostgreSQL, keyset pages of
 * (election, number) on PGlite), so memory stays flat. Figures: bench/README.md.
 *
 * Numbers are per election, in the order issued (M 5(1)). Every function that issues takes a
 * transaction-level advisory lock on the election first, so two issues at once (two officials, or
 * two app processes) wait for each other instead of drawing the same number; a partial unique
 * index (one valid certificate per holder and election) backs this up in the database.
 */
import { and, count, countDistinct, eq, getTableColumns, isNull, sql, type SQL } from 'drizzle-orm';
import { PgDialect, alias } from 'drizzle-orm/pg-core';
import type postgres from 'postgres';
import {
	INVALID_REASONS,
	LAW,
	invalidExtractDue,
	isInvalidReason,
	type IsoDate,
	type LegalRef
} from '$lib/domain';
import type { Request } from '$lib/journeys/requests';
import * as audit from '$lib/server/audit';
import { database, db, type Db } from '$lib/server/db';
import {
	applications,
	decisions,
	elections,
	postalCertificates,
	registrations,
	type Election,
	type PostalCertificate
} from '$lib/server/db/schema';
import { csvRow } from './csv';

export type { PostalCertificate };

/** Whose certificate: a registered voter abroad, or a resident temporarily abroad by their granted request. */
export type CertificateHolder = { registrationId: string } | { applicationId: string };

export type CertificateErrorCode =
	'election_not_found' | 'no_nomination_day' | 'already_held' | 'not_found' | 'already_invalid';

/** A refusal the caller can show: the code says why. */
export class CertificateError extends Error {
	constructor(readonly code: CertificateErrorCode) {
		super(`postal certificate: ${code}`);
		this.name = 'CertificateError';
	}
}

// The advisory-lock class for numbering; the election's id hashes into the second key. The
// two-key form has a space of its own, apart from the audit log's and the migrations' locks.
const NUMBERING_LOCK = 72_410_010;

async function lockElection(tx: Db, electionId: string): Promise<void> {
	await tx.execute(
		sql`select pg_advisory_xact_lock(${NUMBERING_LOCK}::int, hashtext(${electionId}::text))`
	);
}

async function inTransaction<T>(tx: Db | undefined, work: (tx: Db) => Promise<T>): Promise<T> {
	if (tx) return work(tx);
	return (await db()).transaction((t) => work(t as unknown as Db));
}

async function nextNumber(tx: Db, electionId: string): Promise<number> {
	const [row] = await tx
		.select({ max: sql<number | null>`max(${postalCertificates.number})` })
		.from(postalCertificates)
		.where(eq(postalCertificates.electionId, electionId));
	return Number(row?.max ?? 0) + 1;
}

const holderWhere = (holder: CertificateHolder) =>
	'registrationId' in holder
		? eq(postalCertificates.registrationId, holder.registrationId)
		: eq(postalCertificates.holderApplicationId, holder.applicationId);

const actorOf = (staffId: string | undefined) =>
	staffId ? `staff:${staffId}` : 'system:certificates';

/** The holder's valid certificate for the election, if one was issued (K 8(2), L 10(b) refuse a proxy/voter pass then). */
export async function current(
	electionId: string,
	holder: CertificateHolder,
	tx?: Db
): Promise<PostalCertificate | null> {
	const target = tx ?? (await db());
	const [row] = await target
		.select()
		.from(postalCertificates)
		.where(
			and(
				eq(postalCertificates.electionId, electionId),
				holderWhere(holder),
				isNull(postalCertificates.invalidatedOn)
			)
		)
		.limit(1);
	return row ?? null;
}

/**
 * One certificate: to a resident temporarily abroad whose request was granted (M 1(2), M 4),
 * holder = { applicationId }; or to one registered voter. Next number of the election. Refused
 * (`already_held`) when the holder has a valid certificate for the election.
 * `staffId` (optional) names the official in the audit log.
 */
export async function issueOne(
	input: {
		electionId: string;
		holder: CertificateHolder;
		applicationId?: string;
		sentBy: 'post' | 'email';
		issuedOn: string;
		staffId?: string;
	},
	tx?: Db
): Promise<PostalCertificate> {
	return inTransaction(tx, async (t) => {
		await lockElection(t, input.electionId);
		if (await current(input.electionId, input.holder, t)) {
			throw new CertificateError('already_held');
		}
		const byRequest = 'applicationId' in input.holder ? input.holder.applicationId : null;
		const [issued] = await t
			.insert(postalCertificates)
			.values({
				electionId: input.electionId,
				number: await nextNumber(t, input.electionId),
				registrationId: 'registrationId' in input.holder ? input.holder.registrationId : null,
				holderApplicationId: byRequest,
				applicationId: input.applicationId ?? byRequest,
				sentBy: input.sentBy,
				issuedOn: input.issuedOn
			})
			.returning();
		const certificate = issued!;
		await audit.record(issuedEntry(certificate, actorOf(input.staffId)), t);
		return certificate;
	});
}

const issuedEntry = (c: PostalCertificate, actor: string): audit.AuditRecord => ({
	actor,
	action: 'certificate.issued',
	subject: `certificate:${c.id}`,
	details: {
		electionId: c.electionId,
		number: c.number,
		registrationId: c.registrationId,
		holderApplicationId: c.holderApplicationId,
		applicationId: c.applicationId,
		replacesId: c.replacesId,
		sentBy: c.sentBy,
		issuedOn: c.issuedOn
	}
});

/**
 * M 6b, M 5(2)(a): invalidates `oldId` (reason 'replaced') and issues a new one that replaces it,
 * in one transaction. The new certificate keeps the holder, takes the election's next number and
 * is issued on the replacement request (`applicationId`). Error if old is already invalid.
 */
export async function replace(
	input: {
		oldId: string;
		applicationId: string;
		sentBy: 'post' | 'email';
		issuedOn: string;
		staffId?: string;
	},
	tx?: Db
): Promise<{ old: PostalCertificate; issued: PostalCertificate }> {
	return inTransaction(tx, async (t) => {
		const [found] = await t
			.select({ electionId: postalCertificates.electionId })
			.from(postalCertificates)
			.where(eq(postalCertificates.id, input.oldId));
		if (!found) throw new CertificateError('not_found');
		await lockElection(t, found.electionId);
		// Under the lock: a second replacement of the same certificate sees the first one's update.
		const [invalidated] = await t
			.update(postalCertificates)
			.set({ invalidatedOn: input.issuedOn, invalidReason: 'replaced' })
			.where(and(eq(postalCertificates.id, input.oldId), isNull(postalCertificates.invalidatedOn)))
			.returning();
		if (!invalidated) throw new CertificateError('already_invalid');
		const [issued] = await t
			.insert(postalCertificates)
			.values({
				electionId: invalidated.electionId,
				number: await nextNumber(t, invalidated.electionId),
				registrationId: invalidated.registrationId,
				holderApplicationId: invalidated.holderApplicationId,
				applicationId: input.applicationId,
				replacesId: invalidated.id,
				sentBy: input.sentBy,
				issuedOn: input.issuedOn
			})
			.returning();
		const actor = actorOf(input.staffId);
		await audit.recordMany(
			[
				{
					actor,
					action: 'certificate.invalidated',
					subject: `certificate:${invalidated.id}`,
					details: {
						electionId: invalidated.electionId,
						number: invalidated.number,
						reason: 'replaced',
						basis: INVALID_REASONS.replaced.code,
						invalidatedOn: input.issuedOn,
						applicationId: input.applicationId
					}
				},
				issuedEntry(issued!, actor)
			],
			t
		);
		return { old: invalidated, issued: issued! };
	});
}

const holderApplications = alias(applications, 'holder_application');

type RequestVoter = {
	surname?: string;
	firstNames?: string;
	dateOfBirth?: string;
};
const voterOf = (request: Request | null | undefined): RequestVoter | null =>
	(request as { voter?: RequestVoter } | null | undefined)?.voter ?? null;

/** Look up by election slug + certificate number (for the decider handling a replacement). */
export async function findByNumber(
	electionSlug: string,
	number: number
): Promise<(PostalCertificate & { holderName: string }) | null> {
	if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return null;
	const target = await db();
	const [row] = await target
		.select({
			certificate: getTableColumns(postalCertificates),
			surname: registrations.surname,
			firstNames: registrations.firstNames,
			request: holderApplications.request
		})
		.from(postalCertificates)
		.innerJoin(elections, eq(elections.id, postalCertificates.electionId))
		.leftJoin(registrations, eq(registrations.id, postalCertificates.registrationId))
		.leftJoin(holderApplications, eq(holderApplications.id, postalCertificates.holderApplicationId))
		.where(and(eq(elections.slug, electionSlug), eq(postalCertificates.number, number)))
		.limit(1);
	if (!row) return null;
	const voter = voterOf(row.request);
	const holderName = row.surname
		? `${row.firstNames} ${row.surname}`
		: [voter?.firstNames, voter?.surname].filter(Boolean).join(' ');
	return { ...row.certificate, holderName };
}

export type IssueCounts = { issued: number; alreadyHeld: number; excluded: number };

type Classified = { election: Election; nominationDay: IsoDate };

async function electionForIssue(target: Db, slug: string): Promise<Classified> {
	const [election] = await target.select().from(elections).where(eq(elections.slug, slug));
	if (!election) throw new CertificateError('election_not_found');
	// KW D 2, M 1(1): the voters are those registered for the type on nomination day.
	if (!election.nominationDay) throw new CertificateError('no_nomination_day');
	return { election, nominationDay: election.nominationDay };
}

/**
 * The voters of the election, each marked: holds a certificate already (valid or not: a replaced
 * or invalidated one is never issued again), or is excluded by a granted proxy or voter pass.
 * A registered voter abroad is one with a registration for the election's type in force on
 * nomination day (KW D 2, D 3, M 1(1)): started on or before it, not ended on or before it.
 */
function classifiedVoters({ election, nominationDay }: Classified) {
	return sql`
		eligible as (
			select r.id, r.surname, r.first_names,
				coalesce(r.correspondence_address, r.residential_address) ->> 'country' as country
			from registrations r
			join registration_types t on t.registration_id = r.id
			where r.status = 'active'
				and r.deceased_on is null
				and t.type = ${election.type}::election_type
				and t.starts_on <= ${nominationDay}::date
				and (t.ended_on is null or t.ended_on > ${nominationDay}::date)
		),
		held as (
			select distinct registration_id from postal_certificates
			where election_id = ${election.id}::uuid and registration_id is not null
		),
		-- M 1(1): a voter granted a proxy (L 9) or a voter pass (K 7) gets no certificate.
		granted as (
			select distinct d.registration_id from decisions d
			join applications a on a.id = d.application_id
			where d.election_id = ${election.id}::uuid
				and d.outcome = 'granted'
				and d.registration_id is not null
				and a.kind in ('proxy', 'voter_pass')
		),
		classified as (
			select e.*, h.registration_id is not null as held, g.registration_id is not null as excluded
			from eligible e
			left join held h on h.registration_id = e.id
			left join granted g on g.registration_id = e.id
		)`;
}

// postgres.js returns an array, PGlite an object with rows: read both the same way.
function rowsOf<T>(result: unknown): T[] {
	return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/** What issueForElection would do now, without doing it (the confirmation step). */
export async function preview(slug: string): Promise<IssueCounts & { election: Election }> {
	const target = await db();
	const which = await electionForIssue(target, slug);
	const [row] = rowsOf<{ issue: number; held: number; excluded: number }>(
		await target.execute(sql`
			with ${classifiedVoters(which)}
			select count(*) filter (where not held and not excluded)::int as issue,
				count(*) filter (where held)::int as held,
				count(*) filter (where not held and excluded)::int as excluded
			from classified`)
	);
	return {
		election: which.election,
		issued: Number(row?.issue ?? 0),
		alreadyHeld: Number(row?.held ?? 0),
		excluded: Number(row?.excluded ?? 0)
	};
}

/**
 * Issue to every registered voter of the election's type (M 1(1)) who has none yet; idempotent.
 * Voters with a granted proxy or voter pass for the election are excluded (M 1(1)). One
 * statement numbers them all, after the election's highest number, sorted by the country the
 * papers go to and then by name (the order the post is prepared in). Sent by post (M 6(1)).
 */
export async function issueForElection(
	slug: string,
	opts: { staffId: string; issuedOn: string }
): Promise<IssueCounts> {
	return (await db()).transaction(async (t) => {
		const tx = t as unknown as Db;
		const which = await electionForIssue(tx, slug);
		const { election } = which;
		await lockElection(tx, election.id);
		const [row] = rowsOf<{
			issued: number;
			first: number | null;
			last: number | null;
			held: number;
			excluded: number;
		}>(
			await tx.execute(sql`
				with ${classifiedVoters(which)},
				base as (
					select coalesce(max(number), 0) as n from postal_certificates
					where election_id = ${election.id}::uuid
				),
				inserted as (
					insert into postal_certificates (election_id, number, registration_id, sent_by, issued_on)
					select ${election.id}::uuid,
						base.n + row_number() over (order by c.country, c.surname, c.first_names, c.id),
						c.id, 'post', ${opts.issuedOn}::date
					from classified c cross join base
					where not c.held and not c.excluded
					returning number
				)
				select (select count(*) from inserted)::int as issued,
					(select min(number) from inserted) as first,
					(select max(number) from inserted) as last,
					count(*) filter (where held)::int as held,
					count(*) filter (where not held and excluded)::int as excluded
				from classified`)
		);
		const counts: IssueCounts = {
			issued: Number(row?.issued ?? 0),
			alreadyHeld: Number(row?.held ?? 0),
			excluded: Number(row?.excluded ?? 0)
		};
		await audit.record(
			{
				actor: `staff:${opts.staffId}`,
				action: 'certificates.issued_for_election',
				subject: `election:${slug}`,
				details: {
					...counts,
					firstNumber: row?.first ?? null,
					lastNumber: row?.last ?? null,
					issuedOn: opts.issuedOn,
					nominationDay: which.nominationDay
				}
			},
			tx
		);
		return counts;
	});
}

export type RegisterSummary = {
	election: Election;
	/** Every certificate in the register for the election, valid or not. */
	issued: number;
	valid: number;
	invalid: number;
	/** Voters with a granted proxy or voter pass for the election: no certificate (M 1(1)). */
	excluded: number;
	/** KW M 5(3): the extract of invalid certificates is due at the postal voting bureaus. */
	extractDue: { date: IsoDate; basis: LegalRef[] } | null;
	basis: LegalRef[];
};

/** The register's counts for an election page; null when there is no such election. */
export async function summary(slug: string): Promise<RegisterSummary | null> {
	const target = await db();
	const [election] = await target.select().from(elections).where(eq(elections.slug, slug));
	if (!election) return null;
	const [register] = await target
		.select({
			issued: count(),
			valid: sql<number>`count(*) filter (where ${postalCertificates.invalidatedOn} is null)::int`
		})
		.from(postalCertificates)
		.where(eq(postalCertificates.electionId, election.id));
	const [grants] = await target
		.select({ excluded: countDistinct(decisions.registrationId) })
		.from(decisions)
		.innerJoin(applications, eq(applications.id, decisions.applicationId))
		.where(
			and(
				eq(decisions.electionId, election.id),
				eq(decisions.outcome, 'granted'),
				sql`${applications.kind} in ('proxy', 'voter_pass')`
			)
		);
	const issued = Number(register?.issued ?? 0);
	const valid = Number(register?.valid ?? 0);
	return {
		election,
		issued,
		valid,
		invalid: issued - valid,
		excluded: Number(grants?.excluded ?? 0),
		extractDue: election.electionDay ? invalidExtractDue(election.electionDay) : null,
		basis: [LAW.CERTIFICATE_REGISTER, LAW.POSTAL_VOTE_ABROAD, LAW.INVALID_CERTIFICATES_EXTRACT]
	};
}

/**
 * A certificate looked up by an official (its holder's name is personal data: audited).
 * Also says which certificate replaced it, if one did.
 */
export async function lookUp(
	slug: string,
	number: number,
	staffId: string
): Promise<
	| (PostalCertificate & { holderName: string; replacedBy: number | null; replaces: number | null })
	| null
> {
	const found = await findByNumber(slug, number);
	if (!found) return null;
	const target = await db();
	const numberWhere = (where: SQL) =>
		target
			.select({ number: postalCertificates.number })
			.from(postalCertificates)
			.where(where)
			.limit(1)
			.then(([row]) => row?.number ?? null);
	const [replacedBy, replaces] = await Promise.all([
		numberWhere(eq(postalCertificates.replacesId, found.id)),
		found.replacesId ? numberWhere(eq(postalCertificates.id, found.replacesId)) : null
	]);
	await audit.record({
		actor: `staff:${staffId}`,
		action: 'certificate.viewed',
		subject: `certificate:${found.id}`,
		details: { election: slug, number }
	});
	return { ...found, replacedBy, replaces };
}

export type Lookup =
	| { value: string; error: 'invalid' | 'not_found' }
	| { value: string; certificate: NonNullable<Awaited<ReturnType<typeof lookUp>>> };

/**
 * The office's look-up form, as typed: digits only (spaces allowed), else `invalid`; a number
 * the election does not have is `not_found`.
 */
export async function lookUpTyped(slug: string, typed: string, staffId: string): Promise<Lookup> {
	const value = typed.slice(0, 20);
	const digits = value.replace(/\s/g, '');
	if (!/^\d{1,9}$/.test(digits) || Number(digits) < 1) return { value, error: 'invalid' };
	const certificate = await lookUp(slug, Number(digits), staffId);
	return certificate ? { value, certificate } : { value, error: 'not_found' };
}

// ---------------------------------------------------------------------------------------------
// The lists, streamed as CSV.

export type ListKind = 'postal-voters' | 'invalid';

/** Rows per page or cursor batch: memory holds about one batch, whatever the list's length. */
export const PAGE_SIZE = 2_000;

/**
 * Where the papers go, worked out in SQL: the address of the request that made this certificate
 * (a replacement's delivery address, M 6b(3); a temporarily-abroad voter's post address, M 3(5)),
 * else the registration's correspondence address, else its residential address (MvT §3.5); for
 * a temporarily-abroad voter without a post address, the home address on the request. By e-mail:
 * the address the request gave (M 3(4), M 6b(3)), else the registered one.
 */
function postalVotersQuery(electionId: string, page?: { after: number }) {
	return sql`
		select c.number,
			coalesce(r.surname, h.request #>> '{voter,surname}', i.request #>> '{voter,surname}') as surname,
			coalesce(r.first_names, h.request #>> '{voter,firstNames}', i.request #>> '{voter,firstNames}') as first_names,
			coalesce(r.birth_date::text, h.request #>> '{voter,dateOfBirth}', i.request #>> '{voter,dateOfBirth}') as birth_date,
			d.address,
			case when c.sent_by = 'email' then coalesce(
				nullif(i.request ->> 'deliveryEmail', ''),
				nullif(i.request ->> 'ballotEmail', ''),
				nullif(h.request ->> 'ballotEmail', ''),
				r.email
			) end as email,
			c.sent_by
		from postal_certificates c
		left join registrations r on r.id = c.registration_id
		left join applications h on h.id = c.holder_application_id
		left join applications i on i.id = c.application_id
		cross join lateral (select coalesce(
			nullif(i.request -> 'deliveryAddress', 'null'::jsonb),
			nullif(i.request -> 'postAddress', 'null'::jsonb),
			nullif(h.request -> 'postAddress', 'null'::jsonb),
			r.correspondence_address,
			r.residential_address,
			case when c.sent_by = 'post' then h.request #> '{voter,address}' end
		) as address) d
		where c.election_id = ${electionId}::uuid and c.invalidated_on is null
			${page ? sql`and c.number > ${page.after}` : sql``}
		order by c.number
		${page ? sql`limit ${PAGE_SIZE}` : sql``}`;
}

function invalidQuery(electionId: string, page?: { after: number }) {
	return sql`
		select c.number, c.invalidated_on::text as invalidated_on, c.invalid_reason
		from postal_certificates c
		where c.election_id = ${electionId}::uuid and c.invalidated_on is not null
			${page ? sql`and c.number > ${page.after}` : sql``}
		order by c.number
		${page ? sql`limit ${PAGE_SIZE}` : sql``}`;
}

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

const POSTAL_VOTERS_HEADER = [
	'nummer',
	'achternaam',
	'voornamen',
	'geboortedatum',
	'adres',
	'land',
	'e-mailadres',
	'verzonden_per'
];
const INVALID_HEADER = ['nummer', 'ongeldig_sinds', 'reden', 'grondslag'];

// An address as stored (free lines and a country): its lines joined, for one CSV field.
const addressOf = (value: unknown) => {
	const a = (value ?? {}) as { lines?: unknown; country?: unknown };
	return {
		lines: Array.isArray(a.lines) ? a.lines.map(String).join(', ') : '',
		country: typeof a.country === 'string' ? a.country : ''
	};
};

const postalVoterLine = (row: Row) => {
	const address = addressOf(row.address);
	return csvRow([
		Number(row.number),
		str(row.surname),
		str(row.first_names),
		str(row.birth_date),
		address.lines,
		address.country,
		str(row.email),
		str(row.sent_by)
	]);
};

// Dutch, as the extract goes to the postal voting bureaus: the reason and the article behind it.
const REASON_NL: Record<string, string> = {
	replaced: 'vervangen',
	not_a_voter: 'geen kiezer of overleden',
	stolen: 'ontvreemd of onrechtmatig in omloop'
};

const invalidLine = (row: Row) => {
	const reason = str(row.invalid_reason);
	return csvRow([
		Number(row.number),
		str(row.invalidated_on),
		REASON_NL[reason] ?? reason,
		isInvalidReason(reason) ? INVALID_REASONS[reason].code : ''
	]);
};

/** Keyset pages on (election, number): each page one short indexed query, no transaction held. */
async function* pages(query: (page: { after: number }) => SQL): AsyncGenerator<Row[]> {
	let after = 0;
	for (;;) {
		const rows = rowsOf<Row>(await (await db()).execute(query({ after })));
		if (rows.length > 0) yield rows;
		if (rows.length < PAGE_SIZE) return;
		after = Number(rows.at(-1)!.number);
	}
}

/**
 * The rows of a list in batches. On PostgreSQL one query read through a cursor (postgres.js
 * fetches the next batch only when the stream asks for it): one snapshot for the whole list, and
 * one plan that reads the tables in sequence instead of a million index look-ups. On PGlite, whose
 * one connection must not be held for a slow download, keyset pages instead.
 */
async function batches(electionId: string, list: ListKind): Promise<AsyncIterator<Row[]>> {
	const query = list === 'postal-voters' ? postalVotersQuery : invalidQuery;
	const opened = await database();
	if (opened.driver === 'postgres') {
		const client = (opened.db as unknown as { $client: postgres.Sql }).$client;
		const { sql: text, params } = new PgDialect().sqlToQuery(query(electionId));
		return client
			.unsafe<Row[]>(text, params as postgres.ParameterOrJSON<never>[])
			.cursor(PAGE_SIZE)
			[Symbol.asyncIterator]();
	}
	return pages((page) => query(electionId, page));
}

/**
 * A list as a stream of CSV text: a byte-order mark and the header row, then one batch of rows
 * per pull, so memory stays flat whatever the list's length. Cancelling the stream (the download
 * was abandoned) closes the cursor and frees the connection.
 */
export function stream(electionId: string, list: ListKind): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	const header = list === 'postal-voters' ? POSTAL_VOTERS_HEADER : INVALID_HEADER;
	const line = list === 'postal-voters' ? postalVoterLine : invalidLine;
	let rows: AsyncIterator<Row[]> | undefined;
	let started = false;
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				if (!started) {
					started = true;
					// A byte-order mark, so that spreadsheet programs read the names as UTF-8.
					controller.enqueue(encoder.encode(`\uFEFF${csvRow(header)}`));
					return;
				}
				rows ??= await batches(electionId, list);
				const next = await rows.next();
				if (next.done) controller.close();
				else controller.enqueue(encoder.encode(next.value.map(line).join('')));
			},
			async cancel() {
				await rows?.return?.();
			}
		},
		{ highWaterMark: 0 }
	);
}

/**
 * A list for download by an official: the stream and its file name, after the audit log records
 * who downloaded which list of which election. Null when there is no such election.
 */
export async function download(
	slug: string,
	list: ListKind,
	staffId: string
): Promise<{ filename: string; body: ReadableStream<Uint8Array> } | null> {
	const target = await db();
	const [election] = await target
		.select({ id: elections.id })
		.from(elections)
		.where(eq(elections.slug, slug));
	if (!election) return null;
	await audit.record({
		actor: `staff:${staffId}`,
		action: 'certificates.list_downloaded',
		subject: `election:${slug}`,
		details: { list }
	});
	const name = list === 'postal-voters' ? 'briefstemmers' : 'ongeldige-briefstembewijzen';
	return { filename: `${name}-${slug}.csv`, body: stream(election.id, list) };
}
