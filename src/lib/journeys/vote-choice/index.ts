/**
 * The vote-choice conversation (KW K 7, L 9): per House of Representatives or European Parliament
 * election, a registered voter abroad keeps voting by post, or asks for a proxy (volmacht) or a
 * voter pass (kiezerspas) instead. Never for the KNI (Pa 21). One question per page; the elections
 * offered and the cut-off come from the calendar in `ctx.data` (the server loads it).
 */
import { z } from 'zod';
import {
	BES,
	LAW,
	NETHERLANDS,
	PROXY_HOLDER_CONDITIONS,
	VOTER_PASS_CONDITIONS,
	assessVoteChoice,
	isValidCalendarDate,
	offersVoteChoice,
	openForVoteChoice,
	voteChoiceOverview,
	votingAgeOn,
	type IsoDate,
	type Reason
} from '$lib/domain';
import {
	literal,
	msg,
	type Answers,
	type Context,
	type ElectionInfo,
	type Field,
	type Journey,
	type Note,
	type Step,
	type StepAnswer,
	type Text
} from '../engine';
import { addressLines, country, countrySelect, personName, text } from '../fields';
import { EMAIL, dateError } from '../registration';
import type { VoteChoiceRequest } from '../requests';

export const VOTE_CHOICE = 'vote_choice';

const value = (answers: Answers, step: string, field = 'value'): string | undefined => {
	const v = answers[step]?.[field];
	return typeof v === 'string' ? v : undefined;
};

const now = (ctx: Context): Date | null => (ctx.data.now ? new Date(ctx.data.now) : null);

/** TK and EP elections still ahead with a day: those a request can name (open or not). */
function candidates(ctx: Context): ElectionInfo[] {
	return ctx.data.elections.filter(
		(e) => offersVoteChoice(e.type) && e.electionDay !== null && e.electionDay >= ctx.today
	);
}

/** The elections whose effective cut-off is still open at the portal's `now`, soonest first. */
export function openElections(ctx: Context): ElectionInfo[] {
	const at = now(ctx);
	return at ? openForVoteChoice(ctx.data.elections, at).map((s) => s.election) : [];
}

/** The election the voter chose, as the calendar has it now; null if none (or no longer known). */
export function chosenElection(answers: Answers, elections: ElectionInfo[]): ElectionInfo | null {
	const slug = value(answers, 'election', 'election');
	const found = elections.find((e) => e.slug === slug);
	return found && offersVoteChoice(found.type) && found.electionDay !== null ? found : null;
}

export type Choice = 'post' | 'proxy' | 'voter_pass';
export const choiceOf = (answers: Answers): Choice | undefined =>
	value(answers, 'choice', 'choice') as Choice | undefined;

/** "House of Representatives (Tweede Kamer), 15 May 2030": an election as the voter reads it. */
export const electionName = (e: ElectionInfo): Text =>
	msg('vote_choice_election_name', { type: e.type, date: e.electionDay ?? '' });

/** A condition from the domain as a note under the question, with its articles. */
const conditionNote = (c: Reason): Note => ({ text: msg(`vote_choice_${c.code}`), basis: c.basis });

/** One tick box that must be ticked: "I understand…". */
const understood = (label: string): Field[] => [
	{ name: 'understood', kind: 'checkboxes', options: [{ value: 'yes', label: msg(label) }] }
];
const understoodSchema = (error: string) =>
	z.object({
		understood: z.array(z.string()).refine((v) => v.length === 1 && v[0] === 'yes', error)
	});

/** A date of birth typed in three fields, as an IsoDate; null while it is not a real date. */
export function isoDate(a: StepAnswer | undefined, name = 'dob'): IsoDate | null {
	if (!a) return null;
	const [d, m, y] = [a[`${name}_day`], a[`${name}_month`], a[`${name}_year`]].map(Number);
	if (!d || !m || !y || !isValidCalendarDate(y, m, d)) return null;
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date of birth in three fields: the registration's checks (real, past, plausible), then 18 on
 * the chosen election's day (KW B 1(1), Y 3(a)). `prefix` names the messages: the voter's own
 * are the registration's; the proxy holder's say whose date it is.
 */
const dobSchema = (
	ctx: Context,
	prefix: 'register_dob' | 'vote_choice_holder_dob',
	young: string
) =>
	z
		.object({ dob_day: z.string(), dob_month: z.string(), dob_year: z.string() })
		.superRefine((v, issues) => {
			let error = dateError(v.dob_day, v.dob_month, v.dob_year, ctx.today);
			if (error) error = error.replace(/^register_dob/, prefix);
			const election = chosenElection(ctx.answers, ctx.data.elections);
			const dob = isoDate(v);
			if (!error && election?.electionDay && dob && !votingAgeOn(dob, election.electionDay)) {
				error = young;
			}
			if (error) issues.addIssue({ code: 'custom', message: error, path: ['dob_day'] });
		});

const lines = (a: StepAnswer) =>
	[a.address_line1, a.address_line2, a.address_line3].filter(
		(l): l is string => typeof l === 'string' && l !== ''
	);

const addressSchema = (required: string, city: string) =>
	z.object({
		address_line1: text({ max: 100, required }),
		address_line2: text({ max: 100, required: city }),
		address_line3: text({ max: 100 })
	});

/** Someone else's details: the browser must not offer the voter's own (autocomplete off). */
const notMine = (fields: Field[]): Field[] => fields.map((f) => ({ ...f, autocomplete: 'off' }));

const nameFields = (first: string, surname: string, mine: boolean): Field[] => {
	const fields: Field[] = [
		{
			name: 'first_names',
			kind: 'text',
			label: msg(first),
			autocomplete: 'given-name',
			spellcheck: false
		},
		{
			name: 'surname',
			kind: 'text',
			label: msg(surname),
			hint: msg('register_name_surname_hint'),
			autocomplete: 'family-name',
			spellcheck: false
		}
	];
	return mine ? fields : notMine(fields);
};

const dobField = (mine: boolean): Field[] => [
	{ name: 'dob', kind: 'date', autocomplete: mine ? 'bday' : 'off' }
];

const isProxy = (ctx: Context) => choiceOf(ctx.answers) === 'proxy';
const isPass = (ctx: Context) => choiceOf(ctx.answers) === 'voter_pass';
const asking = (ctx: Context) => isProxy(ctx) || isPass(ctx);

const steps: Step[] = [
	{
		id: 'election',
		question: msg('vote_choice_election_question'),
		hint: msg('vote_choice_election_hint'),
		// With no election open, there is nothing to choose: the conversation goes on to say so.
		applies: (ctx) => openElections(ctx).length > 0,
		notes: (ctx) => {
			const at = now(ctx);
			const closed = at
				? voteChoiceOverview(candidates(ctx), at).filter((s) => s.status === 'closed')
				: [];
			return [
				// Why an election is missing from the list: its cut-off has passed, and which rule closed it.
				...closed.flatMap((s) =>
					s.status === 'closed'
						? s.reasons.map((r) => ({ text: msg(`reason_${r.code}`, r.params), basis: r.basis }))
						: []
				),
				// KW Pa 21: never for the kiescollege niet-ingezetenen; Pa 20: by post only.
				{
					text: msg('vote_choice_election_kni_note'),
					basis: [LAW.KNI_NO_PROXY_OR_PASS, LAW.KNI_POST_ONLY]
				}
			];
		},
		fields: (ctx) => {
			const at = now(ctx);
			return [
				{
					name: 'election',
					kind: 'radio',
					options: (at ? openForVoteChoice(ctx.data.elections, at) : []).map((s) => ({
						value: s.election.slug,
						label: electionName(s.election),
						hint: msg(
							s.election.provisional
								? 'vote_choice_election_option_hint_provisional'
								: 'vote_choice_election_option_hint',
							{ day: s.cutoff.day }
						)
					}))
				}
			];
		},
		// Any TK or EP election still ahead: one whose cut-off has passed since it was chosen leads
		// to "too late" (with the reasons) rather than back to a list without it.
		schema: (ctx) => {
			const slugs = candidates(ctx).map((e) => e.slug);
			return z.object({
				election: z.string().refine((v) => slugs.includes(v), 'error_choose_one')
			});
		},
		summary: (a, ctx) => {
			const e = chosenElection({ election: a }, ctx.data.elections);
			return e ? [electionName(e)] : [literal(String(a.election))];
		}
	},
	{
		id: 'registered',
		question: msg('vote_choice_registered_question'),
		hint: msg('vote_choice_registered_hint'),
		notes: () => [
			{
				text: msg('vote_choice_registered_note'),
				basis: [LAW.VOTER_PASS_ABROAD, LAW.PROXY_ABROAD, LAW.VOTER_PASS_REFUSAL]
			}
		],
		fields: () => [
			{
				name: 'value',
				kind: 'radio',
				options: [
					{ value: 'yes', label: msg('answer_yes') },
					{ value: 'no', label: msg('answer_no') },
					{ value: 'not_sure', label: msg('vote_choice_registered_not_sure') }
				]
			}
		],
		schema: () =>
			z.object({ value: z.enum(['yes', 'no', 'not_sure'], { error: 'error_choose_one' }) }),
		summary: (a) => [
			msg(
				a.value === 'yes'
					? 'answer_yes'
					: a.value === 'no'
						? 'answer_no'
						: 'vote_choice_registered_not_sure'
			)
		]
	},
	{
		id: 'choice',
		question: msg('vote_choice_choice_question'),
		hint: msg('vote_choice_choice_hint'),
		fields: () => [
			{
				name: 'choice',
				kind: 'radio',
				options: (['post', 'proxy', 'voter_pass'] as const).map((c) => ({
					value: c,
					label: msg(`vote_choice_choice_${c}`),
					hint: msg(`vote_choice_choice_${c}_hint`)
				}))
			}
		],
		schema: () =>
			z.object({
				choice: z.enum(['post', 'proxy', 'voter_pass'], { error: 'error_choose_one' })
			}),
		summary: (a) => [msg(`vote_choice_choice_${a.choice}`)]
	},
	{
		id: 'voter_pass_conditions',
		question: msg('vote_choice_pass_question'),
		hint: msg('vote_choice_pass_hint'),
		applies: isPass,
		notes: () => VOTER_PASS_CONDITIONS.map(conditionNote),
		fields: () => understood('vote_choice_pass_understood'),
		schema: () => understoodSchema('vote_choice_pass_error_required'),
		summary: () => [msg('vote_choice_understood_summary')]
	},
	{
		id: 'name',
		question: msg('register_name_question'),
		hint: msg('register_name_hint'),
		applies: asking,
		fields: () => nameFields('register_name_first_names', 'register_name_surname', true),
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
		applies: asking,
		fields: () => dobField(true),
		schema: (ctx) => dobSchema(ctx, 'register_dob', 'vote_choice_dob_error_too_young'),
		summary: (a) => [{ date: isoDate(a) ?? '' }]
	},
	{
		id: 'address',
		question: msg('vote_choice_address_question'),
		hint: msg('vote_choice_address_hint'),
		applies: asking,
		fields: () => [...addressLines(), countrySelect(msg('field_country'))],
		schema: () =>
			addressSchema('register_address_error_required', 'register_address_error_city').extend({
				// Voters abroad live outside the Netherlands, Bonaire, Sint Eustatius and Saba (KW D 2).
				country: country('vote_choice_address_error_country').refine(
					(c) => c !== NETHERLANDS && c !== BES,
					'vote_choice_address_error_netherlands'
				)
			}),
		summary: (a) => [...lines(a).map(literal), { country: String(a.country) }]
	},
	{
		id: 'email',
		question: msg('vote_choice_email_question'),
		hint: msg('vote_choice_email_hint'),
		applies: asking,
		fields: () => [
			{
				name: 'email',
				kind: 'email',
				label: msg('register_contact_email'),
				autocomplete: 'email',
				inputmode: 'email',
				spellcheck: false,
				optional: true
			}
		],
		schema: () =>
			z.object({
				email: z
					.string()
					.max(254, 'register_contact_email_error_invalid')
					.refine((v) => v === '' || EMAIL.test(v), 'register_contact_email_error_invalid')
			}),
		summary: (a) => [a.email ? literal(String(a.email)) : msg('answer_not_given')]
	},
	{
		id: 'holder_name',
		question: msg('vote_choice_holder_name_question'),
		hint: msg('vote_choice_holder_name_hint'),
		applies: isProxy,
		// L 2(1), L 10(a): the voter names the holder themselves.
		notes: () => [
			{
				text: msg('vote_choice_holder_chosen_note'),
				basis: [LAW.PROXY_HOLDER_CHOSEN, LAW.PROXY_REFUSAL_NOT_CHOSEN]
			}
		],
		fields: () => nameFields('vote_choice_holder_first_names', 'vote_choice_holder_surname', false),
		schema: () =>
			z.object({
				first_names: personName('vote_choice_holder_first_names'),
				surname: personName('vote_choice_holder_surname')
			}),
		summary: (a) => [literal(`${a.first_names} ${a.surname}`)]
	},
	{
		id: 'holder_date_of_birth',
		question: msg('vote_choice_holder_dob_question'),
		hint: msg('register_dob_hint'),
		applies: isProxy,
		fields: () => dobField(false),
		schema: (ctx) =>
			dobSchema(ctx, 'vote_choice_holder_dob', 'vote_choice_holder_dob_error_too_young'),
		summary: (a) => [{ date: isoDate(a) ?? '' }]
	},
	{
		id: 'holder_address',
		question: msg('vote_choice_holder_address_question'),
		hint: msg('vote_choice_holder_address_hint'),
		applies: isProxy,
		fields: () => notMine([...addressLines(), countrySelect(msg('field_country'))]),
		schema: () =>
			addressSchema(
				'vote_choice_holder_address_error_required',
				'vote_choice_holder_address_error_city'
			).extend({ country: country('vote_choice_address_error_country') }),
		summary: (a) => [...lines(a).map(literal), { country: String(a.country) }]
	},
	{
		id: 'holder_conditions',
		question: msg('vote_choice_holder_conditions_question'),
		hint: msg('vote_choice_holder_conditions_hint'),
		applies: isProxy,
		notes: () => PROXY_HOLDER_CONDITIONS.map(conditionNote),
		fields: () => understood('vote_choice_holder_understood'),
		schema: () => understoodSchema('vote_choice_holder_conditions_error_required'),
		summary: () => [msg('vote_choice_understood_summary')]
	}
];

/** Where the conversation ends without a request: why, and where to go instead. */
export type VoteChoiceOutcome =
	'too_late' | 'not_registered' | 'not_sure' | 'no_election' | 'keep_post';

export const voteChoice: Journey = {
	id: VOTE_CHOICE,
	steps,
	outcome: (ctx) => {
		const { answers } = ctx;
		const at = now(ctx);
		const election = chosenElection(answers, ctx.data.elections);
		// K 7(2), L 9(2), K 8(2), L 10(b): past the effective cut-off nothing else matters.
		if (election && at && assessVoteChoice(election, at).status === 'closed') {
			return { id: 'too_late' };
		}
		const registered = value(answers, 'registered');
		if (registered === 'no') return { id: 'not_registered' };
		if (registered === 'not_sure') return { id: 'not_sure' };
		// Answered without an election: none was open to choose (the step did not apply).
		if (registered === 'yes' && !answers.election) return { id: 'no_election' };
		if (choiceOf(answers) === 'post') return { id: 'keep_post' };
		return null;
	}
};

const str = (a: StepAnswer | undefined, field: string) => {
	const v = a?.[field];
	return typeof v === 'string' ? v : '';
};

/**
 * The request the confirmed answers make, for the back office (the contract in `requests.ts`);
 * null unless every answer the request needs is there.
 */
export function voteChoiceRequest(answers: Answers): VoteChoiceRequest | null {
	const choice = choiceOf(answers);
	const election = value(answers, 'election', 'election');
	const dob = isoDate(answers.date_of_birth);
	const { name, address } = answers;
	if (!election || !dob || !name || !address || (choice !== 'proxy' && choice !== 'voter_pass')) {
		return null;
	}
	const voter = {
		surname: str(name, 'surname'),
		firstNames: str(name, 'first_names'),
		dateOfBirth: dob,
		bsn: null,
		address: { lines: lines(address), country: str(address, 'country') },
		email: str(answers.email, 'email') || null,
		phone: null
	};
	if (choice === 'voter_pass') {
		return answers.voter_pass_conditions ? { kind: 'voter_pass', election, voter } : null;
	}
	const holderDob = isoDate(answers.holder_date_of_birth);
	const { holder_name: holderName, holder_address: holderAddress } = answers;
	if (!holderDob || !holderName || !holderAddress || !answers.holder_conditions) return null;
	return {
		kind: 'proxy',
		election,
		voter,
		holder: {
			surname: str(holderName, 'surname'),
			firstNames: str(holderName, 'first_names'),
			dateOfBirth: holderDob,
			address: { lines: lines(holderAddress), country: str(holderAddress, 'country') }
		}
	};
}

/** `?election=<slug>` from a guided link: kept only for an election still open (else ignored). */
export function prefillElection(slug: string | null, ctx: Context): Answers {
	if (!slug || !openElections(ctx).some((e) => e.slug === slug)) return {};
	return { election: { election: slug } };
}
