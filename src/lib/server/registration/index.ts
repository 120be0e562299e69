/**
 * The registration journey on the server: loads a draft, works out where the voter is, validates
 * and saves one answer at a time, and produces the form. Routes call these functions and nothing
 * else; everything here returns plain data.
 */
import {
	DEFAULT_POSTAL_DAYS,
	ELECTION_TYPES,
	LAW,
	amsterdamDay,
	assessAge,
	availableTypes,
	needsEpDeclaration,
	nextRegistrationTarget,
	postBy,
	postalDaysFor,
	submissionChannels,
	type ElectionType,
	type IsoDate,
	type LegalRef,
	type Reason
} from '$lib/domain';
import { type Answers, type Plan, type StepAnswer } from '$lib/journeys/engine';
import {
	REGISTRATION,
	chosenTypes,
	dateOfBirth,
	factsOf,
	registeredTypes,
	registration
} from '$lib/journeys/registration';
import { countryName, formatDate, message } from '$lib/i18n';
import * as clock from '$lib/server/clock';
import * as config from '$lib/server/config';
import * as pdfs from '$lib/server/pdf';
import * as drafts from '$lib/server/drafts';
import * as runner from '$lib/server/journeys/runner';
import * as electionCalendar from '$lib/server/elections';
import type { Election } from '$lib/server/elections';

export type { Where } from '$lib/paths';
import type { Where } from '$lib/paths';

/** The decision date is the calendar day in Den Haag (KW: every cut-off is Den Haag's day). */
export const today = (now = clock.now()): IsoDate => amsterdamDay(now);

export async function start(locale: string): Promise<string> {
	const { token } = await drafts.create(REGISTRATION, locale);
	return token;
}

const def: runner.Runnable = { id: REGISTRATION, journey: registration };

const where = runner.where;
const load = (token: string) => runner.load(def, token);

/** Where a resume link, or a request for a page the voter cannot be on yet, should go. */
export const resume = (token: string) => runner.resume(def, token);

export type { StepView, SubmitResult, TranscriptEntry } from '$lib/server/journeys/runner';
type TranscriptEntry = runner.TranscriptEntry;
const transcript = runner.transcript;

/**
 * The page for one step: the current one, or one already answered (a "Change"). Anything else
 * redirects to where the voter really is: the server, not the URL, decides the path.
 */
export async function viewStep(token: string, stepId: string) {
	const result = await runner.viewStep(def, token, stepId);
	return result && 'view' in result ? { view: result.view } : result;
}

export const submitStep = (token: string, stepId: string, form: FormData, locale: string) =>
	runner.submitStep(def, token, stepId, form, locale);

export type Verdict = { type: ElectionType; eligible: boolean; reasons: Reason[] };

function verdicts(answers: Answers): Verdict[] {
	const available = availableTypes(factsOf(answers), today());
	return chosenTypes(answers).map((type) => ({ type, ...available[type] }));
}

export type ResultView = {
	outcome: string;
	reasons: Reason[];
	canApplyFrom: IsoDate | null;
	transcript: TranscriptEntry[];
};

/** The end of the conversation when the voter cannot register now: why, with the article. */
export async function viewResult(token: string): Promise<ResultView | { redirect: Where } | null> {
	const state = await load(token);
	if (!state) return null;
	const { plan: p } = state;
	if (p.position.kind !== 'outcome') return { redirect: where(p) };
	const facts = factsOf(p.answers);
	const outcome = p.position.outcome.id;
	const dob = dateOfBirth(p.answers);
	const age = dob ? assessAge(dob, today()) : null;
	let reasons: Reason[];
	if (outcome === 'not_dutch') {
		// Asked first, before residence: the franchise of every type needs Dutch nationality.
		reasons = [{ code: 'not_dutch', basis: [LAW.TK_VOTERS, LAW.EP_VOTERS, LAW.KNI_VOTERS] }];
	} else if (outcome === 'too_young') {
		reasons = age?.reasons ?? [];
	} else {
		// Not abroad: every type says so. Not eligible: each chosen type (or every type, before
		// any was chosen) says why it cannot be registered.
		const available = availableTypes(facts, today());
		const types = chosenTypes(p.answers);
		const which = outcome === 'not_eligible' && types.length ? types : ELECTION_TYPES;
		reasons = which.flatMap((t) => available[t].reasons);
	}
	return {
		outcome,
		reasons: dedupe(reasons),
		canApplyFrom: age?.canApplyFrom ?? null,
		transcript: transcript(p)
	};
}

function dedupe(reasons: Reason[]): Reason[] {
	const seen = new Set<string>();
	return reasons.filter((r) => (seen.has(r.code) ? false : (seen.add(r.code), true)));
}

export type Destination = {
	channel: string;
	address: config.Address | null;
	basis: LegalRef[];
};

function destination(answers: Answers): Destination {
	const channel = String(answers.submission?.channel ?? 'den_haag_post');
	const facts = factsOf(answers);
	const option = submissionChannels(facts).find((c) => c.channel === channel);
	const country = facts.residence;
	const address =
		channel === 'den_haag_upload' || channel === 'den_haag_post'
			? config.denHaag()
			: channel === 'caribbean_representation'
				? config.representation(country)
				: channel === 'consular_post'
					? config.consularPost(country)
					: null;
	return { channel, address, basis: option?.basis ?? [] };
}

export type Deadline = {
	election: { slug: string; type: ElectionType; electionDay: IsoDate; provisional: boolean };
	cutoffDay: IsoDate;
	/** E-mail the scan to Den Haag (KB D 5(4)); not for those who must go through the Minister. */
	uploadBy: IsoDate | null;
	/** Post it to Den Haag, allowing the post's time from the voter's country. */
	postBy: IsoDate | null;
	/** Hand it in where it is forwarded from (consular post, representation, Minister). */
	forwardBy: IsoDate | null;
	/** The paper route's date has passed: only the scan can still make it. */
	paperTooLate: boolean;
	basis: LegalRef[];
};

const FORWARDED = new Set(['consular_post', 'caribbean_representation', 'minister']);

function deadline(answers: Answers, types: ElectionType[], list: Election[]): Deadline | null {
	const dob = dateOfBirth(answers);
	const startsOn = dob ? assessAge(dob, today()).startsOn : null;
	const target = nextRegistrationTarget(
		list.map((e) => ({ ...e, id: e.slug })),
		types,
		clock.now(),
		{ dateOfBirth: dob ?? undefined, startsOn }
	);
	if (!target || !target.election.electionDay) return null;
	const table = { ...DEFAULT_POSTAL_DAYS, ...config.postalDaysOverrides() };
	const days = postalDaysFor(factsOf(answers).residence, table);
	const channel = String(answers.submission?.channel ?? 'den_haag_post');
	const cutoffDay = target.cutoff.day;
	// KW D 3(2): what counts is receipt in Den Haag, so a forwarded form needs the forwarding too.
	const forwarded = FORWARDED.has(channel);
	const paperBy = postBy(cutoffDay, days + (forwarded ? config.forwardingDays() : 0));
	return {
		election: {
			slug: target.election.id,
			type: target.election.type,
			electionDay: target.election.electionDay,
			provisional: target.election.provisional
		},
		cutoffDay,
		// KB D 5(2): public servants without ten years submit through the Minister only.
		uploadBy: channel === 'minister' ? null : cutoffDay,
		postBy: forwarded ? null : paperBy,
		forwardBy: forwarded ? paperBy : null,
		paperTooLate: paperBy < today(),
		basis: target.cutoff.basis
	};
}

/**
 * Chosen types with an upcoming election whose day is not yet set: it may come before the one
 * the deadline names, so the voter is told to send the form soon.
 */
function undated(types: ElectionType[], list: Election[]): ElectionType[] {
	return types.filter((t) => list.some((e) => e.type === t && e.electionDay === null));
}

export type CheckView = {
	transcript: TranscriptEntry[];
	verdicts: Verdict[];
	startsOn: IsoDate | null;
	destination: Destination;
	deadline: Deadline | null;
	undated: ElectionType[];
};

async function summary(answers: Answers, p: Plan): Promise<CheckView> {
	const dob = dateOfBirth(answers);
	const age = dob ? assessAge(dob, today()) : null;
	const types = registeredTypes(answers, today());
	const list = await electionCalendar.list();
	return {
		transcript: transcript(p),
		verdicts: verdicts(answers),
		// KW D 3(1): a start date only while it is still ahead; within 44 days of the 18th birthday
		// the registration takes effect with the decision.
		startsOn:
			age?.status === 'seventeen' && age.startsOn && age.startsOn > today() ? age.startsOn : null,
		destination: destination(answers),
		deadline: deadline(answers, types, list),
		undated: undated(types, list)
	};
}

export async function viewCheck(token: string): Promise<CheckView | { redirect: Where } | null> {
	const state = await load(token);
	if (!state) return null;
	if (state.draft.completedAt) return { redirect: { kind: 'done' } };
	if (state.plan.position.kind !== 'check') return { redirect: where(state.plan) };
	return summary(state.plan.answers, state.plan);
}

/** The voter confirms their answers: the draft gets its reference and the form can be printed. */
export const confirm = (token: string) => runner.confirm(def, token);

export type DoneView = CheckView & { reference: string };

type State = runner.State;

async function doneOf(state: State): Promise<DoneView | { redirect: Where }> {
	if (!state.draft.completedAt || !state.draft.reference) return { redirect: where(state.plan) };
	return { ...(await summary(state.answers, state.plan)), reference: state.draft.reference };
}

/**
 * The done page. `accountId` is the signed-in voter's account, if any: the page offers to link
 * the draft to an account, or says it is linked (issue 3 item 3).
 */
export async function viewDone(
	token: string,
	accountId: string | null = null
): Promise<(DoneView & { account: AccountLink }) | { redirect: Where } | null> {
	const state = await load(token);
	if (!state) return null;
	const done = await doneOf(state);
	return 'redirect' in done
		? done
		: { ...done, account: drafts.accountLink(state.draft, accountId) };
}

export type AccountLink = ReturnType<typeof drafts.accountLink>;

const text = (answer: StepAnswer | undefined, field: string) => String(answer?.[field] ?? '');
const addressOf = (answer: StepAnswer | undefined) =>
	['address_line1', 'address_line2', 'address_line3'].map((f) => text(answer, f)).filter(Boolean);

/**
 * The filled-in form with its cover sheet, for a completed draft only; the reference printed on
 * it and in its QR code lets the office find the draft without retyping.
 */
export async function renderPdf(
	token: string,
	locale: string
): Promise<{ pdf: Uint8Array; reference: string } | null> {
	const state = await load(token);
	if (!state) return null;
	const done = await doneOf(state);
	if ('redirect' in done) return null;
	const answers = state.plan.answers;
	const facts = factsOf(answers);
	const types = registeredTypes(answers, today());
	const correspondence = answers.correspondence_address;
	const { channel, address } = done.destination;
	const pdf = await pdfs.renderRegistrationPdf({
		reference: done.reference,
		locale,
		generatedOn: today(),
		voter: {
			surname: text(answers.name, 'surname'),
			firstNames: text(answers.name, 'first_names'),
			dateOfBirth: dateOfBirth(answers) ?? '',
			sex: text(answers.sex, 'sex') as 'M' | 'V' | 'X',
			residentialAddress: {
				lines: addressOf(answers.address),
				// The form itself is Dutch (the model's language), so are the country names on it.
				country: countryName(facts.residence, 'nl')
			},
			correspondenceAddress: correspondence
				? {
						lines: addressOf(correspondence),
						country: countryName(text(correspondence, 'country'), 'nl')
					}
				: null,
			email: text(answers.contact, 'email'),
			phone: text(answers.contact, 'phone') || null,
			bsn: text(answers.bsn, 'bsn').replace(/[\s.]/g, '') || null
		},
		electionTypes: types,
		epDeclaration:
			types.includes('EP') && needsEpDeclaration(facts, types)
				? {
						memberState: countryName(facts.residence, 'nl'),
						memberStateLocal: countryName(facts.residence, locale)
					}
				: null,
		publicServiceDeclaration: facts.caribbeanPublicService === true,
		startsOn: done.startsOn,
		destination: {
			channel,
			name: address?.name ?? message(`submission_${channel}`, {}, locale),
			lines: address?.lines ?? [message(`submission_${channel}_where`, {}, locale)],
			email: channel === 'den_haag_upload' ? (address?.email ?? null) : null
		},
		deadlines: done.deadline
			? {
					electionName: `${message(`election_type_${done.deadline.election.type}`, {}, locale)}, ${formatDate(done.deadline.election.electionDay, locale)}`,
					cutoffDay: done.deadline.cutoffDay,
					uploadBy: done.deadline.uploadBy ?? done.deadline.cutoffDay,
					postBy: done.deadline.postBy ?? done.deadline.forwardBy ?? done.deadline.cutoffDay,
					provisional: done.deadline.election.provisional
				}
			: null
	});
	return { pdf, reference: done.reference };
}
