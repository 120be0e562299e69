/**
 * The generic journeys (change, vote choice, temporarily abroad, replacement) for the pages under
 * `/[journey]/…`: one set of pages, each journey's rules in its own module. Everything returns
 * plain data; routes call these functions and nothing else.
 */
import type { GenericJourneyId } from '$lib/journeys/catalogue';
import { journeyBySegment } from '$lib/journeys/catalogue';
import type { DeadlineView } from '$lib/journeys/deadlines';
import type { Answers } from '$lib/journeys/engine';
import type { Where } from '$lib/paths';
import * as clock from '$lib/server/clock';
import * as drafts from '$lib/server/drafts';
import * as runner from './runner';
import type { JourneyDefinition, OutcomeView, SummaryView } from './types';
import { change } from './change';
import { voteChoice } from './vote-choice';
import { temporarilyAbroad } from './temporarily-abroad';
import { replacement } from './replacement';

export type { Destination, JourneyDefinition, OutcomeView, SummaryView } from './types';
export type { StepView, SubmitResult, TranscriptEntry } from './runner';

const DEFINITIONS: Record<GenericJourneyId, JourneyDefinition> = {
	change,
	vote_choice: voteChoice,
	temporarily_abroad: temporarilyAbroad,
	replacement
};

export function definition(id: GenericJourneyId): JourneyDefinition {
	return DEFINITIONS[id];
}

/** The journey behind a URL segment (`change`, `vote-choice`…), or null. */
export function bySegment(segment: string): JourneyDefinition | null {
	const id = journeyBySegment(segment);
	return id ? DEFINITIONS[id] : null;
}

/** A new draft, pre-filled from the start link's query where the journey recognises it. */
export async function start(
	def: JourneyDefinition,
	locale: string,
	query: URLSearchParams,
	options: { guidedLinkId?: string | null } = {}
): Promise<{ token: string; where: Where }> {
	const answers = await def.prefill(query, clock.now());
	const { token } = await drafts.create(def.id, locale, answers, options);
	return { token, where: (await runner.resume(def, token)) ?? { kind: 'check' } };
}

export const resume = runner.resume;

/** The start page: the journey's cut-offs before anything is asked (a start link's pre-fill counts). */
export async function viewStart(def: JourneyDefinition, query: URLSearchParams) {
	const now = clock.now();
	return {
		deadlines: await def.deadlines(await def.prefill(query, now), now),
		now: now.toISOString()
	};
}

export async function viewStep(def: JourneyDefinition, token: string, step: string) {
	const result = await runner.viewStep(def, token, step);
	if (!result || 'redirect' in result) return result;
	return {
		view: result.view,
		deadlines: await def.deadlines(result.state.plan.answers, clock.now()),
		now: clock.now().toISOString()
	};
}

export const submitStep = runner.submitStep;
export const confirm = runner.confirm;

export type CheckView = {
	transcript: runner.TranscriptEntry[];
	deadlines: DeadlineView[];
	summary: SummaryView;
	now: string;
};

async function checkOf(def: JourneyDefinition, state: runner.State, locale: string) {
	const now = clock.now();
	const answers = state.plan.answers;
	return {
		transcript: runner.transcript(state.plan, undefined, state.data),
		deadlines: await def.deadlines(answers, now),
		summary: await def.summary(answers, now, locale),
		now: now.toISOString()
	};
}

export async function viewCheck(
	def: JourneyDefinition,
	token: string,
	locale: string
): Promise<CheckView | { redirect: Where } | null> {
	const state = await runner.load(def, token);
	if (!state) return null;
	if (state.draft.completedAt) return { redirect: { kind: 'done' } };
	if (state.plan.position.kind !== 'check') return { redirect: runner.where(state.plan) };
	return checkOf(def, state, locale);
}

export type DoneView = CheckView & {
	reference: string;
	account: ReturnType<typeof drafts.accountLink>;
};

export async function viewDone(
	def: JourneyDefinition,
	token: string,
	locale: string,
	accountId: string | null = null
): Promise<DoneView | { redirect: Where } | null> {
	const state = await runner.load(def, token);
	if (!state) return null;
	if (!state.draft.completedAt || !state.draft.reference) {
		return { redirect: runner.where(state.plan) };
	}
	return {
		...(await checkOf(def, state, locale)),
		reference: state.draft.reference,
		account: drafts.accountLink(state.draft, accountId)
	};
}

export type ResultView = OutcomeView & { transcript: runner.TranscriptEntry[]; now: string };

export async function viewResult(
	def: JourneyDefinition,
	token: string
): Promise<ResultView | { redirect: Where } | null> {
	const state = await runner.load(def, token);
	if (!state) return null;
	const p = state.plan;
	if (p.position.kind !== 'outcome') return { redirect: runner.where(p) };
	return {
		...(await def.outcome(p.position.outcome.id, p.answers, clock.now())),
		transcript: runner.transcript(p, undefined, state.data),
		now: clock.now().toISOString()
	};
}

/** The filled-in request with its cover sheet, for a confirmed draft only. */
export async function renderPdf(
	def: JourneyDefinition,
	token: string,
	locale: string
): Promise<{ pdf: Uint8Array; fileName: string } | null> {
	const state = await runner.load(def, token);
	if (!state?.draft.completedAt || !state.draft.reference) return null;
	const reference = state.draft.reference;
	const pdf = await def.pdf({ answers: state.plan.answers, reference, locale, now: clock.now() });
	return { pdf, fileName: `${def.fileName}-${reference}.pdf` };
}

/** The request a confirmed draft makes (for the back office), by the draft's journey. */
export function requestOf(journey: string, answers: Answers) {
	const def = (DEFINITIONS as Record<string, JourneyDefinition | undefined>)[journey];
	return def ? def.requestOf(answers) : null;
}
