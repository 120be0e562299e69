/**
 * The status request without an account (KW D 5): one short page asking only what finds the
 * person (KB D 4's surname, first names or initials and date of birth, and the country of
 * residence), and where to send the reasons if no registration is found (KB D 8). Shared by the
 * server (validation) and the page (the fields).
 */
import { z } from 'zod';
import { formatIsoDate, type IsoDate } from '$lib/domain';
import { allFields, msg, readForm, fieldErrors, type Field, type StepAnswer } from '../engine';
import { addressLines, country, countrySelect, personName, text } from '../fields';
import { dateError, EMAIL } from '../registration';

export type PostalAddress = { lines: string[]; country: string };

/** What a valid request holds. */
export type StatusRequestForm = {
	surname: string;
	firstNames: string;
	birthDate: IsoDate;
	country: string;
	answerBy: { email: string } | { postalAddress: PostalAddress };
};

export const STATUS_FIELDS: Field[] = [
	{
		name: 'first_names',
		kind: 'text',
		label: msg('register_name_first_names'),
		hint: msg('status_first_names_hint'),
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
	},
	{
		name: 'dob',
		kind: 'date',
		label: msg('status_dob_label'),
		hint: msg('register_dob_hint'),
		autocomplete: 'bday'
	},
	{ ...countrySelect(msg('status_country_label')), hint: msg('status_country_hint') },
	{
		name: 'answer_by',
		kind: 'radio',
		label: msg('status_answer_by_label'),
		hint: msg('status_answer_by_hint'),
		options: [
			{
				value: 'email',
				label: msg('status_answer_by_email'),
				conditional: [
					{
						name: 'email',
						kind: 'email',
						label: msg('register_contact_email'),
						autocomplete: 'section-answer email',
						inputmode: 'email',
						spellcheck: false
					}
				]
			},
			{
				value: 'post',
				label: msg('status_answer_by_post'),
				conditional: [
					...addressLines('answer'),
					{ ...countrySelect(msg('field_country'), 'answer'), name: 'address_country' }
				]
			}
		]
	}
];

const name = {
	first_names: personName('register_name_first_names'),
	surname: personName('register_name_surname')
};
const email = z
	.string()
	.min(1, 'status_email_error_required')
	.max(254, 'register_contact_email_error_invalid')
	.refine((v) => v.length > 254 || EMAIL.test(v), 'register_contact_email_error_invalid');
const address = {
	address_line1: text({ max: 100, required: 'status_address_error_line1' }),
	address_line2: text({ max: 100, required: 'status_address_error_line2' }),
	address_line3: text({ max: 100 }),
	address_country: country('status_address_country_error_required')
};
const answerBy = z.enum(['email', 'post'], { error: 'status_answer_by_error_required' });
const residence = country('status_country_error_required');

/**
 * Every field is checked, so a voter sees all that is wrong at once (not the date only after the
 * name is right); only the chosen way of answering is checked, and the other way's fields are
 * ignored (KB D 4: nothing kept that is not needed).
 */
export function statusSchema(today: IsoDate) {
	const strings = Object.fromEntries(
		allFields(STATUS_FIELDS).flatMap((f) =>
			f.kind === 'date'
				? ['day', 'month', 'year'].map((p) => [`${f.name}_${p}`, z.string()])
				: [[f.name, z.string()]]
		)
	) as Record<string, z.ZodString>;
	return z.object(strings).superRefine((v, ctx) => {
		const check = (field: string, schema: z.ZodType<unknown>) => {
			const result = schema.safeParse(v[field] ?? '');
			if (!result.success) {
				ctx.addIssue({ code: 'custom', message: result.error.issues[0]!.message, path: [field] });
			}
		};
		check('first_names', name.first_names);
		check('surname', name.surname);
		const dob = dateError(v.dob_day ?? '', v.dob_month ?? '', v.dob_year ?? '', today);
		if (dob) ctx.addIssue({ code: 'custom', message: dob, path: ['dob_day'] });
		check('country', residence);
		check('answer_by', answerBy);
		if (v.answer_by === 'email') check('email', email);
		if (v.answer_by === 'post') for (const [f, s] of Object.entries(address)) check(f, s);
	});
}

export type StatusFormResult =
	| { ok: true; request: StatusRequestForm }
	| { ok: false; values: StepAnswer; errors: Record<string, string> };

/** Reads and checks the posted form; on failure, what was typed and a message key per field. */
export function readStatusForm(form: FormData, today: IsoDate): StatusFormResult {
	const values = readForm(STATUS_FIELDS, form);
	const parsed = statusSchema(today).safeParse(values);
	if (!parsed.success) {
		return { ok: false, values, errors: fieldErrors(STATUS_FIELDS, parsed.error) };
	}
	const v = values as Record<string, string>;
	// The schema has checked that the three parts make a real, past day.
	const birthDate = formatIsoDate(Number(v.dob_year), Number(v.dob_month), Number(v.dob_day));
	return {
		ok: true,
		request: {
			surname: v.surname!,
			firstNames: v.first_names!,
			birthDate,
			country: v.country!,
			answerBy:
				v.answer_by === 'email'
					? { email: v.email! }
					: {
							postalAddress: {
								lines: [v.address_line1!, v.address_line2!, v.address_line3!].filter(Boolean),
								country: v.address_country!
							}
						}
		}
	};
}
