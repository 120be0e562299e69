/**
 * The request for a replacement postal voting certificate (vervangend briefstembewijs, KW M 6b):
 * why, for which election, who the voter is, and how the replacement should come. After the 12th
 * day before the election a written request is too late: the conversation then ends with the
 * in-person route, and after 12:00 on the 9th day with "too late", each with its article.
 */
import { z } from 'zod';
import {
	LAW,
	REPLACEMENT_REASONS,
	certificatesSentDay,
	replacementCutoffs,
	replacementDelivery,
	replacementElections,
	replacementRoute,
	type IsoDate
} from '$lib/domain';
import {
	literal,
	msg,
	type Answers,
	type Context,
	type ElectionInfo,
	type Journey,
	type Step
} from '../engine';
import { addressLines, country, countrySelect, personName, text } from '../fields';
import { EMAIL, dateError, dateOfBirth, isBsn } from '../registration';
import { lines, value } from '../temporarily-abroad';

export const REPLACEMENT = 'replacement';

/** The elections a replacement can be asked for: known day, not yet held (every type). */
export function listedElections(ctx: Pick<Context, 'data'>) {
	return replacementElections(ctx.data.elections, new Date(ctx.data.now));
}

export function chosenElection(
	ctx: Pick<Context, 'answers' | 'data'>
): (ElectionInfo & { electionDay: IsoDate }) | null {
	const slug = value(ctx.answers, 'election');
	return listedElections(ctx).find((e) => e.slug === slug) ?? null;
}

export const electionLabel = (e: { type: string; electionDay: IsoDate }) =>
	msg('replacement_election_option', { type: e.type, date: e.electionDay });

export const residenceOf = (answers: Answers) => value(answers, 'residence', 'country') ?? '';

/** The delivery choices for where the voter lives (M 6b(3); M 6b(5) for the Caribbean). */
export function deliveryChoices(answers: Answers): ('email' | 'post_home' | 'post_other')[] {
	const { methods } = replacementDelivery(residenceOf(answers));
	return [
		...(methods.includes('email') ? (['email'] as const) : []),
		'post_home' as const,
		'post_other' as const
	];
}

const addressSchema = () =>
	z.object({
		address_line1: text({ max: 100, required: 'register_address_error_required' }),
		address_line2: text({ max: 100, required: 'register_address_error_city' }),
		address_line3: text({ max: 100 })
	});

const steps: Step[] = [
	{
		// Asked first, so that a calendar without any election still ends in an answer.
		id: 'reason',
		question: msg('replacement_reason_question'),
		hint: msg('replacement_reason_hint'),
		notes: () => [
			{
				text: msg('replacement_old_invalid_note'),
				basis: [LAW.REPLACEMENT, LAW.CERTIFICATE_INVALID_REPLACED]
			}
		],
		fields: () => [
			{
				name: 'value',
				kind: 'radio',
				options: REPLACEMENT_REASONS.map((r) => ({
					value: r,
					label: msg(`replacement_reason_${r}`)
				}))
			}
		],
		schema: () => z.object({ value: z.enum(REPLACEMENT_REASONS, { error: 'error_choose_one' }) }),
		summary: (a) => [msg(`replacement_reason_${a.value}`)]
	},
	{
		id: 'election',
		question: msg('replacement_election_question'),
		hint: msg('replacement_election_hint'),
		fields: (ctx) => [
			{
				name: 'value',
				kind: 'radio',
				options: listedElections(ctx).map((e) => ({
					value: e.slug,
					label: electionLabel(e),
					hint: msg('replacement_election_option_hint', {
						sent: certificatesSentDay(e),
						written: replacementCutoffs(e).written.day
					})
				}))
			}
		],
		schema: (ctx) => {
			const slugs = listedElections(ctx).map((e) => e.slug);
			return z.object({
				value: z.string().refine((v) => slugs.includes(v), 'replacement_election_error')
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
		id: 'residence',
		question: msg('replacement_residence_question'),
		hint: msg('replacement_residence_hint'),
		fields: () => [countrySelect()],
		schema: () => z.object({ country: country('replacement_residence_error_required') }),
		summary: (a) => [{ country: String(a.country) }]
	},
	{
		id: 'address',
		question: msg('replacement_address_question'),
		hint: msg('replacement_address_hint'),
		fields: () => addressLines(),
		schema: addressSchema,
		summary: (a, ctx) => [...lines(a).map(literal), { country: residenceOf(ctx.answers) }]
	},
	{
		id: 'bsn',
		question: msg('register_bsn_question'),
		hint: msg('register_bsn_hint'),
		fields: () => [
			{
				name: 'bsn',
				kind: 'text',
				optional: true,
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
					.refine((v) => v === '' || isBsn(v.replace(/[\s.]/g, '')), 'register_bsn_error_invalid')
			}),
		summary: (a) => [a.bsn ? literal(String(a.bsn)) : msg('answer_not_given')]
	},
	{
		id: 'delivery',
		question: msg('replacement_delivery_question'),
		hint: msg('replacement_delivery_hint'),
		notes: (ctx) => {
			const delivery = replacementDelivery(residenceOf(ctx.answers));
			return delivery.throughRepresentation
				? [
						{
							text: msg('replacement_delivery_caribbean_note', {
								country: residenceOf(ctx.answers)
							}),
							basis: delivery.basis
						}
					]
				: [];
		},
		fields: (ctx) => [
			{
				name: 'by',
				kind: 'radio',
				options: deliveryChoices(ctx.answers).map((c) => ({
					value: c,
					label: msg(`replacement_delivery_${c}`),
					hint: msg(`replacement_delivery_${c}_hint`)
				}))
			}
		],
		schema: (ctx) => {
			const choices: string[] = deliveryChoices(ctx.answers);
			return z.object({ by: z.string().refine((v) => choices.includes(v), 'error_choose_one') });
		},
		summary: (a) => [msg(`replacement_delivery_${a.by}`)]
	},
	{
		id: 'delivery_email',
		question: msg('replacement_email_question'),
		hint: msg('replacement_email_hint'),
		applies: (ctx) => value(ctx.answers, 'delivery', 'by') === 'email',
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
					.min(1, 'replacement_email_error_required')
					.max(254, 'register_contact_email_error_invalid')
					.refine((v) => v === '' || EMAIL.test(v), 'register_contact_email_error_invalid')
			}),
		summary: (a) => [literal(String(a.email))]
	},
	{
		id: 'delivery_address',
		question: msg('replacement_post_address_question'),
		hint: msg('replacement_post_address_hint'),
		applies: (ctx) => value(ctx.answers, 'delivery', 'by') === 'post_other',
		fields: () => [...addressLines('delivery'), countrySelect(msg('field_country'), 'delivery')],
		schema: () =>
			addressSchema().extend({ country: country('replacement_residence_error_required') }),
		summary: (a) => [...lines(a).map(literal), { country: String(a.country) }]
	}
];

export const replacementJourney: Journey = {
	id: REPLACEMENT,
	steps,
	outcome: (ctx) => {
		if (ctx.answers.reason && listedElections(ctx).length === 0) return { id: 'no_election' };
		const election = chosenElection(ctx);
		if (!election) return null;
		const route = replacementRoute(election, new Date(ctx.data.now)).route;
		return route === 'written' ? null : { id: route };
	}
};
