/**
 * Builders for the back office's request tests (issue 4 item 8): typed requests as the journeys
 * make them ($lib/journeys/requests), applications holding them (as a receipt leaves them),
 * confirmed drafts carrying one, registered voters and their postal voting certificates.
 *
 * A draft made here holds its request, as JSON, in `answers.fixture.request`: the db specs replace
 * `requestOf` of $lib/server/journeys with one that reads it, so receipt can be tested before (and
 * independently of) the journeys that build requests from real answers.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { requestDueOn, type ElectionType, type IsoDate } from '$lib/domain';
import type {
	ChangeRequest,
	ProxyHolder,
	ReplacementRequest,
	Request,
	RequestVoter,
	TemporarilyAbroadRequest,
	VoteChoiceRequest
} from '$lib/journeys/requests';
import type { Database } from '$lib/server/db';
import {
	applications,
	drafts as draftTable,
	elections,
	type Application,
	type IntakeChecks,
	type ReceiptChannel
} from '$lib/server/db/schema';
import * as drafts from '$lib/server/drafts';
import * as registrations from '$lib/server/registrations';
import { requestElection } from '$lib/server/requests';
import * as register from '$lib/server/requests/register';
import { uniqueSurname } from './casework';

/** The seeded TK election: nomination 1 April 2030, election 15 May 2030, certificates 20 February. */
export const TK_2030 = 'TK-2030';
export const KNI_2027 = 'KNI-2027';

/** Noon in Den Haag on a day in winter time (UTC+1); use for days before 31 March. */
export const noonWinter = (day: IsoDate) => new Date(`${day}T11:00:00Z`);
/** Noon in Den Haag on a day in summer time (UTC+2). */
export const noonSummer = (day: IsoDate) => new Date(`${day}T10:00:00Z`);

/** A voter abroad as a request names them: in Germany, with a surname nobody else has. */
export function voter(over: Partial<RequestVoter> = {}): RequestVoter {
	return {
		surname: uniqueSurname('Van der Berg-Ñúñez'),
		firstNames: 'Anna Maria',
		dateOfBirth: '1985-06-15',
		bsn: null,
		address: { lines: ['Hauptstraße 1', '10115 Berlin'], country: 'DE' },
		email: `anna.${randomBytes(4).toString('hex')}@example.org`,
		phone: null,
		...over
	};
}

export function holder(over: Partial<ProxyHolder> = {}): ProxyHolder {
	return {
		surname: uniqueSurname('De Vries'),
		firstNames: 'Jan',
		dateOfBirth: '1970-02-03',
		address: { lines: ['Lange Voorhout 1', '2514 EA Den Haag'], country: 'NL' },
		...over
	};
}

export const changeRequest = (
	v: RequestVoter,
	changes: ChangeRequest['changes'],
	removal = false
): ChangeRequest => ({ kind: 'change', voter: v, removal, changes });

export const proxyRequest = (
	v: RequestVoter,
	h: ProxyHolder = holder(),
	election = TK_2030
): VoteChoiceRequest => ({ kind: 'proxy', election, voter: v, holder: h });

export const voterPassRequest = (v: RequestVoter, election = TK_2030): VoteChoiceRequest => ({
	kind: 'voter_pass',
	election,
	voter: v
});

export function temporarilyAbroadRequest(
	over: Partial<TemporarilyAbroadRequest> = {}
): TemporarilyAbroadRequest {
	const v = voter({
		address: { lines: ['Oudegracht 10', '3511 AM Utrecht'], country: 'NL' },
		...(over.voter ?? {})
	});
	return {
		kind: 'temporarily_abroad',
		election: TK_2030,
		voter: v,
		homeMunicipality: 'Utrecht',
		abroadFrom: '2030-05-01',
		abroadUntil: '2030-06-01',
		ballotBy: 'email',
		ballotEmail: v.email,
		postAddress: null,
		...over
	};
}

export const replacementRequest = (
	v: RequestVoter,
	over: Partial<ReplacementRequest> = {}
): ReplacementRequest => ({
	kind: 'replacement',
	election: TK_2030,
	voter: v,
	reason: 'lost',
	deliveryBy: 'email',
	deliveryEmail: v.email,
	deliveryAddress: null,
	...over
});

/** The journey whose draft makes a request of this kind. */
export const journeyOf = (request: Request) =>
	request.kind === 'proxy' || request.kind === 'voter_pass' ? 'vote_choice' : request.kind;

/** A reference like the drafts' own (never a real draft's). */
const reference = () => {
	const chars = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
	const part = () =>
		Array.from(randomBytes(4), (b) => chars[b % 32])
			.join('')
			.slice(0, 4);
	return `${part()}-${part()}-${part()}`;
};

export async function electionId(database: Database, slug: string): Promise<string> {
	const [row] = await database.db.select().from(elections).where(eq(elections.slug, slug));
	return row!.id;
}

/**
 * An application as a receipt leaves it: the typed request, its election, the due day the rules
 * give. Inserted directly: the receipt itself is tested on drafts.
 */
export async function receivedRequest(
	database: Database,
	request: Request,
	options: {
		receivedAt?: Date;
		accountId?: string | null;
		locale?: string;
		checks?: IntakeChecks;
		channel?: ReceiptChannel;
	} = {}
): Promise<Application> {
	const receivedAt = options.receivedAt ?? noonWinter('2030-02-01');
	const [election] =
		request.kind === 'change'
			? [null]
			: await database.db.select().from(elections).where(eq(elections.slug, request.election));
	const [row] = await database.db
		.insert(applications)
		.values({
			reference: reference(),
			kind: request.kind,
			request,
			electionId: election?.id ?? null,
			accountId: options.accountId ?? null,
			locale: options.locale ?? 'en',
			answers: {},
			channel: options.channel ?? 'post',
			receivedAt,
			dueOn: requestDueOn(request.kind, receivedAt, election ? requestElection(election) : null),
			checks: options.checks ?? {}
		})
		.returning();
	return row!;
}

/** A confirmed draft of the request's journey, carrying the request for the replaced `requestOf`. */
export async function completedRequestForm(
	database: Database,
	request: Request | null,
	options: { journey?: string; accountId?: string; locale?: string } = {}
) {
	const journey = options.journey ?? (request ? journeyOf(request) : 'vote_choice');
	const { draft } = await drafts.create(
		journey,
		options.locale ?? 'en',
		request ? { fixture: { request: JSON.stringify(request) } } : {}
	);
	const ref = await drafts.complete(draft);
	if (options.accountId) {
		await database.db
			.update(draftTable)
			.set({ accountId: options.accountId })
			.where(eq(draftTable.id, draft.id));
	}
	return { draftId: draft.id, reference: ref };
}

/** A registered voter abroad, as a decision on their registration left them. */
export async function registeredVoter(
	database: Database,
	v: RequestVoter,
	options: {
		types?: Partial<Record<ElectionType, IsoDate>>;
		accountId?: string | null;
		locale?: string;
		correspondence?: { lines: string[]; country: string } | null;
		email?: string | null;
	} = {}
) {
	return registrations.create(
		database.db,
		{
			surname: v.surname,
			firstNames: v.firstNames,
			birthDate: v.dateOfBirth,
			sex: 'female',
			nationality: 'NL',
			residentialAddress: v.address,
			correspondenceAddress: options.correspondence ?? null,
			email: options.email === undefined ? v.email : options.email,
			phone: v.phone,
			bsn: v.bsn,
			locale: options.locale ?? 'en'
		},
		options.types ?? { TK: '2020-01-01', EP: '2020-01-01' },
		options.accountId ?? null
	);
}

/** The regular certificate of a registered voter for an election (M 1(1), M 6). */
export async function certificateOf(database: Database, slug: string, registrationId: string) {
	return register.issueOne(
		{
			electionId: await electionId(database, slug),
			holder: { registrationId },
			sentBy: 'post',
			issuedOn: '2030-02-20'
		},
		database.db
	);
}
