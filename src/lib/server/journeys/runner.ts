/**
 * Runs any journey declared as data (`$lib/journeys/engine`) against a draft: works out where the
 * voter is, shows one step, validates and saves one answer at a time, confirms. The registration
 * journey and the generic journeys (change, vote choice, temporarily abroad, replacement) all go
 * through here, so the rules of the conversation are written once.
 */
import {
	fieldErrors,
	findStep,
	plan,
	readForm,
	type Answers,
	type Field,
	NO_DATA,
	type Journey,
	type JourneyData,
	type Note,
	type Plan,
	type Step,
	type StepAnswer,
	type Text
} from '$lib/journeys/engine';
import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages.js';
import type { Where } from '$lib/paths';
import * as clock from '$lib/server/clock';
import * as drafts from '$lib/server/drafts';
import type { Draft } from '$lib/server/drafts';

export type Runnable = {
	id: string;
	journey: Journey;
	/** Loads what the steps need beyond the answers (the elections), if they need anything. */
	data?: () => Promise<JourneyData>;
};

export function where(p: Plan): Where {
	if (p.position.kind === 'step') return { kind: 'step', step: p.position.step.id };
	if (p.position.kind === 'outcome') return { kind: 'result' };
	return { kind: 'check' };
}

export type State = { draft: Draft; answers: Answers; plan: Plan; data: JourneyData };

export async function load(def: Runnable, token: string): Promise<State | null> {
	const draft = await drafts.find(token, def.id);
	if (!draft) return null;
	const answers = draft.answers as Answers;
	const data = def.data ? await def.data() : NO_DATA;
	return { draft, answers, data, plan: plan(def.journey, answers, clock.today(), data) };
}

/** Where a resume link, or a request for a page the voter cannot be on yet, should go. */
export async function resume(def: Runnable, token: string): Promise<Where | null> {
	const state = await load(def, token);
	if (!state) return null;
	return state.draft.completedAt ? { kind: 'done' } : where(state.plan);
}

export type TranscriptEntry = { step: string; question: Text; answer: Text[] };

/** The conversation so far, up to (not including) `until`. */
export function transcript(p: Plan, until?: Step, data: JourneyData = NO_DATA): TranscriptEntry[] {
	const entries: TranscriptEntry[] = [];
	for (const step of p.answered) {
		if (step === until) break;
		const answer = p.answers[step.id] as StepAnswer;
		entries.push({
			step: step.id,
			question: step.question,
			answer: step.summary(answer, { today: clock.today(), answers: p.answers, data })
		});
	}
	return entries;
}

export type StepView = {
	step: string;
	question: Text;
	hint?: Text;
	notes: Note[];
	fields: Field[];
	values: StepAnswer;
	transcript: TranscriptEntry[];
	back: string | null;
};

/**
 * The page for one step: the current one, or one already answered (a "Change"). Anything else
 * redirects to where the voter really is: the server, not the URL, decides the path.
 */
export async function viewStep(
	def: Runnable,
	token: string,
	stepId: string
): Promise<{ view: StepView; state: State } | { redirect: Where } | null> {
	const state = await load(def, token);
	if (!state) return null;
	if (state.draft.completedAt) return { redirect: { kind: 'done' } };
	const { plan: p } = state;
	const step = findStep(def.journey, stepId);
	const current = p.position.kind === 'step' ? p.position.step : null;
	if (!step || (step !== current && !p.answered.includes(step))) return { redirect: where(p) };
	const index = p.answered.indexOf(step);
	const previous = index === -1 ? p.answered.at(-1) : p.answered[index - 1];
	const ctx = { today: clock.today(), answers: p.answers, data: state.data };
	return {
		state,
		view: {
			step: step.id,
			question: step.question,
			hint: step.hint,
			notes: step.notes?.(ctx) ?? [],
			fields: step.fields(ctx),
			values: p.answers[step.id] ?? {},
			transcript: transcript(p, step, state.data),
			back: previous?.id ?? null
		}
	};
}

export type SubmitResult =
	| { ok: true; next: Where }
	| { ok: false; values: StepAnswer; errors: Record<string, string> }
	| null;

export async function submitStep(
	def: Runnable,
	token: string,
	stepId: string,
	form: FormData,
	locale: string
): Promise<SubmitResult> {
	// A device sending answers it kept offline names each submission (issue 6): one already
	// applied is not applied again, so a late replay never overwrites a newer answer.
	const submission = submissionKey(form);
	// Three attempts: if another tab saved in between, re-read and apply this answer on top.
	for (let attempt = 0; attempt < 3; attempt++) {
		const state = await load(def, token);
		if (!state) return null;
		if (state.draft.completedAt) return { ok: true, next: { kind: 'done' } };
		const { plan: p } = state;
		if (submission && (await drafts.wasApplied(state.draft, submission))) {
			return { ok: true, next: where(p) };
		}
		const step = findStep(def.journey, stepId);
		const current = p.position.kind === 'step' ? p.position.step : null;
		if (!step || (step !== current && !p.answered.includes(step))) {
			return { ok: true, next: where(p) };
		}
		const ctx = { today: clock.today(), answers: p.answers, data: state.data };
		const fields = step.fields(ctx);
		const values = readForm(fields, form);
		const parsed = step.schema(ctx).safeParse(values);
		if (!parsed.success) return { ok: false, values, errors: fieldErrors(fields, parsed.error) };
		const next = plan(
			def.journey,
			{ ...state.answers, [step.id]: values },
			clock.today(),
			state.data
		);
		const recorded = submission ? { key: submission, step: step.id } : undefined;
		if (await drafts.saveAnswers(state.draft, next.answers, locale, recorded)) {
			return { ok: true, next: where(next) };
		}
	}
	// Several tabs (or a script) posting to one draft at once: the last word could not be saved on
	// top of the others. Nothing is lost; the voter is asked to try again.
	error(409, { message: m.error_conflict() });
}

const SUBMISSION_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The device's key for a submission (a UUID), if the form carries one. */
function submissionKey(form: FormData): string | null {
	const value = form.get('submission');
	return typeof value === 'string' && SUBMISSION_KEY.test(value) ? value : null;
}

/** The voter confirms their answers: the draft gets its reference and the form can be printed. */
export async function confirm(def: Runnable, token: string): Promise<Where | null> {
	const state = await load(def, token);
	if (!state) return null;
	if (!state.draft.completedAt && state.plan.position.kind !== 'check') return where(state.plan);
	await drafts.complete(state.draft);
	return { kind: 'done' };
}
