/**
 * Casework: applications received by Den Haag, checked and decided within 7 days (KB D 6, D 9).
 *
 * An application exists from the moment of receipt (an upload, or the office recording a paper
 * form by its reference) and is a snapshot of the answers on the form. A decision is made in ONE
 * transaction with everything that follows from it: the decision row, the registration, the
 * application's status, the notice in the outbox, the uploads' deletion date and the audit entry.
 * Every office read of a person's data is audited too.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import {
	amsterdamDay,
	appealRoute,
	applicationDueOn,
	isOverdue,
	planDecision,
	proposeDecision,
	registrationStartsOn,
	type ApplicationCase,
	type DecisionChoice,
	type DecisionError,
	type ElectionType,
	type IsoDate,
	type Proposal
} from '$lib/domain';
import type { Answers } from '$lib/journeys/engine';
import { REGISTRATION, chosenTypes, factsOf } from '$lib/journeys/registration';
import type { Request } from '$lib/journeys/requests';
import { message } from '$lib/i18n';
import * as audit from '$lib/server/audit';
import * as config from '$lib/server/config';
import { db, type Db } from '$lib/server/db';
import {
	applications,
	decisions,
	drafts,
	elections,
	type Application,
	type Decision,
	type Draft,
	type IntakeChecks,
	type ReceiptChannel
} from '$lib/server/db/schema';
import * as notices from '$lib/server/notices';
import { requestOf } from '$lib/server/journeys';
import * as registrations from '$lib/server/registrations';
import * as requests from '$lib/server/requests';
import * as uploads from '$lib/server/uploads';
import { normaliseReference } from './reference';

export { normaliseReference } from './reference';
export * as forms from './forms';
export {
	applicationFor,
	statusFor,
	uploadFor,
	type NextElection,
	type VoterApplication,
	type VoterDecision,
	type VoterRegistration,
	type VoterStatus
} from './voter';
export type { Application, Decision, IntakeChecks, ReceiptChannel };

export const RECEIPT_CHANNELS: readonly ReceiptChannel[] = Object.freeze([
	'upload',
	'email',
	'post',
	'consular_post',
	'representation',
	'minister'
]);

const staffActor = (id: string) => `staff:${id}`;
const subjectOf = (reference: string) => `application:${reference}`;
const today = (now = new Date()): IsoDate => amsterdamDay(now);

function isUuid(value: string): boolean {
	return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

// ---------------------------------------------------------------------------
// Finding and receiving

export type Found =
	{ kind: 'application'; application: Application } | { kind: 'draft'; draft: Draft };

// The journeys whose signed forms Den Haag receives: the registration (KW D 3) and the requests
// of issue 4 (a change, a proxy or voter pass, a postal vote temporarily abroad, a replacement).
const RECEIVABLE = [REGISTRATION, ...requests.REQUEST_JOURNEYS];

async function completedDraft(tx: Db, reference: string): Promise<Draft | null> {
	const [draft] = await tx
		.select()
		.from(drafts)
		.where(
			and(
				eq(drafts.reference, reference),
				inArray(drafts.journey, RECEIVABLE),
				isNotNull(drafts.completedAt)
			)
		)
		.limit(1);
	return draft ?? null;
}

async function applicationByReference(tx: Db, reference: string): Promise<Application | null> {
	const [row] = await tx
		.select()
		.from(applications)
		.where(eq(applications.reference, reference))
		.limit(1);
	return row ?? null;
}

/**
 * An application already received under this reference, or else the completed form (draft) that
 * carries it; null when neither exists. The reference may be typed in any case, with or without
 * dashes.
 */
export async function findByReference(input: string): Promise<Found | null> {
	const reference = normaliseReference(input);
	if (!reference) return null;
	const database = await db();
	const application = await applicationByReference(database, reference);
	if (application) return { kind: 'application', application };
	const draft = await completedDraft(database, reference);
	return draft ? { kind: 'draft', draft } : null;
}

export type ReceiveInput = {
	reference: string;
	channel: ReceiptChannel;
	receivedAt: Date;
	/** The clerk who records a paper or e-mailed form; absent for the voter's own upload. */
	staffId?: string | null;
	/** The voter who uploads; the application is theirs in any case through the draft. */
	voterId?: string | null;
};

export type ReceiveError = 'not_found' | 'in_future' | 'before_form' | 'incomplete';
export type ReceiveResult =
	{ ok: true; application: Application; created: boolean } | { ok: false; error: ReceiveError };

// A clock a little ahead on another app process must not turn a receipt into "the future".
const CLOCK_SKEW_MS = 5 * 60 * 1000;

async function receiveIn(tx: Db, input: ReceiveInput): Promise<ReceiveResult> {
	const reference = normaliseReference(input.reference);
	if (!reference) return { ok: false, error: 'not_found' };
	// Idempotent per reference: a form recorded twice (a double click, a scan and the paper
	// original) stays one application with its first receipt (KB D 9 counts from that).
	const existing = await applicationByReference(tx, reference);
	if (existing) return { ok: true, application: existing, created: false };
	const draft = await completedDraft(tx, reference);
	if (!draft) return { ok: false, error: 'not_found' };
	if (input.receivedAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
		return { ok: false, error: 'in_future' };
	}
	// The form cannot have arrived before it was made.
	if (today(input.receivedAt) < today(draft.completedAt!))
		return { ok: false, error: 'before_form' };
	// A request (issue 4) carries its kind, its typed request and its election from the receipt on,
	// and its own due day (request-decisions.ts); a registration is due in 7 days (KB D 9).
	const receipt =
		draft.journey === REGISTRATION
			? null
			: await requests.receiptOf(
					tx,
					draft as { journey: string; answers: Answers },
					input.receivedAt
				);
	if (draft.journey !== REGISTRATION && !receipt) return { ok: false, error: 'incomplete' };
	const dueOn = receipt?.dueOn ?? applicationDueOn(input.receivedAt);
	const [row] = await tx
		.insert(applications)
		.values({
			reference,
			kind: receipt?.kind ?? REGISTRATION,
			request: receipt?.request ?? null,
			electionId: receipt?.electionId ?? null,
			draftId: draft.id,
			// KW D 5: a paper form is linked to the voter's account through its reference.
			accountId: draft.accountId,
			locale: draft.locale,
			answers: draft.answers,
			channel: input.channel,
			receivedAt: input.receivedAt,
			dueOn,
			receivedBy: input.staffId ?? null
		})
		.onConflictDoNothing({ target: applications.reference })
		.returning();
	if (!row) {
		// Another process recorded it a moment ago.
		const other = await applicationByReference(tx, reference);
		return other
			? { ok: true, application: other, created: false }
			: { ok: false, error: 'not_found' };
	}
	await audit.record(
		{
			actor: input.staffId
				? staffActor(input.staffId)
				: input.voterId
					? `voter:${input.voterId}`
					: 'system',
			action: 'application.received',
			subject: subjectOf(reference),
			details: {
				kind: row.kind,
				channel: input.channel,
				receivedAt: input.receivedAt.toISOString(),
				dueOn
			}
		},
		tx
	);
	return { ok: true, application: row, created: true };
}

/**
 * Records the receipt of a completed form: a new application from the form's answers, due on the
 * 7th day after receipt (KB D 9) and linked to the voter's account if the form is. Idempotent per
 * reference.
 */
export async function receive(input: ReceiveInput, tx?: Db): Promise<ReceiveResult> {
	if (tx) return receiveIn(tx, input);
	return (await db()).transaction((t) => receiveIn(t as unknown as Db, input));
}

export type UploadFile = {
	kind: uploads.UploadKind;
	bytes: Uint8Array;
	fileName?: string;
	declaredType?: string;
};

export type ReceiveUploadResult =
	| { ok: true; application: Application }
	| {
			ok: false;
			error: 'not_found' | 'already_received' | 'files';
			/** Per upload kind: a refusal code of the uploads service, or 'missing'. */
			files?: Partial<Record<uploads.UploadKind, uploads.UploadRefusal | 'missing'>>;
	  };

const UPLOAD_KINDS: readonly uploads.UploadKind[] = ['signed_form', 'identity_document'];

/**
 * The files a submission of this form needs: always the signed form; an ID copy where the law
 * asks for one: a registration (KB D 4(b)), a voter pass (K 3(2) through K 7(1)), a postal vote
 * temporarily abroad (M 3(2)) and a replacement (M 6b(3)). A change (D 3(4)) and a proxy (L 8)
 * ask for none, so it is optional there: nothing is collected beyond what the law lists.
 */
export function uploadsRequired(draft: Pick<Draft, 'journey' | 'answers'>): uploads.UploadKind[] {
	if (draft.journey === REGISTRATION) return [...UPLOAD_KINDS];
	const kind = requests.requestKindOf(draft.journey, draft.answers as Answers);
	return kind === 'change' || kind === 'proxy' ? ['signed_form'] : [...UPLOAD_KINDS];
}

class Refused extends Error {
	constructor(readonly files: Partial<Record<uploads.UploadKind, uploads.UploadRefusal>>) {
		super('upload refused');
	}
}

/**
 * The voter's own submission (KB D 5(4): Den Haag accepts electronic submissions): the scan or
 * photo of the signed form and of the passport or ID card, received at the moment of upload.
 * Only for a completed form linked to this account; both files, each checked by content, or
 * nothing is stored.
 */
export async function receiveUpload(input: {
	accountId: string;
	draftId: string;
	files: UploadFile[];
	now?: Date;
}): Promise<ReceiveUploadResult> {
	const draft = await draftForAccount(input.accountId, input.draftId);
	if (!draft) return { ok: false, error: 'not_found' };
	// A request's form that makes no complete request cannot be received (receiveIn says so too).
	if (
		draft.journey !== REGISTRATION &&
		!requests.requestKindOf(draft.journey, draft.answers as Answers)
	) {
		return { ok: false, error: 'not_found' };
	}
	if (await applicationByReference(await db(), draft.reference!)) {
		return { ok: false, error: 'already_received' };
	}
	const missing = uploadsRequired(draft).filter(
		(kind) => !input.files.some((f) => f.kind === kind && f.bytes.length > 0)
	);
	if (missing.length > 0) {
		return {
			ok: false,
			error: 'files',
			files: Object.fromEntries(missing.map((k) => [k, 'missing']))
		};
	}
	const now = input.now ?? new Date();
	try {
		return await (
			await db()
		).transaction(async (t) => {
			const tx = t as unknown as Db;
			const received = await receiveIn(tx, {
				reference: draft.reference!,
				channel: 'upload',
				receivedAt: now,
				voterId: input.accountId
			});
			if (!received.ok) throw new Error(`receipt of an upload failed: ${received.error}`);
			if (!received.created) throw new Refused({});
			const refused: Partial<Record<uploads.UploadKind, uploads.UploadRefusal>> = {};
			for (const kind of UPLOAD_KINDS) {
				const file = input.files.find((f) => f.kind === kind && f.bytes.length > 0);
				// An optional file left out (the ID copy of a change or a proxy).
				if (!file) continue;
				const stored = await uploads.store(
					{
						applicationId: received.application.id,
						kind,
						bytes: file.bytes,
						fileName: file.fileName,
						declaredType: file.declaredType,
						now
					},
					tx
				);
				if (!stored.ok) refused[kind] = stored.reason;
			}
			// A refused file rolls the whole receipt back: the voter tries again with both.
			if (Object.keys(refused).length > 0) throw new Refused(refused);
			return { ok: true as const, application: received.application };
		});
	} catch (error) {
		if (!(error instanceof Refused)) throw error;
		if (Object.keys(error.files).length === 0) return { ok: false, error: 'already_received' };
		return { ok: false, error: 'files', files: error.files };
	}
}

/** The refusal of each file in the voter's language, for the field and the error summary. */
export function uploadErrors(
	files: Partial<Record<uploads.UploadKind, uploads.UploadRefusal | 'missing'>>,
	locale: string
): Partial<Record<uploads.UploadKind, string>> {
	return Object.fromEntries(
		Object.entries(files).map(([kind, reason]) => [
			kind,
			reason === 'missing'
				? message(`account_upload_error_missing_${kind}`, {}, locale)
				: uploads.refusalMessage(reason as uploads.UploadRefusal, locale)
		])
	);
}

/**
 * A completed form of this account (the voter's own: a registration or a request), by its id or
 * its reference; null for anyone else's.
 */
export async function draftForAccount(
	accountId: string,
	idOrReference: string
): Promise<Draft | null> {
	const reference = isUuid(idOrReference) ? null : normaliseReference(idOrReference);
	if (!isUuid(idOrReference) && !reference) return null;
	const [draft] = await (
		await db()
	)
		.select()
		.from(drafts)
		.where(
			and(
				reference ? eq(drafts.reference, reference) : eq(drafts.id, idOrReference),
				eq(drafts.accountId, accountId),
				inArray(drafts.journey, RECEIVABLE),
				isNotNull(drafts.completedAt),
				isNotNull(drafts.reference)
			)
		)
		.limit(1);
	return draft ?? null;
}

/** Whether the form with this reference has been received (an application exists). */
export async function isReceived(reference: string): Promise<boolean> {
	const normalised = normaliseReference(reference);
	return normalised !== null && (await applicationByReference(await db(), normalised)) !== null;
}

// ---------------------------------------------------------------------------
// Checks and the queue

/** The clerk's checks on the paper (KB D 6) and notes; not once the application is decided. */
export async function recordChecks(
	applicationId: string,
	checks: IntakeChecks,
	notes: string,
	staffId: string
): Promise<Application | null> {
	if (!isUuid(applicationId)) return null;
	return (await db()).transaction(async (t) => {
		const tx = t as unknown as Db;
		const [row] = await tx
			.update(applications)
			.set({ checks, notes, updatedAt: sql`now()` })
			.where(and(eq(applications.id, applicationId), inArray(applications.status, OPEN)))
			.returning();
		if (!row) return null;
		await audit.record(
			{
				actor: staffActor(staffId),
				action: 'application.checked',
				subject: subjectOf(row.reference),
				details: { checks, notesChanged: notes !== '' }
			},
			tx
		);
		return row;
	});
}

const OPEN: Application['status'][] = ['received', 'awaiting_voter'];

export type QueueItem = {
	id: string;
	reference: string;
	/** registration, change, proxy, voter_pass, temporarily_abroad, replacement. */
	kind: string;
	/** The election of a per-election request (its slug). */
	election: string | null;
	channel: ReceiptChannel;
	receivedAt: Date;
	dueOn: IsoDate;
	overdue: boolean;
	status: Application['status'];
	types: ElectionType[];
	country: string;
};

export type Queue = {
	items: QueueItem[];
	total: number;
	overdue: number;
	page: number;
	pages: number;
};

/**
 * Open applications by due day (KB D 9), the oldest due first, so the overdue ones lead. Shows no
 * names: a list is not a reason to read everyone's data; opening an application is (and is
 * audited).
 */
export async function queue(
	options: {
		status?: 'received' | 'awaiting_voter';
		page?: number;
		pageSize?: number;
		now?: Date;
	} = {}
): Promise<Queue> {
	const status = options.status ?? 'received';
	const pageSize = Math.min(Math.max(options.pageSize ?? 50, 1), 200);
	const day = today(options.now);
	const database = await db();
	const where = eq(applications.status, status);
	const [totals] = await database
		.select({
			total: count(),
			overdue: sql<number>`count(*) filter (where ${applications.dueOn} < ${day})`.mapWith(Number)
		})
		.from(applications)
		.where(where);
	const total = totals?.total ?? 0;
	const pages = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(Math.max(Math.trunc(options.page ?? 1) || 1, 1), pages);
	const rows = await database
		.select({
			id: applications.id,
			reference: applications.reference,
			kind: applications.kind,
			channel: applications.channel,
			receivedAt: applications.receivedAt,
			dueOn: applications.dueOn,
			status: applications.status,
			answers: applications.answers,
			request: applications.request,
			election: elections.slug,
			electionType: elections.type
		})
		.from(applications)
		.leftJoin(elections, eq(elections.id, applications.electionId))
		.where(where)
		.orderBy(asc(applications.dueOn), asc(applications.receivedAt), asc(applications.id))
		.limit(pageSize)
		.offset((page - 1) * pageSize);
	return {
		items: rows.map(({ answers, request, electionType, ...row }) => ({
			...row,
			overdue: isOverdue(row.dueOn, day),
			// A request names its election; a registration the types applied for.
			...(request
				? {
						types: electionType ? [electionType] : [],
						country: request.voter.address.country
					}
				: {
						types: chosenTypes(answers as Answers),
						country: factsOf(answers as Answers).residence
					})
		})),
		total,
		overdue: totals?.overdue ?? 0,
		page,
		pages
	};
}

// ---------------------------------------------------------------------------
// The application page

function caseOf(application: Application, alreadyRegistered: boolean): ApplicationCase {
	const answers = application.answers as Answers;
	return {
		facts: factsOf(answers),
		appliedFor: chosenTypes(answers),
		alreadyRegistered,
		checks: application.checks
	};
}

async function duplicatesOf(application: Application, tx?: Db) {
	const person = registrations.personFromAnswers(
		application.answers as Answers,
		application.locale
	);
	if (!person) return [];
	return registrations.findDuplicates(person, application.accountId, tx);
}

export type ApplicationView = {
	application: Application;
	person: registrations.PersonData | null;
	/** The election types applied for. */
	appliedFor: ElectionType[];
	uploads: uploads.UploadInfo[];
	decisions: Decision[];
	/** Active registrations of the same person (MvT §7). */
	duplicates: { id: string; createdAt: Date }[];
	proposal: Proposal;
	/** For a proposed question: its text in the voter's language, for the decider to adapt. */
	question: string;
	/** The day a registration decided today would take effect, per type proposed. */
	startsOn: IsoDate | null;
	overdue: boolean;
};

/** The kind of an application (registration, change, proxy, …), or null for an unknown id. */
export async function kindOf(applicationId: string): Promise<string | null> {
	if (!isUuid(applicationId)) return null;
	const [row] = await (
		await db()
	)
		.select({ kind: applications.kind })
		.from(applications)
		.where(eq(applications.id, applicationId))
		.limit(1);
	return row?.kind ?? null;
}

/** Opens an application for registration for a member of staff; the view is audited (a read of personal data). */
export async function open(
	applicationId: string,
	staffId: string,
	now = new Date()
): Promise<ApplicationView | null> {
	if (!isUuid(applicationId)) return null;
	const database = await db();
	const [application] = await database
		.select()
		.from(applications)
		.where(eq(applications.id, applicationId))
		.limit(1);
	// A request (a change, a proxy…) is opened by `requests.open`.
	if (!application || application.kind !== REGISTRATION) return null;
	const day = today(now);
	const duplicates = await duplicatesOf(application);
	const kase = caseOf(application, duplicates.length > 0);
	const person = registrations.personFromAnswers(
		application.answers as Answers,
		application.locale
	);
	const [files, history] = await Promise.all([
		uploads.list(application.id),
		database
			.select()
			.from(decisions)
			.where(eq(decisions.applicationId, application.id))
			.orderBy(desc(decisions.decidedAt))
	]);
	await audit.record({
		actor: staffActor(staffId),
		action: 'application.viewed',
		subject: subjectOf(application.reference)
	});
	const proposal = proposeDecision(kase, day);
	return {
		application,
		person,
		appliedFor: kase.appliedFor as ElectionType[],
		uploads: files,
		decisions: history,
		duplicates: duplicates.map((d) => ({ id: d.id, createdAt: d.createdAt })),
		proposal,
		question:
			proposal.outcome === 'asked' ? message('notice_question_change', {}, application.locale) : '',
		startsOn: person ? registrationStartsOn(person.birthDate, day) : null,
		overdue: application.status !== 'decided' && isOverdue(application.dueOn, day)
	};
}

/** A scan, decrypted for a member of staff; every view is audited. */
export async function readUpload(
	applicationId: string,
	uploadId: string,
	staffId: string
): Promise<{ bytes: Buffer; mediaType: string; kind: string } | null> {
	const file = await uploads.read(uploadId);
	if (!file || file.applicationId !== applicationId) return null;
	const [application] = await (
		await db()
	)
		.select({ reference: applications.reference })
		.from(applications)
		.where(eq(applications.id, applicationId))
		.limit(1);
	await audit.record({
		actor: staffActor(staffId),
		action: 'upload.viewed',
		subject: subjectOf(application!.reference),
		details: { upload: uploadId, kind: file.kind }
	});
	return { bytes: file.bytes, mediaType: file.mediaType, kind: file.kind };
}

// ---------------------------------------------------------------------------
// Deciding

export type DecideError = DecisionError | 'not_found' | 'already_decided' | 'incomplete';
export type DecideResult = { ok: true; decision: Decision } | { ok: false; error: DecideError };

class Abort extends Error {
	constructor(readonly reason: DecideError) {
		super(reason);
	}
}

/**
 * Decides an application: register (per type, from the start day the rules give), reject (with
 * reason codes, each with its article), or ask the voter (MvT §7: someone already registered is
 * asked whether a change was meant, never registered twice). All in one transaction: the decision,
 * the registration, the application's status, the notice (e-mail, or a letter), the deletion date
 * of the uploads, and the audit entry.
 */
export async function decide(
	applicationId: string,
	choice: DecisionChoice,
	staffId: string,
	now = new Date()
): Promise<DecideResult> {
	if (!isUuid(applicationId)) return { ok: false, error: 'not_found' };
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
			// A request is decided by `requests.decide`, on its own rules.
			if (!application || application.kind !== REGISTRATION) throw new Abort('not_found');
			if (application.status === 'decided') throw new Abort('already_decided');
			return decideIn(tx, application, choice, staffId, now);
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
	choice: DecisionChoice,
	staffId: string,
	now: Date
): Promise<Decision> {
	const day = today(now);
	const answers = application.answers as Answers;
	const person = registrations.personFromAnswers(answers, application.locale);
	const duplicates = person
		? await registrations.findDuplicates(person, application.accountId, tx)
		: [];
	// MvT §7: a question to someone already registered cites why it is asked.
	const effective: DecisionChoice =
		choice.outcome === 'asked' && choice.reasons.length === 0 && duplicates.length > 0
			? { ...choice, reasons: ['already_registered'] }
			: choice;
	const result = planDecision(caseOf(application, duplicates.length > 0), effective, day);
	if (!result.ok) throw new Abort(result.error);
	const { plan } = result;
	if (plan.outcome === 'registered' && !person) throw new Abort('incomplete');

	const registration =
		plan.outcome === 'registered'
			? await registrations.create(tx, person!, plan.types, application.accountId)
			: null;

	// The notice goes to the person as the form gives them (KB D 4(a): e-mail "where applicable").
	const addressee: notices.NoticePerson = {
		firstNames: person?.firstNames ?? String(answers.name?.first_names ?? ''),
		surname: person?.surname ?? String(answers.name?.surname ?? ''),
		email: person?.email ?? null,
		residentialAddress: person?.residentialAddress ?? {
			lines: [],
			country: factsOf(answers).residence
		},
		correspondenceAddress: person?.correspondenceAddress ?? null,
		locale: application.locale
	};
	// A question is not a decision (no appeal); a decision is appealable within the Awb's term.
	const appealBy =
		plan.outcome === 'asked' ? null : appealRoute(day, config.appealTermWeeks()).appealBy;
	const types: Record<string, string | null> = {
		...plan.types,
		...Object.fromEntries(plan.refused.map((t) => [t, null]))
	};
	const reasons = plan.reasons.map((r) => ({
		code: r.code,
		...(r.params ? { params: r.params } : {}),
		basis: r.basis.map((b) => ({ code: b.code, url: b.url }))
	}));
	const [decision] = await tx
		.insert(decisions)
		.values({
			origin: 'application',
			outcome: plan.outcome,
			applicationId: application.id,
			registrationId: registration?.id ?? duplicates[0]?.id ?? null,
			types,
			reasons,
			remarks: plan.question,
			decidedBy: staffId,
			decidedAt: now,
			appealBy,
			notice: notices.channelFor(addressee),
			locale: application.locale
		})
		.returning();
	const row = decision as Decision;

	await notices.notify(
		tx,
		{
			id: row.id,
			outcome: row.outcome,
			decidedOn: day,
			reference: application.reference,
			types,
			reasons,
			remarks: row.remarks,
			appealBy
		},
		addressee
	);

	const decided = plan.outcome !== 'asked';
	await tx
		.update(applications)
		.set({
			status: decided ? 'decided' : 'awaiting_voter',
			decidedAt: decided ? now : null,
			updatedAt: sql`now()`
		})
		.where(eq(applications.id, application.id));
	// The copies are needed to decide (KB D 6), then kept a while for questions and an appeal.
	if (decided) await uploads.scheduleDeletion(application.id, now, tx);

	await audit.record(
		{
			actor: staffActor(staffId),
			action: 'decision.made',
			subject: subjectOf(application.reference),
			details: {
				decision: row.id,
				outcome: row.outcome,
				types,
				reasons: reasons.map((r) => r.code),
				registration: registration?.id ?? null,
				notice: row.notice
			}
		},
		tx
	);
	return row;
}

// ---------------------------------------------------------------------------
// Intake: the form a reference names, before its receipt is recorded

export type IntakeView =
	| { kind: 'application'; id: string }
	| {
			kind: 'form';
			reference: string;
			completedAt: Date;
			person: registrations.PersonData | null;
			types: ElectionType[];
			country: string;
			/** A request's form (issue 4): what it asks, as the office will decide it; else null. */
			request: Request | null;
	  };

/**
 * What the clerk compares with the paper before recording its receipt: the form's data (KB D 6),
 * audited as a view of personal data; or the application, if the form was received already.
 */
export async function intakeView(input: string, staffId: string): Promise<IntakeView | null> {
	const found = await findByReference(input);
	if (!found) return null;
	if (found.kind === 'application') return { kind: 'application', id: found.application.id };
	const { draft } = found;
	const answers = draft.answers as Answers;
	await audit.record({
		actor: staffActor(staffId),
		action: 'form.viewed',
		subject: subjectOf(draft.reference!)
	});
	if (draft.journey !== REGISTRATION) {
		const request = requestOf(draft.journey, answers);
		return {
			kind: 'form',
			reference: draft.reference!,
			completedAt: draft.completedAt!,
			person: null,
			types: [],
			country: request?.voter.address.country ?? '',
			request
		};
	}
	return {
		kind: 'form',
		reference: draft.reference!,
		completedAt: draft.completedAt!,
		person: registrations.personFromAnswers(answers, draft.locale),
		types: chosenTypes(answers),
		country: factsOf(answers).residence,
		request: null
	};
}
