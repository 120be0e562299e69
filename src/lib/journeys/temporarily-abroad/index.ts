/**
 * The request of a resident temporarily abroad to vote by post (KW M 1(2), M 3; EP through Y 2):
 * one question per page, asking what the model form asks and nothing more, per election.
 */
import { z } from 'zod';
import {
	LAW,
	assessTemporarilyAbroadVoter,
	checkStay,
	formatIsoDate,
	isValidCalendarDate,
	temporarilyAbroadElections,
	type IsoDate
} from '$lib/domain';
import {
	literal,
	msg,
	type Answers,
	type Context,
	type ElectionInfo,
	type Field,
	type Journey,
	type Step,
	type StepAnswer
} from '../engine';
import { addressLines, country, countrySelect, personName, text } from '../fields';
import { EMAIL, dateError, dateOfBirth as registrationDateOfBirth, isBsn } from '../registration';

export const TEMPORARILY_ABROAD = 'temporarily_abroad';

const yesNo = z.enum(['yes', 'no'], { error: 'error_choose_one' });
const yesNoField = (): Field[] => [
	{
		name: 'value',
		kind: 'radio',
		options: [
			{ value: 'yes', label: msg('answer_yes') },
			{ value: 'no', label: msg('answer_no') }
		]
	}
];
const yesNoSummary = (a: StepAnswer) => [msg(a.value === 'yes' ? 'answer_yes' : 'answer_no')];

export const value = (answers: Answers, step: string, field = 'value'): string | undefined => {
	const v = answers[step]?.[field];
	return typeof v === 'string' ? v : undefined;
};

/** The elections the request can still be made for (KW M 1(2), M 3(3)), by election day. */
export function openElections(ctx: Pick<Context, 'data'>) {
	return temporarilyAbroadElections(ctx.data.elections, new Date(ctx.data.now));
}

/** The election chosen, while it is still open. */
export function chosenElection(
	ctx: Pick<Context, 'answers' | 'data'>
): (ElectionInfo & { electionDay: IsoDate }) | null {
	const slug = value(ctx.answers, 'election');
	return openElections(ctx).find((o) => o.election.slug === slug)?.election ?? null;
}

export const electionLabel = (e: { type: string; electionDay: IsoDate }) =>
	msg('temporarily_abroad_election_option', { type: e.type, date: e.electionDay });

export function dateOfBirth(answers: Answers): IsoDate | null {
	return registrationDateOfBirth(answers);
}

/** A date typed in three boxes (`name_day`, `name_month`, `name_year`) as an IsoDate, or null. */
export function typedDate(answer: StepAnswer | undefined, name: string): IsoDate | null {
	if (!answer) return null;
	const parts = ['day', 'month', 'year'].map((p) => String(answer[`${name}_${p}`] ?? '').trim());
	if (!/^\d{1,2}$/.test(parts[0]!) || !/^\d{1,2}$/.test(parts[1]!) || !/^\d{4}$/.test(parts[2]!)) {
		return null;
	}
	const [d, m, y] = parts.map(Number) as [number, number, number];
	return isValidCalendarDate(y, m, d) ? formatIsoDate(y, m, d) : null;
}

/** What is wrong with a date typed in three boxes, as a message key under `prefix`, or null. */
function typedDateError(day: string, month: string, year: string, prefix: string): string | null {
	if (!day && !month && !year) return `${prefix}_error_required`;
	if (!day || !month || !year) return 'temporarily_abroad_date_error_incomplete';
	const d = typedDate({ x_day: day, x_month: month, x_year: year }, 'x');
	return d ? null : 'temporarily_abroad_date_error_invalid';
}

export function stayOf(answers: Answers): { from: IsoDate; until: IsoDate } | null {
	const from = typedDate(answers.stay, 'from');
	const until = typedDate(answers.stay, 'until');
	return from && until ? { from, until } : null;
}

/** The address lines of an answer, without the empty ones. */
export const lines = (a: StepAnswer | undefined) =>
	[a?.address_line1, a?.address_line2, a?.address_line3].filter(
		(l): l is string => typeof l === 'string' && l !== ''
	);

const homeAddressSchema = () =>
	z.object({
		address_line1: text({ max: 100, required: 'register_address_error_required' }),
		address_line2: text({ max: 100, required: 'register_address_error_city' })
	});
const addressSchema = () => homeAddressSchema().extend({ address_line3: text({ max: 100 }) });

const steps: Step[] = [
	{
		// Asked first: someone living abroad is a voter abroad, with a journey of their own (D 2).
		id: 'residence',
		question: msg('temporarily_abroad_residence_question'),
		hint: msg('temporarily_abroad_residence_hint'),
		fields: yesNoField,
		schema: () => z.object({ value: yesNo }),
		summary: yesNoSummary
	},
	{
		id: 'election',
		question: msg('temporarily_abroad_election_question'),
		hint: msg('temporarily_abroad_election_hint'),
		notes: () => [
			{
				text: msg('temporarily_abroad_election_note'),
				basis: [LAW.POSTAL_VOTE_TEMPORARILY_ABROAD, LAW.EP_TK_RULES_APPLY, LAW.KNI_VOTERS]
			}
		],
		fields: (ctx) => [
			{
				name: 'value',
				kind: 'radio',
				options: openElections(ctx).map(({ election, cutoff }) => ({
					value: election.slug,
					label: electionLabel(election),
					hint: msg('temporarily_abroad_election_option_hint', { date: cutoff.day })
				}))
			}
		],
		schema: (ctx) => {
			const slugs = openElections(ctx).map((o) => o.election.slug);
			return z.object({
				value: z.string().refine((v) => slugs.includes(v), 'temporarily_abroad_election_error')
			});
		},
		summary: (a, ctx) => {
			const found = ctx.data.elections.find((e) => e.slug === a.value);
			return found?.electionDay
				? [electionLabel({ type: found.type, electionDay: found.electionDay })]
				: [literal(String(a.value))];
		}
	},
	{
		id: 'nationality',
		question: msg('temporarily_abroad_nationality_question'),
		hint: msg('temporarily_abroad_nationality_hint'),
		fields: yesNoField,
		schema: () => z.object({ value: yesNo }),
		summary: yesNoSummary
	},
	{
		id: 'date_of_birth',
		question: msg('register_dob_question'),
		hint: msg('register_dob_hint'),
		fields: () => [{ name: 'dob', kind: 'date', autocomplete: 'bday' }],
		schema: (ctx) =>
			z
				.object({ dob_day: z.string(), dob_month: z.string(), dob_year: z.string() })
				.superRefine((v, issues) => {
					const error = dateError(v.dob_day, v.dob_month, v.dob_year, ctx.today);
					if (error) issues.addIssue({ code: 'custom', message: error, path: ['dob_day'] });
				}),
		summary: (a) => [{ date: dateOfBirth({ date_of_birth: a }) ?? '' }]
	},
	{
		id: 'name',
		question: msg('register_name_question'),
		hint: msg('register_name_hint'),
		fields: () => [
			{
				name: 'first_names',
				kind: 'text',
				label: msg('register_name_first_names'),
				autocomplete: 'given-name',
				spellcheck: false
			},
			{
				name: 'surname',
				kind: 'text',
				label: msg('register_name_surname'),
				hint: msg('register_name_surname_hint'),
				autocomplete: 'family-name',
				spellcheck: false
			}
		],
		schema: () =>
			z.object({
				first_names: personName('register_name_first_names'),
				surname: personName('register_name_surname')
			}),
		summary: (a) => [literal(`${a.first_names} ${a.surname}`)]
	},
	{
		// Every resident has one; it lets Den Haag find the voter in the population register.
		id: 'bsn',
		question: msg('temporarily_abroad_bsn_question'),
		hint: msg('temporarily_abroad_bsn_hint'),
		fields: () => [
			{
				name: 'bsn',
				kind: 'text',
				inputmode: 'numeric',
				width: 'medium',
				autocomplete: 'off',
				spellcheck: false
			}
		],
		schema: () =>
			z.object({
				bsn: z
					.string()
					.min(1, 'temporarily_abroad_bsn_error_required')
					.refine(
						(v) => v === '' || isBsn(v.replace(/[\s.]/g, '')),
						'temporarily_abroad_bsn_error_invalid'
					)
			}),
		summary: (a) => [literal(String(a.bsn))]
	},
	{
		id: 'address',
		question: msg('temporarily_abroad_address_question'),
		hint: msg('temporarily_abroad_address_hint'),
		// A Dutch address has two lines: street and number, postcode and place.
		fields: () => addressLines().slice(0, 2),
		schema: homeAddressSchema,
		summary: (a) => lines(a).map(literal)
	},
	{
		// KW M 4(4): Den Haag tells the municipality where the voter is registered, which then
		// sends no polling card (M 2).
		id: 'municipality',
		question: msg('temporarily_abroad_municipality_question'),
		hint: msg('temporarily_abroad_municipality_hint'),
		notes: () => [
			{
				text: msg('temporarily_abroad_municipality_note'),
				basis: [LAW.TEMPORARILY_ABROAD_MUNICIPALITY, LAW.NO_POLLING_CARD]
			}
		],
		fields: () => [
			{ name: 'municipality', kind: 'text', width: 'long', autocomplete: 'address-level2' }
		],
		schema: () =>
			z.object({
				municipality: text({ max: 100, required: 'temporarily_abroad_municipality_error_required' })
			}),
		summary: (a) => [literal(String(a.municipality))]
	},
	{
		id: 'stay',
		question: msg('temporarily_abroad_stay_question'),
		hint: msg('temporarily_abroad_stay_hint'),
		notes: (ctx) => {
			const election = chosenElection(ctx);
			return election
				? [
						{
							text: msg('temporarily_abroad_stay_note', { date: election.electionDay }),
							basis: [LAW.POSTAL_VOTE_TEMPORARILY_ABROAD]
						}
					]
				: [];
		},
		fields: () => [
			{ name: 'from', kind: 'date', label: msg('temporarily_abroad_stay_from') },
			{ name: 'until', kind: 'date', label: msg('temporarily_abroad_stay_until') }
		],
		schema: (ctx) =>
			z
				.object({
					from_day: z.string(),
					from_month: z.string(),
					from_year: z.string(),
					until_day: z.string(),
					until_month: z.string(),
					until_year: z.string()
				})
				.superRefine((v, issues) => {
					const fromError = typedDateError(
						v.from_day,
						v.from_month,
						v.from_year,
						'temporarily_abroad_stay_from'
					);
					const untilError = typedDateError(
						v.until_day,
						v.until_month,
						v.until_year,
						'temporarily_abroad_stay_until'
					);
					if (fromError)
						issues.addIssue({ code: 'custom', message: fromError, path: ['from_day'] });
					if (untilError) {
						issues.addIssue({ code: 'custom', message: untilError, path: ['until_day'] });
					}
					const election = chosenElection(ctx);
					const stay = stayOf({ stay: v });
					if (fromError || untilError || !stay || !election) return;
					const issue = checkStay(stay, election.electionDay);
					if (issue) {
						issues.addIssue({
							code: 'custom',
							message: `temporarily_abroad_stay_error_${issue.code}`,
							path: [`${issue.field}_day`]
						});
					}
				}),
		summary: (a) => {
			const stay = stayOf({ stay: a });
			return stay
				? [msg('temporarily_abroad_stay_summary', { from: stay.from, until: stay.until })]
				: [];
		}
	},
	{
		id: 'ballot',
		question: msg('temporarily_abroad_ballot_question'),
		hint: msg('temporarily_abroad_ballot_hint'),
		notes: () => [
			{
				text: msg('temporarily_abroad_ballot_note'),
				basis: [LAW.TEMPORARILY_ABROAD_BALLOT_EMAIL, LAW.TEMPORARILY_ABROAD_BALLOT_POST]
			}
		],
		fields: () => [
			{
				name: 'by',
				kind: 'radio',
				options: (['email', 'post'] as const).map((by) => ({
					value: by,
					label: msg(`temporarily_abroad_ballot_${by}`),
					hint: msg(`temporarily_abroad_ballot_${by}_hint`)
				}))
			}
		],
		schema: () => z.object({ by: z.enum(['email', 'post'], { error: 'error_choose_one' }) }),
		summary: (a) => [msg(`temporarily_abroad_ballot_${a.by}`)]
	},
	{
		id: 'ballot_email',
		question: msg('temporarily_abroad_email_question'),
		hint: msg('temporarily_abroad_email_hint'),
		applies: (ctx) => value(ctx.answers, 'ballot', 'by') === 'email',
		fields: () => [
			{
				name: 'email',
				kind: 'email',
				autocomplete: 'email',
				inputmode: 'email',
				spellcheck: false
			}
		],
		schema: () =>
			z.object({
				email: z
					.string()
					.min(1, 'temporarily_abroad_email_error_required')
					.max(254, 'register_contact_email_error_invalid')
					.refine((v) => v === '' || EMAIL.test(v), 'register_contact_email_error_invalid')
			}),
		summary: (a) => [literal(String(a.email))]
	},
	{
		id: 'ballot_address',
		question: msg('temporarily_abroad_post_address_question'),
		hint: msg('temporarily_abroad_post_address_hint'),
		applies: (ctx) => value(ctx.answers, 'ballot', 'by') === 'post',
		fields: () => [...addressLines('abroad'), countrySelect(msg('field_country'), 'abroad')],
		schema: () =>
			addressSchema().extend({ country: country('temporarily_abroad_country_error_required') }),
		summary: (a) => [...lines(a).map(literal), { country: String(a.country) }]
	}
];

/** The facts the rules need, from the answers so far. */
function facts(answers: Answers) {
	const nationality = value(answers, 'nationality');
	return {
		dutch: nationality === undefined ? undefined : nationality === 'yes',
		dateOfBirth: dateOfBirth(answers) ?? undefined
	};
}

export const temporarilyAbroadJourney: Journey = {
	id: TEMPORARILY_ABROAD,
	steps,
	outcome: (ctx) => {
		const { answers } = ctx;
		if (answers.residence && value(answers, 'residence') === 'no') return { id: 'lives_abroad' };
		if (answers.residence && openElections(ctx).length === 0) return { id: 'no_election' };
		const election = chosenElection(ctx);
		if (!election) return null;
		const reasons = assessTemporarilyAbroadVoter(facts(answers), election);
		if (reasons.some((r) => r.code === 'not_dutch')) return { id: 'not_dutch' };
		if (reasons.length) return { id: 'too_young' };
		return null;
	}
};
