/**
 * What a signed-in voter sees of their own case (KW D 5): whether they are registered, for which
 * types and since when, where the papers go, each application and each decision with its reasons,
 * articles and appeal route, and what happens next with dates. Everything is found through the
 * voter's account: another account's application answers null, never someone else's data.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import {
	amsterdamDay,
	appealRoute,
	isRequestKind,
	requestAppealBasis,
	compareIsoDates,
	computeCutoffs,
	isOverdue,
	nextRegistrationTarget,
	type AppealRoute,
	type ElectionType,
	type IsoDate,
	type Standing
} from '$lib/domain';
import type { Answers } from '$lib/journeys/engine';
import { REGISTRATION, chosenTypes, dateOfBirth } from '$lib/journeys/registration';
import * as clock from '$lib/server/clock';
import * as config from '$lib/server/config';
import { db } from '$lib/server/db';
import {
	applications,
	decisions,
	drafts,
	type Application,
	type Decision,
	type PostalAddress
} from '$lib/server/db/schema';
import * as electionCalendar from '$lib/server/elections';
import type { Election } from '$lib/server/elections';
import * as registrations from '$lib/server/registrations';
import * as uploads from '$lib/server/uploads';

// Completed forms of every journey the office receives (registration and the requests).
const RECEIVABLE = [REGISTRATION, 'change', 'vote_choice', 'temporarily_abroad', 'replacement'];

/** An election a registration or an application counts for, with the dates that follow. */
export type NextElection = {
	slug: string;
	type: ElectionType;
	electionDay: IsoDate;
	provisional: boolean;
	/** KW D 3(2): received by this day, the application counts. */
	registrationCutoff: IsoDate;
	/** KW D 3(3): a change must be received by this day to count. */
	changeCutoff: IsoDate;
	/** KW M 6(3): the postal voting papers go out at the latest on this day. */
	papersBy: IsoDate;
};

export type VoterDecision = {
	id: string;
	/** The application's kind: registration, change, proxy, voter_pass, … */
	kind: string;
	outcome: string;
	decidedOn: IsoDate;
	types: Record<string, string | null>;
	reasons: Decision['reasons'];
	remarks: string;
	appealBy: IsoDate | null;
	/** The appeal route (KW D 8) with the stored last day; null for a question. */
	appeal: AppealRoute | null;
};

export type VoterApplication = {
	id: string;
	reference: string;
	/** registration, change, proxy, voter_pass, temporarily_abroad, replacement. */
	kind: string;
	/** The election a per-election request is about. */
	election: { slug: string; type: ElectionType; electionDay: IsoDate | null } | null;
	status: Application['status'];
	channel: Application['channel'];
	receivedAt: Date;
	dueOn: IsoDate;
	overdue: boolean;
	types: ElectionType[];
	decisions: VoterDecision[];
	/** Undecided: the election it will count for if registered (received by its cut-off). */
	countsFor: NextElection | null;
};

export type VoterRegistration = {
	standing: Standing;
	papersTo: PostalAddress;
	correspondence: boolean;
	/** The next election this registration counts for, with what happens before it. */
	next: NextElection | null;
};

export type VoterStatus = {
	registration: VoterRegistration | null;
	applications: VoterApplication[];
	/** Completed forms linked to the account and not yet received: the voter may upload them. */
	toUpload: { id: string; reference: string; completedAt: Date; journey: string }[];
	/** Where an appeal goes (KW D 8), as one line. */
	appealAddress: string;
	/** Where to answer a question of the office. */
	officeEmail: string;
};

function nextElection(
	calendar: Election[],
	types: ElectionType[],
	receivedAt: Date,
	today: IsoDate,
	dob: IsoDate | undefined
): NextElection | null {
	// Only elections still ahead; of those, the first whose cut-off the receipt met (KW D 3(2)).
	const ahead = calendar
		.filter((e) => e.electionDay !== null && compareIsoDates(e.electionDay, today) >= 0)
		.map((e) => ({ ...e, id: e.slug }));
	const target = nextRegistrationTarget(ahead, types, receivedAt, { dateOfBirth: dob });
	if (!target || !target.election.electionDay) return null;
	const election = target.election;
	const cutoffs = computeCutoffs({
		type: election.type,
		electionDay: election.electionDay!,
		certificatesSentOn: election.certificatesSentOn
	});
	const day = (kind: string) => cutoffs.find((c) => c.kind === kind)!.day;
	return {
		slug: election.slug,
		type: election.type,
		electionDay: election.electionDay!,
		provisional: election.provisional,
		registrationCutoff: target.cutoff.day,
		changeCutoff: day('change'),
		papersBy: election.certificatesSentOn ?? day('certificates_sent')
	};
}

function voterDecision(d: Decision, kind: string, termWeeks: number): VoterDecision {
	const decidedOn = amsterdamDay(d.decidedAt);
	const appeal = d.appealBy ? { ...appealRoute(decidedOn, termWeeks), appealBy: d.appealBy } : null;
	if (appeal) {
		// The day stored with the decision is the one its notice gave; a request's appeal opens
		// through its own article (K 8(4), L 11(4), M 4(5)), as its notice said.
		appeal.points = appeal.points.map((p) =>
			p.code === 'term'
				? { ...p, params: { ...p.params, appealBy: d.appealBy! } }
				: p.code === 'council_of_state' && isRequestKind(kind)
					? { ...p, basis: requestAppealBasis(kind) }
					: p
		);
	}
	return {
		id: d.id,
		kind,
		outcome: d.outcome,
		decidedOn,
		types: d.types,
		reasons: d.reasons,
		remarks: d.remarks,
		appealBy: d.appealBy,
		appeal
	};
}

/** The voter's own case, for the status page. */
export async function statusFor(accountId: string, now = clock.now()): Promise<VoterStatus> {
	const database = await db();
	const today = amsterdamDay(now);
	const [registration, apps, linked, calendar] = await Promise.all([
		registrations.findForAccount(accountId, today),
		database
			.select()
			.from(applications)
			.where(eq(applications.accountId, accountId))
			.orderBy(desc(applications.receivedAt)),
		database
			.select({
				id: drafts.id,
				reference: drafts.reference,
				completedAt: drafts.completedAt,
				journey: drafts.journey
			})
			.from(drafts)
			.leftJoin(applications, eq(applications.reference, drafts.reference))
			.where(
				and(
					eq(drafts.accountId, accountId),
					inArray(drafts.journey, RECEIVABLE),
					isNotNull(drafts.completedAt),
					isNull(applications.id)
				)
			)
			.orderBy(asc(drafts.completedAt)),
		electionCalendar.list()
	]);
	const byApplication = new Map<string, Decision[]>();
	if (apps.length > 0) {
		const rows = await database
			.select()
			.from(decisions)
			.where(
				inArray(
					decisions.applicationId,
					apps.map((a) => a.id)
				)
			)
			.orderBy(desc(decisions.decidedAt));
		for (const row of rows) {
			const list = byApplication.get(row.applicationId!) ?? [];
			list.push(row);
			byApplication.set(row.applicationId!, list);
		}
	}
	const termWeeks = config.appealTermWeeks();

	let registrationView: VoterRegistration | null = null;
	if (registration && registration.registration.status === 'active') {
		const { registration: r, standing } = registration;
		// The application that registered the person: its receipt decides the first election.
		const origin = apps.find((a) =>
			(byApplication.get(a.id) ?? []).some(
				(d) => d.outcome === 'registered' && d.registrationId === r.id
			)
		);
		registrationView = {
			standing,
			papersTo: registrations.postalAddressOf(r),
			correspondence: r.correspondenceAddress !== null,
			next: standing.registered
				? nextElection(
						calendar,
						standing.types.map((t) => t.type),
						origin?.receivedAt ?? r.createdAt,
						today,
						r.birthDate
					)
				: null
		};
	}

	return {
		registration: registrationView,
		applications: apps.map((a) => {
			const answers = a.answers as Answers;
			const request = a.kind !== REGISTRATION;
			const election = a.electionId ? calendar.find((e) => e.id === a.electionId) : undefined;
			const types = request ? (election ? [election.type] : []) : chosenTypes(answers);
			const open = a.status !== 'decided';
			return {
				id: a.id,
				reference: a.reference,
				kind: a.kind,
				election: election
					? { slug: election.slug, type: election.type, electionDay: election.electionDay }
					: null,
				status: a.status,
				channel: a.channel,
				receivedAt: a.receivedAt,
				dueOn: a.dueOn,
				overdue: open && isOverdue(a.dueOn, today),
				types,
				decisions: (byApplication.get(a.id) ?? []).map((d) => voterDecision(d, a.kind, termWeeks)),
				// A registration counts for an election by its receipt (D 3(2)); a request is about one.
				countsFor:
					open && !request
						? nextElection(calendar, types, a.receivedAt, today, dateOfBirth(answers) ?? undefined)
						: null
			};
		}),
		toUpload: linked.map((d) => ({
			id: d.id,
			reference: d.reference!,
			completedAt: d.completedAt!,
			journey: d.journey
		})),
		appealAddress: addressLine(config.councilOfState()),
		officeEmail: config.denHaag().email ?? ''
	};
}

/** One of the voter's own applications with its files; null for anyone else's. */
export async function applicationFor(
	accountId: string,
	applicationId: string,
	now = clock.now()
): Promise<
	| (VoterApplication & { files: uploads.UploadInfo[]; appealAddress: string; officeEmail: string })
	| null
> {
	const status = await statusFor(accountId, now);
	const found = status.applications.find((a) => a.id === applicationId);
	if (!found) return null;
	return {
		...found,
		files: await uploads.list(found.id),
		appealAddress: status.appealAddress,
		officeEmail: status.officeEmail
	};
}

const addressLine = (a: config.Address) => [a.name, ...a.lines].join(', ');

/** One of the voter's own uploads, decrypted; null for anyone else's or a deleted one. */
export async function uploadFor(
	accountId: string,
	applicationId: string,
	uploadId: string
): Promise<{ bytes: Buffer; mediaType: string; kind: string } | null> {
	// A malformed id matches nothing (PostgreSQL would raise on the cast instead).
	if (!UUID.test(applicationId)) return null;
	const [owned] = await (
		await db()
	)
		.select({ id: applications.id })
		.from(applications)
		.where(and(eq(applications.accountId, accountId), eq(applications.id, applicationId)))
		.limit(1);
	if (!owned) return null;
	const file = await uploads.read(uploadId);
	if (!file || file.applicationId !== owned.id) return null;
	return { bytes: file.bytes, mediaType: file.mediaType, kind: file.kind };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
