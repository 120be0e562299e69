/**
 * The conversation engine: a journey is data (its steps, each with the question it asks, the
 * fields, a zod schema and whether it applies to the answers so far). The server alone decides
 * which step comes next from the answers it holds; a client cannot skip a step by posting a field.
 *
 * Messages are referred to by key (`MessageRef`) so that this module stays shared by server and
 * client and every string a voter sees comes from `messages/`.
 */
import { z } from 'zod';

export type MessageRef = { key: string; params?: Record<string, string> };
export const msg = (key: string, params?: Record<string, string>): MessageRef => ({ key, params });

/** Anything shown to the voter: a message, their own words, a country or a date (localised). */
export type Text = MessageRef | { literal: string } | { country: string } | { date: string };
export const literal = (s: string): Text => ({ literal: s });

/** One answered step: field name → the value as posted (strings; checkbox groups as arrays). */
export type StepAnswer = Record<string, string | string[]>;
export type Answers = Record<string, StepAnswer>;

export type Option = {
	value: string;
	label: Text;
	hint?: MessageRef;
	/**
	 * Fields that belong to this choice (GOV.UK "conditional reveal"): shown under the radio when it
	 * is chosen, and always shown where the browser cannot hide them (no `:has()`), so the form
	 * works without JavaScript. They are read with the step's other fields.
	 */
	conditional?: Field[];
};

export type FieldKind = 'radio' | 'checkboxes' | 'text' | 'email' | 'tel' | 'date' | 'select';

export type Field = {
	name: string;
	kind: FieldKind;
	/** Omitted for the single field of a step: the question is its label or legend. */
	label?: MessageRef;
	hint?: MessageRef;
	optional?: boolean;
	autocomplete?: string;
	inputmode?: 'numeric' | 'email' | 'tel' | 'text';
	spellcheck?: boolean;
	width?: 'short' | 'medium' | 'long';
	options?: Option[];
};

/** An upcoming election as a journey sees it (per-election requests: K 7, L 9, M 3, M 6b). */
export type ElectionInfo = {
	slug: string;
	type: 'TK' | 'EP' | 'KNI';
	/** Null while the day is not yet known. */
	electionDay: string | null;
	nominationDay: string | null;
	/** The day Den Haag sends (or sent) the postal voting certificates, if known (M 6(3)). */
	certificatesSentOn: string | null;
	provisional: boolean;
};

/** Facts from outside the answers that a journey's steps depend on, loaded for each request. */
export type JourneyData = {
	/** The calendar's elections (the server loads them only for journeys that ask). */
	elections: ElectionInfo[];
	/** Now, as an ISO instant (the portal's clock): for cut-offs with a time of day. */
	now: string;
};

export const NO_DATA: JourneyData = Object.freeze({ elections: [], now: '' }) as JourneyData;

export type Context = {
	/** The decision date: today in Den Haag. */
	today: string;
	answers: Answers;
	data: JourneyData;
};

/** A note shown under the question: an explanation with its legal basis. */
export type Note = {
	title?: MessageRef;
	text: MessageRef;
	basis?: { code: string; url: string }[];
};

export type Step = {
	id: string;
	question: MessageRef;
	hint?: MessageRef;
	notes?: (ctx: Context) => Note[];
	fields: (ctx: Context) => Field[];
	/** Validates the posted fields. Error messages are message keys. */
	schema: (ctx: Context) => z.ZodType<StepAnswer>;
	applies?: (ctx: Context) => boolean;
	/** How the answer reads in the conversation above later questions. */
	summary: (answer: StepAnswer, ctx: Context) => Text[];
};

export type Outcome = { id: string };

export type Journey = {
	id: string;
	steps: Step[];
	/** A terminal answer (not eligible, not abroad…) reached from the answers so far. */
	outcome: (ctx: Context) => Outcome | null;
};

export type Position =
	{ kind: 'step'; step: Step } | { kind: 'outcome'; outcome: Outcome } | { kind: 'check' };

export type Plan = {
	/** Steps answered validly and still on the path, in order: the conversation so far. */
	answered: Step[];
	position: Position;
	/** The answers restricted to the path; anything else is dropped (KB D 4: nothing extra). */
	answers: Answers;
};

export function isValid(step: Step, answer: StepAnswer | undefined, ctx: Context): boolean {
	return answer !== undefined && step.schema(ctx).safeParse(answer).success;
}

/**
 * Walks the journey from the start: the first step that applies and has no valid answer is where
 * the voter is. An outcome reached on the way ends the conversation there.
 */
export function plan(
	journey: Journey,
	answers: Answers,
	today: string,
	data: JourneyData = NO_DATA
): Plan {
	const kept: Answers = {};
	const answered: Step[] = [];
	for (const step of journey.steps) {
		const ctx: Context = { today, answers: kept, data };
		if (step.applies && !step.applies(ctx)) continue;
		const answer = answers[step.id];
		if (!isValid(step, answer, ctx)) {
			return {
				answered,
				position: { kind: 'step', step },
				answers: keepLater(kept, answers, journey, step, today, data)
			};
		}
		kept[step.id] = answer as StepAnswer;
		answered.push(step);
		const outcome = journey.outcome({ today, answers: kept, data });
		if (outcome) {
			const after = journey.steps[journey.steps.indexOf(step) + 1];
			return {
				answered,
				position: { kind: 'outcome', outcome },
				answers: after ? keepLater(kept, answers, journey, after, today, data) : kept
			};
		}
	}
	return { answered, position: { kind: 'check' }, answers: kept };
}

/**
 * Answers to later steps are kept while the voter is sent back to an earlier one (after a
 * "Change" that makes a new question necessary, or leads to an outcome they will correct), so
 * nothing is asked twice; but only for steps that still apply, so an answer the path no longer
 * reaches (the EP declaration after moving out of the EU) is dropped at once (KB D 4).
 */
function keepLater(
	kept: Answers,
	all: Answers,
	journey: Journey,
	from: Step,
	today: string,
	data: JourneyData
): Answers {
	const result: Answers = { ...kept };
	for (const step of journey.steps.slice(journey.steps.indexOf(from))) {
		const answer = all[step.id];
		if (answer === undefined) continue;
		if (step.applies && !step.applies({ today, answers: result, data })) continue;
		result[step.id] = answer;
	}
	return result;
}

/** The fields and every choice's conditional fields, in the order the page shows them. */
export function allFields(fields: Field[]): Field[] {
	return fields.flatMap((field) => [
		field,
		...allFields((field.options ?? []).flatMap((option) => option.conditional ?? []))
	]);
}

/** Reads exactly the step's own fields from a form post; anything else posted is ignored. */
export function readForm(fields: Field[], form: FormData): StepAnswer {
	const answer: StepAnswer = {};
	for (const field of allFields(fields)) {
		if (field.kind === 'checkboxes') {
			answer[field.name] = form.getAll(field.name).map(String);
		} else if (field.kind === 'date') {
			for (const part of ['day', 'month', 'year']) {
				answer[`${field.name}_${part}`] = clean(form.get(`${field.name}_${part}`));
			}
		} else {
			answer[field.name] = clean(form.get(field.name));
		}
	}
	return answer;
}

function clean(value: FormDataEntryValue | null): string {
	// Files and absent fields read as empty; whitespace around an answer is never meaningful.
	return typeof value === 'string' ? value.trim() : '';
}

/** zod issues → top-level key → message key, the first per key (as a form outside a journey shows them). */
export function firstIssues(error: z.ZodError): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
	return errors;
}

/** zod issues → field name → message key (the first per field). Date parts report on the date. */
export function fieldErrors(fields: Field[], error: z.ZodError): Record<string, string> {
	const errors: Record<string, string> = {};
	const every = allFields(fields);
	for (const issue of error.issues) {
		const path = String(issue.path[0] ?? '');
		const field = every.find(
			(f) => f.name === path || (f.kind === 'date' && path.startsWith(`${f.name}_`))
		);
		const name = field?.name ?? fields[0]?.name ?? 'form';
		errors[name] ??= issue.message;
	}
	return errors;
}

export function findStep(journey: Journey, id: string): Step | undefined {
	return journey.steps.find((s) => s.id === id);
}
