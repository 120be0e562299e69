/**
 * The registration conversation (KW D 2, D 3; KB D 4): one question per page, asking only what the
 * decree lists, branching on eligibility with the reason and the article when the answer is no.
 */
import { z } from 'zod';
import {
	CARIBBEAN_COUNTRIES,
	ELECTION_TYPES,
	assessAge,
	assessResidence,
	availableTypes,
	isValidCalendarDate,
	LAW,
	needsEpDeclaration,
	submissionChannels,
	type ElectionType,
	type IsoDate,
	type RegistrationFacts
} from '$lib/domain';
import {
	literal,
	msg,
	type Answers,
	type Context,
	type Field,
	type Journey,
	type Note,
	type Step,
	type StepAnswer
} from '../engine';
import { addressLines, country, countrySelect, personName, text } from '../fields';

export const REGISTRATION = 'registration';

const yesNo = z.enum(['yes', 'no'], { error: 'error_choose_one' });
const yesNoField = (name = 'value'): Field[] => [
	{
		name,
		kind: 'radio',
		options: [
			{ value: 'yes', label: msg('answer_yes') },
			{ value: 'no', label: msg('answer_no') }
		]
	}
];
const yesNoSummary = (a: StepAnswer) => [msg(a.value === 'yes' ? 'answer_yes' : 'answer_no')];

const value = (answers: Answers, step: string, field = 'value'): string | undefined => {
	const v = answers[step]?.[field];
	return typeof v === 'string' ? v : undefined;
};

/** The facts the rules need, from the answers so far. */
export function factsOf(answers: Answers): RegistrationFacts {
	return {
		dutch: value(answers, 'nationality') === 'yes',
		residence: value(answers, 'residence', 'country') ?? '',
		dateOfBirth: dateOfBirth(answers) ?? undefined,
		caribbeanTenYears: flag(value(answers, 'caribbean_ten_years')),
		caribbeanPublicService: flag(value(answers, 'caribbean_public_service')),
		epDeclaration: flag(value(answers, 'ep_declaration'))
	};
}

const flag = (v: string | undefined) => (v === undefined ? undefined : v === 'yes');

export function dateOfBirth(answers: Answers): IsoDate | null {
	const a = answers.date_of_birth;
	if (!a) return null;
	const [d, m, y] = [a.dob_day, a.dob_month, a.dob_year].map((v) => Number(v));
	if (!d || !m || !y || !isValidCalendarDate(y, m, d)) return null;
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function chosenTypes(answers: Answers): ElectionType[] {
	const types = answers.election_types?.types;
	return Array.isArray(types) ? ELECTION_TYPES.filter((t) => types.includes(t)) : [];
}

/** The types the voter chose and may register for: EP drops out if the declaration is refused. */
export function registeredTypes(answers: Answers, today: IsoDate): ElectionType[] {
	const available = availableTypes(factsOf(answers), today);
	return chosenTypes(answers).filter((t) => available[t].eligible);
}

const isCaribbean = (ctx: Context) =>
	CARIBBEAN_COUNTRIES.includes(value(ctx.answers, 'residence', 'country') ?? '');

const typeNotes = (ctx: Context): Note[] => {
	const available = availableTypes(factsOf(ctx.answers), ctx.today);
	return ELECTION_TYPES.filter((t) => !available[t].eligible).flatMap((t) =>
		available[t].reasons.map((r) => ({
			title: msg('register_types_not_available', { type: t }),
			text: msg(`reason_${r.code}`, r.params),
			basis: r.basis
		}))
	);
};

const steps: Step[] = [
	{
		id: 'nationality',
		question: msg('register_nationality_question'),
		hint: msg('register_nationality_hint'),
		fields: () => yesNoField(),
		schema: () => z.object({ value: yesNo }),
		summary: yesNoSummary
	},
	{
		id: 'residence',
		question: msg('register_residence_question'),
		hint: msg('register_residence_hint'),
		fields: () => [countrySelect()],
		schema: () => z.object({ country: country('register_residence_error_required') }),
		summary: (a) => [{ country: String(a.country) }]
	},
	{
		id: 'caribbean_ten_years',
		question: msg('register_caribbean_ten_years_question'),
		hint: msg('register_caribbean_ten_years_hint'),
		applies: isCaribbean,
		fields: () => yesNoField(),
		schema: () => z.object({ value: yesNo }),
		summary: yesNoSummary
	},
	{
		id: 'caribbean_public_service',
		question: msg('register_caribbean_public_service_question'),
		hint: msg('register_caribbean_public_service_hint'),
		applies: (ctx) => isCaribbean(ctx) && value(ctx.answers, 'caribbean_ten_years') === 'no',
		fields: () => yesNoField(),
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
		id: 'election_types',
		question: msg('register_types_question'),
		hint: msg('register_types_hint'),
		notes: typeNotes,
		fields: (ctx) => {
			const available = availableTypes(factsOf(ctx.answers), ctx.today);
			return [
				{
					name: 'types',
					kind: 'checkboxes',
					options: ELECTION_TYPES.filter((t) => available[t].eligible).map((t) => ({
						value: t,
						label: msg(`election_type_${t}`),
						hint: msg(`election_type_${t}_hint`)
					}))
				}
			];
		},
		schema: (ctx) => {
			const available = availableTypes(factsOf(ctx.answers), ctx.today);
			const allowed = ELECTION_TYPES.filter((t) => available[t].eligible);
			return z.object({
				types: z
					.array(z.string())
					.min(1, 'register_types_error_required')
					.refine((ts) => ts.every((t) => (allowed as string[]).includes(t)), {
						message: 'register_types_error_required'
					})
			});
		},
		summary: (a) => (Array.isArray(a.types) ? a.types.map((t) => msg(`election_type_${t}`)) : [])
	},
	{
		id: 'ep_declaration',
		question: msg('register_ep_declaration_question', {}),
		hint: msg('register_ep_declaration_hint'),
		applies: (ctx) => needsEpDeclaration(factsOf(ctx.answers), chosenTypes(ctx.answers)),
		notes: () => [
			{
				text: msg('register_ep_declaration_note'),
				basis: [LAW.EP_DECLARATION]
			}
		],
		fields: () => [
			{
				name: 'value',
				kind: 'radio',
				options: [
					{ value: 'yes', label: msg('register_ep_declaration_yes') },
					{ value: 'no', label: msg('register_ep_declaration_no') }
				]
			}
		],
		schema: () => z.object({ value: yesNo }),
		summary: (a) => [
			msg(a.value === 'yes' ? 'register_ep_declaration_yes' : 'register_ep_declaration_no')
		]
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
		id: 'sex',
		question: msg('register_sex_question'),
		hint: msg('register_sex_hint'),
		fields: () => [
			{
				name: 'sex',
				kind: 'radio',
				options: (['M', 'V', 'X'] as const).map((s) => ({
					value: s,
					label: msg(`register_sex_${s}`)
				}))
			}
		],
		schema: () => z.object({ sex: z.enum(['M', 'V', 'X'], { error: 'error_choose_one' }) }),
		summary: (a) => [msg(`register_sex_${a.sex}`)]
	},
	{
		id: 'address',
		question: msg('register_address_question'),
		hint: msg('register_address_hint'),
		fields: () => addressLines(),
		schema: () => addressSchema(),
		summary: (a, ctx) => [
			...lines(a).map(literal),
			{ country: value(ctx.answers, 'residence', 'country') ?? '' }
		]
	},
	{
		id: 'correspondence_choice',
		question: msg('register_correspondence_choice_question'),
		hint: msg('register_correspondence_choice_hint'),
		fields: () => yesNoField(),
		schema: () => z.object({ value: yesNo }),
		summary: yesNoSummary
	},
	{
		id: 'correspondence_address',
		question: msg('register_correspondence_address_question'),
		hint: msg('register_correspondence_address_hint'),
		applies: (ctx) => value(ctx.answers, 'correspondence_choice') === 'yes',
		fields: () => [...addressLines(), countrySelect(msg('field_country'))],
		schema: () => addressSchema().extend({ country: country('register_residence_error_required') }),
		summary: (a) => [...lines(a).map(literal), { country: String(a.country) }]
	},
	{
		id: 'contact',
		question: msg('register_contact_question'),
		hint: msg('register_contact_hint'),
		fields: () => [
			{
				name: 'email',
				kind: 'email',
				label: msg('register_contact_email'),
				hint: msg('register_contact_email_hint'),
				autocomplete: 'email',
				inputmode: 'email',
				spellcheck: false,
				// KB D 4: an e-mail address "where applicable"; without one, notices come by post.
				optional: true
			},
			{
				name: 'phone',
				kind: 'tel',
				label: msg('register_contact_phone'),
				hint: msg('register_contact_phone_hint'),
				autocomplete: 'tel',
				inputmode: 'tel',
				optional: true
			}
		],
		schema: () =>
			z.object({
				email: z
					.string()
					.max(254, 'register_contact_email_error_invalid')
					.refine((v) => v === '' || EMAIL.test(v), 'register_contact_email_error_invalid'),
				phone: z
					.string()
					.max(30, 'register_contact_phone_error_invalid')
					.refine((v) => v === '' || PHONE.test(v), 'register_contact_phone_error_invalid')
			}),
		summary: (a) => [literal(String(a.email)), ...(a.phone ? [literal(String(a.phone))] : [])]
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
		id: 'submission',
		question: msg('register_submission_question'),
		hint: msg('register_submission_hint'),
		fields: (ctx) => [
			{
				name: 'channel',
				kind: 'radio',
				options: submissionChannels(factsOf(ctx.answers)).map((c) => ({
					value: c.channel,
					label: msg(`submission_${c.channel}`),
					hint: msg(`submission_${c.channel}_hint`)
				}))
			}
		],
		schema: (ctx) => {
			const channels = submissionChannels(factsOf(ctx.answers)).map((c) => c.channel as string);
			return z.object({
				channel: z.string().refine((v) => channels.includes(v), 'error_choose_one')
			});
		},
		summary: (a) => [msg(`submission_${a.channel}`)]
	}
];

const lines = (a: StepAnswer) =>
	[a.address_line1, a.address_line2, a.address_line3].filter(
		(l): l is string => typeof l === 'string' && l !== ''
	);

const addressSchema = () =>
	z.object({
		address_line1: text({ max: 100, required: 'register_address_error_required' }),
		address_line2: text({ max: 100, required: 'register_address_error_city' }),
		address_line3: text({ max: 100 })
	});

// A deliberately loose check: one @, something on both sides, a dot in the domain. The office
// confirms the address by writing to it.
export const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/u;
export const PHONE = /^\+?[0-9 ()./-]{6,30}$/u;

/** The Dutch citizen service number passes the eleven-test (elfproef). */
export function isBsn(digits: string): boolean {
	if (!/^\d{9}$/.test(digits)) return false;
	const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (i === 8 ? -1 : 9 - i), 0);
	return sum % 11 === 0 && digits !== '000000000';
}

/** The message key for what is wrong with a date of birth typed in three fields, or null. */
export function dateError(day: string, month: string, year: string, today: IsoDate): string | null {
	if (!day && !month && !year) return 'register_dob_error_required';
	if (!day || !month || !year) return 'register_dob_error_incomplete';
	if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
		return 'register_dob_error_invalid';
	}
	if (!isValidCalendarDate(Number(year), Number(month), Number(day))) {
		return 'register_dob_error_invalid';
	}
	const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
	if (iso > today) return 'register_dob_error_future';
	if (Number(year) < Number(today.slice(0, 4)) - 130) return 'register_dob_error_too_old';
	return null;
}

export const registration: Journey = {
	id: REGISTRATION,
	steps,
	outcome: ({ answers, today }) => {
		if (answers.nationality && value(answers, 'nationality') === 'no') return { id: 'not_dutch' };
		if (answers.residence) {
			const residence = assessResidence(factsOf(answers));
			if (!residence.abroad) return { id: 'not_abroad' };
		}
		const dob = dateOfBirth(answers);
		if (dob && assessAge(dob, today).status === 'too_young') return { id: 'too_young' };
		if (answers.date_of_birth) {
			const available = availableTypes(factsOf(answers), today);
			if (!ELECTION_TYPES.some((t) => available[t].eligible)) return { id: 'not_eligible' };
		}
		if (answers.ep_declaration && registeredTypes(answers, today).length === 0) {
			return { id: 'not_eligible' };
		}
		return null;
	}
};
