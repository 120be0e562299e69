/**
 * The office's side of the requests besides registrations (issue 4 item 8): a change of the
 * registration or removal on request (KW D 3(3), D 7(1)), a proxy (L 9–L 11), a voter pass
 * (K 7, K 8), a postal vote for a resident temporarily abroad (M 3, M 4) and a replacement postal
 * voting certificate (M 6b).
 *
 * Each arrives as an application whose `request` is the typed request the voter's journey made
 * ($lib/journeys/requests): the office never reads a journey's steps. The decider links the
 * voter's registration (the status search), sees the facts the rules need (the certificate
 * register, earlier proxies and voter passes, the holder's proxies), and decides with the domain's
 * rules ($lib/domain/request-decisions). A decision is ONE transaction with everything that
 * follows from it: the decision row (with the registration and the election), the change to the
 * registration, the certificate issued or replaced, the notices (the voter; the proxy holder,
 * L 11(3); the home municipality, M 4(4)), the application's status and the audit entry.
 */
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import {
	amsterdamDay,
	appealRoute,
	ballotSentBy,
	compareIsoDates,
	isLate,
	isOverdue,
	lookupKey,
	requestNominationDay,
	planRequestDecision,
	proposeRequestDecision,
	proxyDecisionBlocked,
	refusalCodesFor,
	registrationStartsOn,
	replacementSentBy,
	requestCutoff,
	requestDueOn,
	typeChanges,
	REQUEST_OUTCOMES,
	type ElectionRequestKind,
	type ElectionType,
	type IsoDate,
	type RequestCase,
	type RequestChoice,
	type RequestDecisionError,
	type RequestElection,
	type RequestOutcome,
	type RequestProposal,
	type RequestRefusalCode
} from '$lib/domain';
import type { Answers } from '$lib/journeys/engine';
import { isApplicationKind, type ApplicationKind, type Request } from '$lib/journeys/requests';
import * as audit from '$lib/server/audit';
import * as clock from '$lib/server/clock';
import * as config from '$lib/server/config';
import * as crypto from '$lib/server/crypto';
import { db, type Db } from '$lib/server/db';
import {
	applications,
	decisions,
	elections,
	registrations as registrationTable,
	type Application,
	type Decision,
	type Election,
	type PostalAddress,
	type PostalCertificate,
	type Registration,
	type RegistrationType
} from '$lib/server/db/schema';
import { requestOf } from '$lib/server/journeys';
import * as mail from '$lib/server/mail';
import * as notices from '$lib/server/notices';
import { holderNotice, municipalityNotice } from '$lib/server/notices/parties';
import * as registrations from '$lib/server/registrations';
import * as status from '$lib/server/status';
import * as uploads from '$lib/server/uploads';
import * as register from './register';

export * as register from './register';
export { errorField, readDecision, type DecisionForm } from './forms';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const staffActor = (id: string) => `staff:${id}`;
const subjectOf = (reference: string) => `application:${reference}`;

/** The journeys whose confirmed drafts the office receives as requests, and their kind. */
export const REQUEST_JOURNEYS = ['change', 'vote_choice', 'temporarily_abroad', 'replacement'];

export const requestElection = (e: Election): RequestElection => ({
	slug: e.slug,
	type: e.type,
	electionDay: e.electionDay,
	nominationDay: e.nominationDay,
	certificatesSentOn: e.certificatesSentOn
});

const electionOf = (request: Request): string | null =>
	request.kind === 'change' ? null : request.election;

async function electionBySlug(tx: Db, slug: string): Promise<Election | null> {
	const [row] = await tx.select().from(elections).where(eq(elections.slug, slug)).limit(1);
	return row ?? null;
}

async function electionById(tx: Db, id: string | null): Promise<Election | null> {
	if (!id) return null;
	const [row] = await tx.select().from(elections).where(eq(elections.id, id)).limit(1);
	return row ?? null;
}

// ---------------------------------------------------------------------------
// Receipt

export type Receipt = {
	kind: ApplicationKind;
	request: Request;
	electionId: string | null;
	dueOn: IsoDate;
};

/**
 * What an application made from a confirmed draft of one of the request journeys holds: its kind
 * (a vote-choice draft is a proxy or a voter pass), the typed request (fixed at receipt), the
 * election and the due day (request-decisions.ts `requestDueOn`). Null when the draft makes no
 * complete request or names an election the calendar does not have.
 */
export async function receiptOf(
	tx: Db,
	draft: { journey: string; answers: Answers },
	receivedAt: Date
): Promise<Receipt | null> {
	const request = requestOf(draft.journey, draft.answers);
	if (!request || !isApplicationKind(request.kind)) return null;
	const slug = electionOf(request);
	const election = slug ? await electionBySlug(tx, slug) : null;
	if (slug && !election) return null;
	return {
		kind: request.kind,
		request,
		electionId: election?.id ?? null,
		dueOn: requestDueOn(request.kind, receivedAt, election ? requestElection(election) : null)
	};
}

/** The kind of request a confirmed draft makes (a vote-choice draft: proxy or voter pass). */
export function requestKindOf(journey: string, answers: Answers): ApplicationKind | null {
	const request = requestOf(journey, answers);
	return request && isApplicationKind(request.kind) ? request.kind : null;
}

// ---------------------------------------------------------------------------
// The facts a decision rests on

// What a change can change in the registration (KB D 4(a)).
const CHANGE_FIELDS = [
	'residentialAddress',
	'correspondenceAddress',
	'email',
	'phone',
	'name',
	'electionTypes'
] as const satisfies readonly (keyof registrations.RegistrationChange)[];

/** The registration the decider linked, as the page shows it. */
export type LinkedRegistration = {
	id: string;
	surname: string;
	firstNames: string;
	birthDate: IsoDate;
	status: Registration['status'];
	residentialAddress: PostalAddress;
	correspondenceAddress: PostalAddress | null;
	email: string | null;
	phone: string | null;
	locale: string;
	types: { type: ElectionType; startsOn: IsoDate; endedOn: IsoDate | null }[];
};

export type CertificateView = {
	id: string;
	number: number;
	issuedOn: IsoDate;
	sentBy: string;
	valid: boolean;
	registrationId: string | null;
};

const certificateView = (c: PostalCertificate): CertificateView => ({
	id: c.id,
	number: c.number,
	issuedOn: c.issuedOn,
	sentBy: c.sentBy,
	valid: c.invalidatedOn === null,
	registrationId: c.registrationId
});

type Facts = {
	kase: RequestCase;
	linked: LinkedRegistration | null;
	locked: { registration: Registration; types: RegistrationType[] } | null;
	certificate: PostalCertificate | null;
	/** A number typed that names no certificate of this election (or another voter's). */
	certificateUnknown: boolean;
};

const linkedOf = (r: Registration, types: RegistrationType[]): LinkedRegistration => ({
	id: r.id,
	surname: r.surname,
	firstNames: r.firstNames,
	birthDate: r.birthDate,
	status: r.status,
	residentialAddress: r.residentialAddress,
	correspondenceAddress: r.correspondenceAddress,
	email: r.email,
	phone: r.phone,
	locale: r.locale,
	types: types.map((t) => ({ type: t.type, startsOn: t.startsOn, endedOn: t.endedOn }))
});

/** Kinds of the requests granted to this registration for this election (K 8(2), L 10(b)). */
async function grantedKinds(tx: Db, registrationId: string, electionId: string): Promise<string[]> {
	const rows = await tx
		.select({ kind: applications.kind })
		.from(decisions)
		.innerJoin(applications, eq(applications.id, decisions.applicationId))
		.where(
			and(
				eq(decisions.registrationId, registrationId),
				eq(decisions.electionId, electionId),
				eq(decisions.outcome, 'granted')
			)
		);
	return rows.map((r) => r.kind);
}

/**
 * KW L 4: how many proxies the named holder already accepted for this election: granted proxy
 * requests naming a holder with the same date of birth and (normalised) surname.
 */
async function holderProxies(
	tx: Db,
	electionId: string,
	holder: { surname: string; dateOfBirth: IsoDate },
	exceptApplication: string
): Promise<number> {
	const rows = await tx
		.select({ request: applications.request })
		.from(applications)
		.innerJoin(decisions, eq(decisions.applicationId, applications.id))
		.where(
			and(
				eq(applications.kind, 'proxy'),
				eq(applications.electionId, electionId),
				ne(applications.id, exceptApplication),
				eq(decisions.outcome, 'granted'),
				sql`${applications.request}->'holder'->>'dateOfBirth' = ${holder.dateOfBirth}`
			)
		);
	// The lookup key normalises a surname as the status search does (diacritics, case, spaces).
	const key = (surname: string) => lookupKey(surname, holder.dateOfBirth, 'NL');
	return rows.filter((r) => {
		const other = r.request?.kind === 'proxy' ? r.request.holder : null;
		return other !== null && key(other.surname) === key(holder.surname);
	}).length;
}

async function gather(
	tx: Db,
	application: Application,
	request: Request,
	election: Election | null,
	link: { registrationId: string | null; certificateNumber: number | null },
	lock: boolean
): Promise<Facts> {
	let locked: Facts['locked'] = null;
	if (link.registrationId && UUID.test(link.registrationId)) {
		locked = await registrations.loadWithTypes(tx, link.registrationId, lock);
	}
	const linked = locked ? linkedOf(locked.registration, locked.types) : null;
	let certificate: PostalCertificate | null = null;
	let certificateUnknown = false;
	const kinds = linked && election ? await grantedKinds(tx, linked.id, election.id) : [];
	if (election && link.certificateNumber !== null) {
		certificate = await register.findByNumber(election.slug, link.certificateNumber, tx);
		// Another voter's certificate is not this voter's to replace.
		if (certificate && linked && certificate.registrationId !== linked.id) certificate = null;
		certificateUnknown = certificate === null;
	} else if (election && linked) {
		certificate = await register.current(election.id, { registrationId: linked.id }, tx);
	}
	const valid = certificate !== null && certificate.invalidatedOn === null;
	const kase: RequestCase = {
		kind: request.kind,
		election: election ? requestElection(election) : null,
		receivedAt: application.receivedAt,
		registration: locked
			? {
					active: locked.registration.status === 'active' && !locked.registration.deceasedOn,
					types: locked.types.map((t) => ({
						type: t.type,
						startsOn: t.startsOn,
						endedOn: t.endedOn
					})),
					birthDate: locked.registration.birthDate
				}
			: null,
		certificateIssued: valid,
		proxyGranted: kinds.includes('proxy'),
		voterPassGranted: kinds.includes('voter_pass'),
		holderProxies:
			request.kind === 'proxy' && election
				? await holderProxies(tx, election.id, request.holder, application.id)
				: 0,
		residence: request.voter.address.country,
		checks: application.checks
	};
	if (request.kind === 'temporarily_abroad') {
		kase.abroadFrom = request.abroadFrom;
		kase.abroadUntil = request.abroadUntil;
		kase.birthDate = request.voter.dateOfBirth;
		kase.delivery = { by: ballotSentBy(request.ballotBy, request.ballotEmail), caribbean: false };
	}
	if (request.kind === 'replacement') {
		const country = linked?.residentialAddress.country ?? request.voter.address.country;
		kase.delivery = replacementSentBy(request.deliveryBy, request.deliveryEmail, country);
	}
	if (request.kind === 'change') {
		kase.change = {
			removal: request.removal,
			// Only the registration's data counts: the declarations go with a change of types.
			empty: CHANGE_FIELDS.every((k) => request.changes[k] === undefined)
		};
		const held = linked?.types.filter((t) => t.endedOn === null).map((t) => t.type) ?? [];
		const calendar = await tx.select().from(elections);
		kase.upcoming = calendar
			.filter((e) => e.electionDay !== null && held.includes(e.type))
			.map((e) => ({ type: e.type, electionDay: e.electionDay! }));
	}
	return { kase, linked, locked, certificate, certificateUnknown };
}

// ---------------------------------------------------------------------------
// The application page

export type Candidate = status.office.Found & {
	/** Why it is offered: the voter's account, the BSN on the request, or name and date of birth. */
	via: ('account' | 'bsn' | 'name')[];
};

export type RequestView = {
	application: Application;
	request: Request;
	election: (RequestElection & { id: string; nominationDay: IsoDate | null }) | null;
	uploads: uploads.UploadInfo[];
	decisions: Decision[];
	/** The search the decider made (by default the request's own surname and date of birth). */
	query: { surname: string; birthDate: IsoDate };
	candidates: Candidate[];
	linked: LinkedRegistration | null;
	certificate: CertificateView | null;
	certificateNumber: string;
	certificateUnknown: boolean;
	/** The cut-off the law sets for the request's kind, and whether it was missed. */
	cutoff: { day: IsoDate; late: boolean; basis: { code: string; url: string }[] } | null;
	facts: Pick<
		RequestCase,
		'certificateIssued' | 'proxyGranted' | 'voterPassGranted' | 'holderProxies'
	>;
	proposal: RequestProposal;
	/** KW L 11(1): a proxy before nomination day: no decision yet, and from when one may be made. */
	blocked: { from: IsoDate | null } | null;
	outcomes: readonly RequestOutcome[];
	refusalCodes: RequestRefusalCode[];
	overdue: boolean;
};

export type OpenOptions = {
	/**
	 * Whether this member of staff links registrations (a decider): only then are candidates
	 * searched and a registration named in the query shown. A clerk sees the one a decision named.
	 */
	search?: boolean;
	/** The search typed by the decider; else the request's own name and date of birth. */
	query?: { surname: string; birthDate: IsoDate } | null;
	registrationId?: string | null;
	certificateNumber?: string | null;
	now?: Date;
};

const parseNumber = (typed: string | null | undefined): number | null => {
	const t = (typed ?? '').replace(/[\s.]/g, '');
	return /^\d{1,9}$/.test(t) ? Number(t) : null;
};

/**
 * One request application for a member of staff, with the candidates for its registration and
 * the facts of the linked one. The view, and the search, are audited (reads of personal data).
 * Null for an unknown id or an application that is not a request.
 */
export async function open(
	applicationId: string,
	staffId: string,
	options: OpenOptions = {}
): Promise<RequestView | null> {
	if (!UUID.test(applicationId)) return null;
	const database = await db();
	const [application] = await database
		.select()
		.from(applications)
		.where(eq(applications.id, applicationId))
		.limit(1);
	if (!application?.request || application.kind === 'registration') return null;
	const request = application.request;
	const now = options.now ?? clock.now();
	const day = amsterdamDay(now);
	const election = await electionById(database, application.electionId);
	await audit.record({
		actor: staffActor(staffId),
		action: 'application.viewed',
		subject: subjectOf(application.reference)
	});
	const query = options.query ?? {
		surname: request.voter.surname,
		birthDate: request.voter.dateOfBirth
	};
	const search = options.search ?? true;
	const candidates = search ? await candidatesFor(application, request, query, staffId, now) : [];
	const certificateNumber = parseNumber(options.certificateNumber);
	const [files, history] = await Promise.all([
		uploads.list(application.id),
		database
			.select()
			.from(decisions)
			.where(eq(decisions.applicationId, application.id))
			.orderBy(desc(decisions.decidedAt))
	]);
	// Once decided (or asked), the registration the decision named stays linked on the page.
	const registrationId =
		(search ? options.registrationId : null) ?? history[0]?.registrationId ?? null;
	const facts = await gather(
		database,
		application,
		request,
		election,
		{ registrationId, certificateNumber },
		false
	);
	const kind = request.kind;
	const cutoff =
		kind !== 'change' && election ? requestCutoff(kind as ElectionRequestKind, election) : null;
	return {
		application,
		request,
		election: election
			? {
					...requestElection(election),
					id: election.id,
					nominationDay: requestNominationDay(requestElection(election))
				}
			: null,
		uploads: files,
		decisions: history,
		query,
		candidates,
		linked: facts.linked,
		certificate: facts.certificate ? certificateView(facts.certificate) : null,
		certificateNumber: options.certificateNumber ?? '',
		certificateUnknown: facts.certificateUnknown,
		cutoff:
			cutoff && election
				? {
						day: cutoff.day,
						late: isLate(kind as ElectionRequestKind, election, application.receivedAt),
						basis: cutoff.basis
					}
				: null,
		facts: {
			certificateIssued: facts.kase.certificateIssued,
			proxyGranted: facts.kase.proxyGranted,
			voterPassGranted: facts.kase.voterPassGranted,
			holderProxies: facts.kase.holderProxies
		},
		proposal: proposeRequestDecision(facts.kase, day),
		blocked:
			kind === 'proxy' && election
				? (proxyDecisionBlocked(requestElection(election), day) ?? null)
				: null,
		outcomes: REQUEST_OUTCOMES[kind],
		refusalCodes: refusalCodesFor(kind),
		overdue: application.status !== 'decided' && isOverdue(application.dueOn, day)
	};
}

/**
 * The registrations the request may be about: the voter's account's, the one the BSN on the
 * request points to (its blind index), and every registration with the surname and date of birth
 * searched for, in any country. A temporarily-abroad request has none: its voter lives in the
 * Netherlands (M 1(2)) and is not in this registration.
 */
async function candidatesFor(
	application: Application,
	request: Request,
	query: { surname: string; birthDate: IsoDate },
	staffId: string,
	now: Date
): Promise<Candidate[]> {
	if (request.kind === 'temporarily_abroad') return [];
	const database = await db();
	const byAccount = application.accountId
		? await database
				.select({ id: registrationTable.id })
				.from(registrationTable)
				.where(eq(registrationTable.accountId, application.accountId))
		: [];
	const byBsn = request.voter.bsn
		? await database
				.select({ id: registrationTable.id })
				.from(registrationTable)
				.where(eq(registrationTable.bsnIndex, crypto.blindIndex(request.voter.bsn)))
		: [];
	const found = await status.office.findRegistrations(
		{ ...query, ids: [...byAccount, ...byBsn].map((r) => r.id) },
		request.voter.firstNames,
		subjectOf(application.reference),
		{ accountId: staffId },
		now
	);
	const accountIds = new Set(byAccount.map((r) => r.id));
	const bsnIds = new Set(byBsn.map((r) => r.id));
	const wanted = (r: status.office.Found) =>
		lookupKey(r.surname, r.birthDate, 'NL') === lookupKey(query.surname, query.birthDate, 'NL');
	return found
		.map((r) => ({
			...r,
			via: [
				...(accountIds.has(r.id) ? ['account' as const] : []),
				...(bsnIds.has(r.id) ? ['bsn' as const] : []),
				...(wanted(r) ? ['name' as const] : [])
			]
		}))
		.sort((a, b) => b.via.length - a.via.length || Number(b.namesFit) - Number(a.namesFit));
}

// ---------------------------------------------------------------------------
// Deciding

export type DecideInput = RequestChoice & {
	/** The registration the decider linked (change, proxy, voter pass, replacement). */
	registrationId: string | null;
	/** Replacement: the number of the certificate to replace, if the decider typed one. */
	certificateNumber: string | null;
};

export type DecideError =
	| RequestDecisionError
	| 'not_found'
	| 'already_decided'
	| 'registration_not_found'
	| 'certificate_not_found';

export type DecideResult = { ok: true; decision: Decision } | { ok: false; error: DecideError };

class Abort extends Error {
	constructor(readonly reason: DecideError) {
		super(reason);
	}
}

/**
 * Decides a request, in ONE transaction: the decision (outcome, reasons with their articles,
 * notes, the registration, the election, the appeal day), its effects (the registration changed
 * or removed; a certificate issued to a resident temporarily abroad, M 4; a certificate replaced,
 * M 6b, M 5(2)(a)), the voter's notice in their language, the holder's letter (L 11(3)), the home
 * municipality's notice (M 4(4)), the application's status and the audit entry. A decided
 * application is not decided again; a question leaves it waiting for the voter.
 */
export async function decide(
	applicationId: string,
	input: DecideInput,
	staffId: string,
	now = clock.now()
): Promise<DecideResult> {
	if (!UUID.test(applicationId)) return { ok: false, error: 'not_found' };
	if (input.registrationId !== null && !UUID.test(input.registrationId)) {
		return { ok: false, error: 'registration_not_found' };
	}
	try {
		const decision = await (
			await db()
		).transaction(async (t) => {
			const tx = t as unknown as Db;
			// The row lock makes two deciders at once take turns: the second sees 'decided'.
			const [application] = await tx
				.select()
				.from(applications)
				.where(eq(applications.id, applicationId))
				.for('update');
			if (!application?.request || application.kind === 'registration') {
				throw new Abort('not_found');
			}
			if (application.status === 'decided') throw new Abort('already_decided');
			return decideIn(tx, application, application.request, input, staffId, now);
		});
		return { ok: true, decision };
	} catch (error) {
		if (error instanceof Abort) return { ok: false, error: error.reason };
		throw error;
	}
}

async function decideIn(
	tx: Db,
	application: Application,
	request: Request,
	input: DecideInput,
	staffId: string,
	now: Date
): Promise<Decision> {
	const day = amsterdamDay(now);
	const election = await electionById(tx, application.electionId);
	const certificateNumber = parseNumber(input.certificateNumber);
	if (input.certificateNumber?.trim() && certificateNumber === null) {
		throw new Abort('certificate_not_found');
	}
	const facts = await gather(
		tx,
		application,
		request,
		election,
		{ registrationId: input.registrationId, certificateNumber },
		true
	);
	if (input.registrationId && !facts.locked) throw new Abort('registration_not_found');
	if (facts.certificateUnknown) throw new Abort('certificate_not_found');
	const result = planRequestDecision(facts.kase, input, day);
	if (!result.ok) throw new Abort(result.error);
	const { plan } = result;

	// Effects on the registration and the certificate register.
	let types: Record<string, string | null> = {};
	let registration = facts.locked?.registration ?? null;
	const certificates: { issued?: string; replaced?: string } = {};
	if (request.kind === 'change' && facts.locked) {
		if (plan.outcome === 'removed') {
			({ registration, types } = await registrations.removeOnRequest(tx, facts.locked, day));
		} else if (plan.outcome === 'changed') {
			const asked = request.changes.electionTypes;
			const startsOn = registrationStartsOn(facts.locked.registration.birthDate, day) ?? day;
			const held = facts.locked.types.map((t) => ({
				type: t.type,
				startsOn: t.startsOn,
				endedOn: t.endedOn
			}));
			const typePlan = asked
				? typeChanges(held, asked, compareIsoDates(startsOn, day) > 0 ? startsOn : day, day)
				: { start: [], end: [] };
			({ registration, types } = await registrations.applyChange(
				tx,
				facts.locked,
				request.changes,
				typePlan,
				day
			));
		}
	}
	if (plan.outcome === 'granted' && election && request.kind === 'temporarily_abroad') {
		// KW M 1(2), M 4: the resident temporarily abroad gets a numbered certificate (M 6(2)).
		const issued = await register.issueOne(
			{
				electionId: election.id,
				holder: { applicationId: application.id },
				applicationId: application.id,
				sentBy: ballotSentBy(request.ballotBy, request.ballotEmail),
				issuedOn: day,
				staffId
			},
			tx
		);
		certificates.issued = issued.id;
	}
	if (plan.outcome === 'granted' && request.kind === 'replacement') {
		try {
			const { issued } = await register.replace(
				{
					oldId: facts.certificate!.id,
					applicationId: application.id,
					sentBy: facts.kase.delivery!.by,
					issuedOn: day,
					staffId
				},
				tx
			);
			certificates.replaced = facts.certificate!.id;
			certificates.issued = issued.id;
		} catch (error) {
			// Replaced a moment ago by another decision: the register says it is no longer valid.
			if (error instanceof register.CertificateError) throw new Abort('certificate_not_found');
			throw error;
		}
	}

	// The decision, with its reasons and notes as the notice states them.
	const stored = [...plan.reasons, ...plan.notes].map((r) => ({
		code: r.code,
		...(r.params ? { params: r.params } : {}),
		basis: r.basis.map((b) => ({ code: b.code, url: b.url }))
	}));
	const appealBy =
		plan.outcome === 'asked' ? null : appealRoute(day, config.appealTermWeeks()).appealBy;
	const addressee = addresseeOf(
		request,
		registration,
		facts.locked?.registration ?? null,
		application.locale
	);
	const registrationId =
		facts.locked?.registration.id ??
		(request.kind === 'replacement' ? (facts.certificate?.registrationId ?? null) : null);
	const [row] = await tx
		.insert(decisions)
		.values({
			origin: 'application',
			outcome: plan.outcome,
			applicationId: application.id,
			registrationId,
			electionId: election?.id ?? null,
			types,
			reasons: stored,
			remarks: plan.question,
			decidedBy: staffId,
			decidedAt: now,
			appealBy,
			notice: notices.channelFor(addressee),
			locale: application.locale
		})
		.returning();
	const decision = row as Decision;
	const noticeRequest: notices.NoticeRequest = {
		kind: request.kind,
		election: election ? { type: election.type, electionDay: election.electionDay } : null
	};
	await notices.notify(
		tx,
		{
			id: decision.id,
			outcome: decision.outcome,
			decidedOn: day,
			reference: application.reference,
			types,
			reasons: stored,
			remarks: decision.remarks,
			appealBy,
			request: noticeRequest
		},
		addressee
	);

	// The others the decision concerns.
	const sent: string[] = [];
	if (election && (plan.outcome === 'granted' || plan.outcome === 'refused')) {
		const party = {
			id: decision.id,
			outcome: plan.outcome,
			decidedOn: day,
			reference: application.reference,
			reasons: stored,
			election: { type: election.type, electionDay: election.electionDay }
		};
		if (request.kind === 'proxy') {
			// KW L 11(3): the holder is told of the decision, whatever it is.
			await mail.enqueue(holderNotice(party, request.holder, request.voter), tx);
			sent.push('holder');
		}
		if (request.kind === 'temporarily_abroad') {
			// KW M 4(4): the mayor of the home municipality, which then sends no polling card (M 2).
			await mail.enqueue(municipalityNotice(party, request.homeMunicipality, request.voter), tx);
			sent.push('municipality');
		}
	}

	const decided = plan.outcome !== 'asked';
	await tx
		.update(applications)
		.set({
			status: decided ? 'decided' : 'awaiting_voter',
			decidedAt: decided ? now : null,
			updatedAt: sql`now()`
		})
		.where(eq(applications.id, application.id));
	if (decided) await uploads.scheduleDeletion(application.id, now, tx);

	await audit.record(
		{
			actor: staffActor(staffId),
			action: 'decision.made',
			subject: subjectOf(application.reference),
			details: {
				decision: decision.id,
				kind: request.kind,
				election: election?.slug ?? null,
				outcome: decision.outcome,
				reasons: stored.map((r) => r.code),
				registration: registrationId,
				types,
				certificates,
				notice: decision.notice,
				others: sent
			}
		},
		tx
	);
	return decision;
}

/**
 * Whom the voter's notice goes to: e-mail where the request or the registration gives one, else a
 * letter to where papers go (the correspondence address, MvT §3.5) or the address on the request.
 * After a change, the registration as changed (a new e-mail address gets the notice).
 */
function addresseeOf(
	request: Request,
	after: Registration | null,
	before: Registration | null,
	locale: string
): notices.NoticePerson {
	const record = after ?? before;
	const requestEmail =
		request.kind === 'temporarily_abroad'
			? (request.voter.email ?? request.ballotEmail)
			: request.kind === 'replacement'
				? (request.voter.email ?? request.deliveryEmail)
				: request.voter.email;
	const changedEmail =
		request.kind === 'change' && request.changes.email !== undefined
			? request.changes.email
			: undefined;
	const letterTo =
		request.kind === 'replacement' && request.deliveryAddress ? request.deliveryAddress : null;
	return {
		firstNames: record?.firstNames ?? request.voter.firstNames,
		surname: record?.surname ?? request.voter.surname,
		email: changedEmail ?? requestEmail ?? record?.email ?? null,
		residentialAddress: letterTo ?? record?.residentialAddress ?? request.voter.address,
		correspondenceAddress: letterTo ? null : (record?.correspondenceAddress ?? null),
		locale,
		deceasedOn: record?.deceasedOn ?? null
	};
}
