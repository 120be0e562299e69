/**
 * The change conversation (KW D 3(3), D 7(1); KB D 4, D 9; MvT §3.4): a registered voter abroad
 * changes what is registered (home address, correspondence address, e-mail, phone, name, election
 * types) or asks to be removed. One question per page; each chosen change gets a page of its own.
 *
 * The country comes first: whoever now lives in the Netherlands (Bonaire, Sint Eustatius and Saba
 * included) has nothing to send, as the population register's change removes them ex officio
 * (D 6(2), D 6(3)), and is told so before typing a name (KB D 4: nothing collected needlessly).
 */
import { z } from 'zod';
import {
	CARIBBEAN_COUNTRIES,
	ELECTION_TYPES,
	LAW,
	assessResidence,
	availableTypes,
	isValidCalendarDate,
	mvt,
	needsEpDeclaration,
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
	type StepAnswer,
	type Text
} from '../engine';
import { addressLines, country, countrySelect, personName, text } from '../fields';
import { EMAIL, PHONE, dateError, isBsn } from '../registration';
import type { ChangeRequest, RequestAddress } from '../requests';

export const CHANGE = 'change';

/** What the voter can ask for; `removal` excludes every other item (D 3(3): a change, or out). */
export const CHANGE_ITEMS = [
	'residential_address',
	'correspondence_address',
	'email',
	'phone',
	'name',
	'election_types',
	'removal'
] as const;
export type ChangeItem = (typeof CHANGE_ITEMS)[number];

/** The two ways to Den Haag (KB D 5(1), D 5(4)); a forwarding post would cost days of the nine weeks. */
export const CHANGE_CHANNELS = ['den_haag_upload', 'den_haag_post'] as const;
export type ChangeChannel = (typeof CHANGE_CHANNELS)[number];

const value = (answers: Answers, step: string, field = 'value'): string | undefined => {
	const v = answers[step]?.[field];
	return typeof v === 'string' ? v : undefined;
};

/** The items chosen on the "what" page, in the page's order. */
export function chosenItems(answers: Answers): ChangeItem[] {
	const items = answers.what?.items;
	return Array.isArray(items) ? CHANGE_ITEMS.filter((i) => items.includes(i)) : [];
}

const chose = (item: ChangeItem) => (ctx: Context) => chosenItems(ctx.answers).includes(item);

export const residenceOf = (answers: Answers): string =>
	value(answers, 'residence', 'country') ?? '';

export function dateOfBirthOf(answers: Answers): IsoDate | null {
	const a = answers.identity;
	if (!a) return null;
	const [d, m, y] = [a.dob_day, a.dob_month, a.dob_year].map((v) => Number(v));
	if (!d || !m || !y || !isValidCalendarDate(y, m, d)) return null;
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const flag = (v: string | undefined) => (v === undefined ? undefined : v === 'yes');

/**
 * The facts the registration's eligibility rules need. Only someone registered changes a
 * registration, and only Dutch nationals are (KW D 2, B 1): nationality is not asked again.
 */
export function factsOf(answers: Answers): RegistrationFacts {
	return {
		dutch: true,
		residence: residenceOf(answers),
		dateOfBirth: dateOfBirthOf(answers) ?? undefined,
		caribbeanTenYears: flag(value(answers, 'caribbean_ten_years')),
		caribbeanPublicService: flag(value(answers, 'caribbean_public_service')),
		epDeclaration: flag(value(answers, 'ep_declaration'))
	};
}

export function chosenTypes(answers: Answers): ElectionType[] {
	const types = answers.election_types?.types;
	return Array.isArray(types) ? ELECTION_TYPES.filter((t) => types.includes(t)) : [];
}

/**
 * The types the voter asks to be registered for: the chosen ones (only eligible ones can be
 * chosen), without the EP when its declaration (KW Y 6(1)) was refused.
 */
export function requestedTypes(answers: Answers): ElectionType[] {
	const refused = value(answers, 'ep_declaration') === 'no';
	return chosenTypes(answers).filter((t) => !(t === 'EP' && refused));
}

const isCaribbean = (ctx: Context) => CARIBBEAN_COUNTRIES.includes(residenceOf(ctx.answers));

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

const nameFields = (): Field[] => [
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
];
const nameSchema = {
	first_names: personName('register_name_first_names'),
	surname: personName('register_name_surname')
};

const addressSchema = () =>
	z.object({
		address_line1: text({ max: 100, required: 'register_address_error_required' }),
		address_line2: text({ max: 100, required: 'register_address_error_city' }),
		address_line3: text({ max: 100 })
	});

export const linesOf = (a: StepAnswer | undefined): string[] =>
	[a?.address_line1, a?.address_line2, a?.address_line3].filter(
		(l): l is string => typeof l === 'string' && l !== ''
	);

const cleanBsn = (v: string) => v.replace(/[\s.]/g, '');

const emailSchema = z
	.string()
	.max(254, 'register_contact_email_error_invalid')
	.refine((v) => v.length > 254 || EMAIL.test(v), 'register_contact_email_error_invalid');
const phoneSchema = z
	.string()
	.max(30, 'register_contact_phone_error_invalid')
	.refine((v) => v.length > 30 || PHONE.test(v), 'register_contact_phone_error_invalid');

/**
 * A registered value that is replaced or removed (e-mail, phone): "new" reveals the one field
 * for the new value; only then is it required and checked.
 */
function replaceOrRemove(item: 'email' | 'phone'): Pick<Step, 'fields' | 'schema' | 'summary'> {
	const field: Field =
		item === 'email'
			? {
					name: 'email',
					kind: 'email',
					label: msg('change_email_new_label'),
					autocomplete: 'email',
					inputmode: 'email',
					spellcheck: false
				}
			: {
					name: 'phone',
					kind: 'tel',
					label: msg('change_phone_new_label'),
					hint: msg('register_contact_phone_hint'),
					autocomplete: 'tel',
					inputmode: 'tel'
				};
	const valid = item === 'email' ? emailSchema : phoneSchema;
	return {
		fields: () => [
			{
				name: 'action',
				kind: 'radio',
				options: [
					{ value: 'new', label: msg(`change_${item}_new`), conditional: [field] },
					{ value: 'remove', label: msg(`change_${item}_remove`) }
				]
			}
		],
		schema: () =>
			z.object({ action: z.string(), [item]: z.string() }).superRefine((v, issues) => {
				const issue = (message: string, path: string) =>
					issues.addIssue({ code: 'custom', message, path: [path] });
				if (v.action !== 'new' && v.action !== 'remove') return issue('error_choose_one', 'action');
				if (v.action === 'remove') return;
				const typed = String(v[item] ?? '');
				if (typed === '') return issue(`change_${item}_error_required`, item);
				const result = valid.safeParse(typed);
				if (!result.success) issue(result.error.issues[0]!.message, item);
			}) as unknown as z.ZodType<StepAnswer>,
		summary: (a) =>
			a.action === 'new' ? [literal(String(a[item]))] : [msg(`change_${item}_remove`)]
	};
}

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

const eligibleTypes = (ctx: Context): ElectionType[] => {
	const available = availableTypes(factsOf(ctx.answers), ctx.today);
	return ELECTION_TYPES.filter((t) => available[t].eligible);
};

// The full names of the chosen changes, for the transcript and the "what" page.
const itemLabel = (item: ChangeItem) => msg(`change_what_${item}`);

const steps: Step[] = [
	{
		id: 'residence',
		question: msg('change_residence_question'),
		hint: msg('change_residence_hint'),
		fields: () => [countrySelect()],
		schema: () => z.object({ country: country('register_residence_error_required') }),
		summary: (a) => [{ country: String(a.country) }]
	},
	{
		id: 'identity',
		question: msg('change_identity_question'),
		hint: msg('change_identity_hint'),
		fields: () => [
			...nameFields(),
			{
				name: 'dob',
				kind: 'date',
				label: msg('change_identity_dob'),
				hint: msg('register_dob_hint'),
				autocomplete: 'bday'
			},
			{
				// KB D 4(a): the BSN "where applicable"; it helps find the registration, never required.
				name: 'bsn',
				kind: 'text',
				label: msg('change_identity_bsn'),
				hint: msg('change_identity_bsn_hint'),
				optional: true,
				inputmode: 'numeric',
				width: 'medium',
				autocomplete: 'off',
				spellcheck: false
			}
		],
		// Every field is checked at once, so the voter sees all that is wrong in one go.
		schema: (ctx) =>
			z
				.object({
					first_names: z.string(),
					surname: z.string(),
					dob_day: z.string(),
					dob_month: z.string(),
					dob_year: z.string(),
					bsn: z.string()
				})
				.superRefine((v, issues) => {
					for (const field of ['first_names', 'surname'] as const) {
						const result = nameSchema[field].safeParse(v[field]);
						if (!result.success) {
							issues.addIssue({
								code: 'custom',
								message: result.error.issues[0]!.message,
								path: [field]
							});
						}
					}
					const dob = dateError(v.dob_day, v.dob_month, v.dob_year, ctx.today);
					if (dob) issues.addIssue({ code: 'custom', message: dob, path: ['dob_day'] });
					if (v.bsn !== '' && !isBsn(cleanBsn(v.bsn))) {
						issues.addIssue({
							code: 'custom',
							message: 'register_bsn_error_invalid',
							path: ['bsn']
						});
					}
				}) as unknown as z.ZodType<StepAnswer>,
		summary: (a, ctx) => {
			const dob = dateOfBirthOf({ ...ctx.answers, identity: a });
			return [
				literal(`${a.first_names} ${a.surname}`),
				...(dob ? [{ date: dob } as Text] : []),
				...(a.bsn ? [msg('change_identity_bsn_summary', { bsn: cleanBsn(String(a.bsn)) })] : [])
			];
		}
	},
	{
		id: 'what',
		question: msg('change_what_question'),
		hint: msg('change_what_hint'),
		notes: () => [{ text: msg('change_what_note'), basis: [LAW.CHANGE_CUTOFF, mvt('3.4')] }],
		fields: () => [
			{
				name: 'items',
				kind: 'checkboxes',
				options: CHANGE_ITEMS.map((item) => ({
					value: item,
					label: itemLabel(item),
					...(item === 'removal' ? { hint: msg('change_what_removal_hint') } : {})
				}))
			}
		],
		schema: () =>
			z.object({
				items: z
					.array(z.string())
					.min(1, 'change_what_error_required')
					.refine((items) => items.every((i) => (CHANGE_ITEMS as readonly string[]).includes(i)), {
						message: 'change_what_error_required'
					})
					// Removal ends the registration; a change to it at the same time means nothing.
					.refine((items) => !items.includes('removal') || items.length === 1, {
						message: 'change_what_error_removal_exclusive'
					})
			}),
		summary: (a) =>
			Array.isArray(a.items) ? CHANGE_ITEMS.filter((i) => a.items!.includes(i)).map(itemLabel) : []
	},
	{
		id: 'residential_address',
		question: msg('change_address_question'),
		hint: msg('register_address_hint'),
		applies: chose('residential_address'),
		// MvT §3.5: a registered correspondence address keeps the papers going there.
		notes: () => [{ text: msg('change_address_note'), basis: [mvt('3.5')] }],
		fields: () => addressLines(),
		schema: () => addressSchema(),
		summary: (a, ctx) => [...linesOf(a).map(literal), { country: residenceOf(ctx.answers) }]
	},
	{
		id: 'correspondence',
		question: msg('change_correspondence_question'),
		hint: msg('change_correspondence_hint'),
		applies: chose('correspondence_address'),
		fields: () => [
			{
				name: 'action',
				kind: 'radio',
				options: [
					{ value: 'new', label: msg('change_correspondence_new') },
					{ value: 'remove', label: msg('change_correspondence_remove') }
				]
			}
		],
		schema: () => z.object({ action: z.enum(['new', 'remove'], { error: 'error_choose_one' }) }),
		summary: (a) => [msg(`change_correspondence_${a.action}`)]
	},
	{
		id: 'correspondence_address',
		question: msg('register_correspondence_address_question'),
		hint: msg('register_correspondence_address_hint'),
		applies: (ctx) =>
			chose('correspondence_address')(ctx) &&
			value(ctx.answers, 'correspondence', 'action') === 'new',
		fields: () => [
			...addressLines('correspondence'),
			countrySelect(msg('field_country'), 'correspondence')
		],
		schema: () =>
			addressSchema().extend({ country: country('change_correspondence_country_error') }),
		summary: (a) => [...linesOf(a).map(literal), { country: String(a.country) }]
	},
	{
		id: 'email',
		question: msg('change_email_question'),
		hint: msg('change_email_hint'),
		applies: chose('email'),
		...replaceOrRemove('email')
	},
	{
		id: 'phone',
		question: msg('change_phone_question'),
		applies: chose('phone'),
		...replaceOrRemove('phone')
	},
	{
		id: 'name',
		question: msg('change_name_question'),
		hint: msg('change_name_hint'),
		applies: chose('name'),
		fields: nameFields,
		schema: () => z.object(nameSchema),
		summary: (a) => [literal(`${a.first_names} ${a.surname}`)]
	},
	{
		// KW B 1(2), Pa 2(2): for the TK and the KNI, residents of Aruba, Curaçao and Sint Maarten
		// need ten years' residence in the Netherlands or Dutch public service.
		id: 'caribbean_ten_years',
		question: msg('register_caribbean_ten_years_question'),
		hint: msg('register_caribbean_ten_years_hint'),
		applies: (ctx) => chose('election_types')(ctx) && isCaribbean(ctx),
		fields: yesNoField,
		schema: () => z.object({ value: yesNo }),
		summary: yesNoSummary
	},
	{
		id: 'caribbean_public_service',
		question: msg('register_caribbean_public_service_question'),
		hint: msg('register_caribbean_public_service_hint'),
		applies: (ctx) =>
			chose('election_types')(ctx) &&
			isCaribbean(ctx) &&
			value(ctx.answers, 'caribbean_ten_years') === 'no',
		fields: yesNoField,
		schema: () => z.object({ value: yesNo }),
		summary: yesNoSummary
	},
	{
		id: 'election_types',
		question: msg('change_types_question'),
		hint: msg('change_types_hint'),
		applies: chose('election_types'),
		// A type the voter cannot be registered for is not offered; the note says why, with its
		// article (the registration's own rules: KW B 1, Y 3, Pa 2, D 2).
		notes: typeNotes,
		fields: (ctx) => [
			{
				name: 'types',
				kind: 'checkboxes',
				options: eligibleTypes(ctx).map((t) => ({
					value: t,
					label: msg(`election_type_${t}`),
					hint: msg(`election_type_${t}_hint`)
				}))
			}
		],
		schema: (ctx) => {
			const allowed: string[] = eligibleTypes(ctx);
			return z.object({
				types: z
					.array(z.string())
					.min(1, 'change_types_error_required')
					.refine((ts) => ts.every((t) => allowed.includes(t)), {
						message: 'change_types_error_required'
					})
			});
		},
		summary: (a) => (Array.isArray(a.types) ? a.types.map((t) => msg(`election_type_${t}`)) : [])
	},
	{
		// KW Y 6(1): a resident of another member state who wants the EP declares to vote only here.
		id: 'ep_declaration',
		question: msg('register_ep_declaration_question'),
		hint: msg('register_ep_declaration_hint'),
		applies: (ctx) =>
			chose('election_types')(ctx) &&
			needsEpDeclaration(factsOf(ctx.answers), chosenTypes(ctx.answers)),
		notes: () => [{ text: msg('register_ep_declaration_note'), basis: [LAW.EP_DECLARATION] }],
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
		id: 'submission',
		question: msg('change_submission_question'),
		hint: msg('change_submission_hint'),
		fields: () => [
			{
				name: 'channel',
				kind: 'radio',
				options: CHANGE_CHANNELS.map((c) => ({
					value: c,
					label: msg(`submission_${c}`),
					hint: msg(`submission_${c}_hint`)
				}))
			}
		],
		schema: () => z.object({ channel: z.enum(CHANGE_CHANNELS, { error: 'error_choose_one' }) }),
		summary: (a) => [msg(`submission_${a.channel}`)]
	}
];

export const change: Journey = {
	id: CHANGE,
	steps,
	outcome: ({ answers, today }) => {
		// KW D 6(2), D 6(3): living in the Netherlands again ends the registration ex officio.
		if (answers.residence && !assessResidence({ residence: residenceOf(answers) }).abroad) {
			return { id: 'lives_in_netherlands' };
		}
		if (chosenItems(answers).includes('election_types') && answers.identity) {
			const available = availableTypes(factsOf(answers), today);
			if (!ELECTION_TYPES.some((t) => available[t].eligible)) return { id: 'not_eligible' };
			// The EP declaration refused, and the EP was the only type chosen.
			if (answers.ep_declaration && requestedTypes(answers).length === 0) {
				return { id: 'not_eligible' };
			}
		}
		return null;
	}
};

export function channelOf(answers: Answers): ChangeChannel {
	const channel = value(answers, 'submission', 'channel');
	return channel === 'den_haag_post' ? 'den_haag_post' : 'den_haag_upload';
}

/**
 * The request the answers make (the contract with the back office), or null while the answers
 * that every request needs are missing. The answers are the draft's, already checked step by step
 * by the engine; this reads them and adds nothing.
 */
export function changeRequest(answers: Answers): ChangeRequest | null {
	const residence = residenceOf(answers);
	const dateOfBirth = dateOfBirthOf(answers);
	const items = chosenItems(answers);
	const identity = answers.identity;
	if (!residence || !dateOfBirth || !identity || items.length === 0) return null;
	const str = (a: StepAnswer | undefined, field: string) => String(a?.[field] ?? '');
	const address = (a: StepAnswer | undefined, country: string): RequestAddress => ({
		lines: linesOf(a),
		country
	});
	const removal = items.includes('removal');
	const changes: ChangeRequest['changes'] = {};
	const has = (item: ChangeItem) => !removal && items.includes(item);
	if (has('residential_address')) {
		if (!answers.residential_address) return null;
		changes.residentialAddress = address(answers.residential_address, residence);
	}
	if (has('correspondence_address')) {
		const action = value(answers, 'correspondence', 'action');
		const a = answers.correspondence_address;
		if (action === 'remove') changes.correspondenceAddress = null;
		else if (action === 'new' && a) changes.correspondenceAddress = address(a, str(a, 'country'));
		else return null;
	}
	for (const item of ['email', 'phone'] as const) {
		if (!has(item)) continue;
		const action = value(answers, item, 'action');
		if (action === 'remove') changes[item] = null;
		else if (action === 'new') changes[item] = str(answers[item], item);
		else return null;
	}
	if (has('name')) {
		if (!answers.name) return null;
		changes.name = {
			surname: str(answers.name, 'surname'),
			firstNames: str(answers.name, 'first_names')
		};
	}
	if (has('election_types')) {
		const types = requestedTypes(answers);
		if (types.length === 0) return null;
		changes.electionTypes = types;
		// KW Y 6(1): the office records the declaration with the EP registration.
		if (types.includes('EP') && needsEpDeclaration(factsOf(answers), types)) {
			changes.epDeclaration = true;
		}
		// KB D 4(c): the declaration of Dutch public service, filled in on the form.
		if (
			value(answers, 'caribbean_public_service') === 'yes' &&
			types.some((t) => t === 'TK' || t === 'KNI')
		) {
			changes.publicServiceDeclaration = true;
		}
	}
	return {
		kind: 'change',
		voter: {
			surname: str(identity, 'surname'),
			firstNames: str(identity, 'first_names'),
			dateOfBirth,
			bsn: cleanBsn(str(identity, 'bsn')) || null,
			// The home address as the voter gives it: the new one when it changes, otherwise the
			// country alone (the office has the registered address; nothing is asked twice).
			address: changes.residentialAddress ?? { lines: [], country: residence },
			email: typeof changes.email === 'string' ? changes.email : null,
			phone: typeof changes.phone === 'string' ? changes.phone : null
		},
		removal,
		changes
	};
}
