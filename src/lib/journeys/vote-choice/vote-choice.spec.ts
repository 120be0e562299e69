import { describe, expect, it } from 'vitest';
import {
	allFields,
	fieldErrors,
	plan,
	type Answers,
	type ElectionInfo,
	type JourneyData,
	type Step
} from '../engine';
import {
	chosenElection,
	isoDate,
	openElections,
	prefillElection,
	voteChoice,
	voteChoiceRequest
} from './index';

// The seeded calendar (src/lib/server/db/seed.ts).
const KNI_2027: ElectionInfo = {
	slug: 'KNI-2027',
	type: 'KNI',
	electionDay: '2027-03-17',
	nominationDay: '2027-02-01',
	certificatesSentOn: '2026-12-23',
	provisional: true
};
const EP_2029: ElectionInfo = {
	slug: 'EP-2029',
	type: 'EP',
	electionDay: null,
	nominationDay: null,
	certificatesSentOn: null,
	provisional: true
};
const TK_2030: ElectionInfo = {
	slug: 'TK-2030',
	type: 'TK',
	electionDay: '2030-05-15',
	nominationDay: '2030-04-01',
	certificatesSentOn: '2030-02-20',
	provisional: true
};
// A later election whose cut-off is still open after TK-2030's has closed.
const EP_2030: ElectionInfo = {
	slug: 'EP-2030',
	type: 'EP',
	electionDay: '2030-06-06',
	nominationDay: '2030-04-23',
	certificatesSentOn: '2030-03-14',
	provisional: false
};
const CALENDAR = [KNI_2027, EP_2029, TK_2030];

/** The clocked e2e server's moment: 10 February 2030, 11:00 in Den Haag. */
const CLOCK = '2030-02-10T10:00:00.000Z';
const data = (now = CLOCK, elections = CALENDAR): JourneyData => ({ now, elections });
const todayOf = (now: string) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(now));
const at = (answers: Answers, now = CLOCK, elections = CALENDAR) =>
	plan(voteChoice, answers, todayOf(now), data(now, elections));
const step = (id: string) => voteChoice.steps.find((s) => s.id === id) as Step;
const ctx = (answers: Answers = {}, now = CLOCK, elections = CALENDAR) => ({
	today: todayOf(now),
	answers,
	data: data(now, elections)
});
const where = (p: ReturnType<typeof plan>) =>
	p.position.kind === 'step'
		? p.position.step.id
		: p.position.kind === 'outcome'
			? `outcome:${p.position.outcome.id}`
			: 'check';

const voter: Answers = {
	name: { first_names: 'Zoë', surname: 'IJsselmeer-Çelik' },
	date_of_birth: { dob_day: '14', dob_month: '6', dob_year: '1985' },
	address: {
		address_line1: 'Müllerstraße 12',
		address_line2: '10115 Berlin',
		address_line3: '',
		country: 'DE'
	},
	email: { email: 'zoe@example.org' }
};
const holder: Answers = {
	holder_name: { first_names: 'Jan', surname: 'de Vries' },
	holder_date_of_birth: { dob_day: '2', dob_month: '1', dob_year: '1960' },
	holder_address: {
		address_line1: 'Lange Voorhout 1',
		address_line2: '2514 EA Den Haag',
		address_line3: '',
		country: 'NL'
	},
	holder_conditions: { understood: ['yes'] }
};
const start: Answers = {
	election: { election: 'TK-2030' },
	registered: { value: 'yes' }
};
const proxy: Answers = { ...start, choice: { choice: 'proxy' }, ...voter, ...holder };
const pass: Answers = {
	...start,
	choice: { choice: 'voter_pass' },
	voter_pass_conditions: { understood: ['yes'] },
	...voter
};

describe('the election step', () => {
	it('offers only TK and EP elections with a day and an open cut-off, never the KNI', () => {
		const p = at({});
		expect(where(p)).toBe('election');
		const [field] = step('election').fields(ctx());
		expect(field?.options?.map((o) => o.value)).toEqual(['TK-2030']);
		expect(field?.options?.[0]?.label).toEqual({
			key: 'vote_choice_election_name',
			params: { type: 'TK', date: '2030-05-15' }
		});
		// The cut-off the voter must meet is on the choice itself.
		expect(field?.options?.[0]?.hint).toEqual({
			key: 'vote_choice_election_option_hint_provisional',
			params: { day: '2030-02-19' }
		});
	});

	it('says why the KNI is never offered, citing Pa 21', () => {
		const notes = step('election').notes!(ctx());
		const kni = notes.find((n) => n.text.key === 'vote_choice_election_kni_note');
		expect(kni?.basis?.map((b) => b.code)).toEqual(['KW Pa 21', 'KW Pa 20']);
	});

	it('says why an election whose cut-off has passed is missing', () => {
		const now = '2030-03-01T10:00:00.000Z';
		const notes = step('election').notes!(ctx({}, now, [...CALENDAR, EP_2030]));
		const closed = notes.find((n) => n.text.key === 'reason_vote_choice_certificate_sent');
		expect(closed?.text.params).toEqual({ type: 'TK', date: '2030-05-15', sentOn: '2030-02-20' });
		expect(closed?.basis?.map((b) => b.code)).toContain('KW L 10(b)');
	});

	it('refuses a KNI election or an unknown one posted anyway', () => {
		const schema = step('election').schema(ctx());
		for (const slug of ['KNI-2027', 'EP-2029', 'nope', '']) {
			const result = schema.safeParse({ election: slug });
			expect(result.success).toBe(false);
			if (!result.success) {
				expect(fieldErrors(step('election').fields(ctx()), result.error)).toEqual({
					election: 'error_choose_one'
				});
			}
		}
		expect(where(at({ election: { election: 'KNI-2027' } }))).toBe('election');
	});

	it('is skipped when no election is open, and the answer then says so', () => {
		const after = '2030-02-20T10:00:00.000Z';
		expect(openElections(ctx({}, after))).toEqual([]);
		expect(where(at({}, after))).toBe('registered');
		expect(where(at({ registered: { value: 'yes' } }, after))).toBe('outcome:no_election');
		expect(where(at({ registered: { value: 'no' } }, after))).toBe('outcome:not_registered');
	});
});

describe('the paths', () => {
	it('asks for the proxy: voter, then holder, then the holder’s conditions', () => {
		const order: string[] = [];
		let answers: Answers = {};
		for (;;) {
			const p = at(answers);
			const id = where(p);
			order.push(id);
			if (id === 'check' || id.startsWith('outcome')) break;
			answers = { ...answers, [id]: proxy[id]! };
		}
		expect(order).toEqual([
			'election',
			'registered',
			'choice',
			'name',
			'date_of_birth',
			'address',
			'email',
			'holder_name',
			'holder_date_of_birth',
			'holder_address',
			'holder_conditions',
			'check'
		]);
	});

	it('asks for the voter pass: what it means first, then the voter', () => {
		const p = at(pass);
		expect(where(p)).toBe('check');
		expect(p.answered.map((s) => s.id)).toEqual([
			'election',
			'registered',
			'choice',
			'voter_pass_conditions',
			'name',
			'date_of_birth',
			'address',
			'email'
		]);
	});

	it('tells what a voter pass means with K 1, K 4(3) and M 1(1), and needs the tick', () => {
		const notes = step('voter_pass_conditions').notes!(ctx());
		expect(notes.map((n) => n.text.key)).toEqual([
			'vote_choice_pass_any_polling_station',
			'vote_choice_pass_not_replaced',
			'vote_choice_pass_no_postal_papers'
		]);
		expect(notes.flatMap((n) => n.basis!.map((b) => b.code))).toEqual(
			expect.arrayContaining(['KW K 1(1)', 'KW K 4(3)', 'KW M 1(1)'])
		);
		const schema = step('voter_pass_conditions').schema(ctx());
		expect(schema.safeParse({ understood: [] }).success).toBe(false);
		expect(schema.safeParse({ understood: ['no'] }).success).toBe(false);
		expect(schema.safeParse({ understood: ['yes'] }).success).toBe(true);
	});

	it('tells the holder’s conditions with L 8(2), L 10(d), L 4, L 3, L 8(3), L 10(c)', () => {
		const notes = step('holder_conditions').notes!(ctx());
		expect(notes.map((n) => n.text.key)).toEqual([
			'vote_choice_holder_is_voter',
			'vote_choice_holder_at_most_two',
			'vote_choice_holder_with_own_vote',
			'vote_choice_holder_declaration'
		]);
		expect(notes.flatMap((n) => n.basis!.map((b) => b.code))).toEqual([
			'KW L 8(2)',
			'KW L 10(d)',
			'KW L 4',
			'KW L 3',
			'KW L 8(3)',
			'KW L 10(c)'
		]);
		expect(step('holder_conditions').schema(ctx()).safeParse({ understood: [] }).success).toBe(
			false
		);
	});

	it('ends at "keep voting by post" with nothing more asked', () => {
		const p = at({ ...start, choice: { choice: 'post' }, ...voter });
		expect(where(p)).toBe('outcome:keep_post');
		// Nothing beyond the choice is kept: the voter sends nothing (KB D 4 spirit: no extra data).
		expect(Object.keys(p.answers)).toEqual(['election', 'registered', 'choice']);
	});

	it('sends the unregistered to /register and the unsure to the status request', () => {
		expect(where(at({ ...start, registered: { value: 'no' } }))).toBe('outcome:not_registered');
		expect(where(at({ ...start, registered: { value: 'not_sure' } }))).toBe('outcome:not_sure');
	});

	it('drops the holder when the voter changes to a voter pass (nothing extra kept)', () => {
		const p = at({ ...proxy, choice: { choice: 'voter_pass' } });
		expect(where(p)).toBe('voter_pass_conditions');
		expect(p.answers.holder_name).toBeUndefined();
		expect(p.answers.name).toEqual(voter.name);
	});

	it('is too late once the chosen election’s cut-off has passed, whatever was answered', () => {
		// TK-2030 closed on 19 February (certificates out on the 20th); EP-2030 is still open.
		const now = '2030-02-20T08:00:00.000Z';
		const p = at(proxy, now, [...CALENDAR, EP_2030]);
		expect(where(p)).toBe('outcome:too_late');
		expect(p.answered.map((s) => s.id)).toEqual(['election']);
		// The last minute of 19 February in Den Haag still counts.
		expect(where(at(proxy, '2030-02-19T22:59:00.000Z', [...CALENDAR, EP_2030]))).toBe('check');
	});
});

describe('the answers', () => {
	it('needs the voter to be 18 on election day (B 1(1))', () => {
		const schema = step('date_of_birth').schema(ctx(start));
		const young = schema.safeParse({ dob_day: '16', dob_month: '5', dob_year: '2012' });
		expect(young.success).toBe(false);
		if (!young.success) {
			expect(fieldErrors(step('date_of_birth').fields(ctx()), young.error)).toEqual({
				dob: 'vote_choice_dob_error_too_young'
			});
		}
		expect(schema.safeParse({ dob_day: '15', dob_month: '5', dob_year: '2012' }).success).toBe(
			true
		);
	});

	it('needs the holder to be 18 on election day, in the holder’s words', () => {
		const schema = step('holder_date_of_birth').schema(ctx(start));
		const errors = (d: string, m: string, y: string) => {
			const r = schema.safeParse({ dob_day: d, dob_month: m, dob_year: y });
			return r.success ? {} : fieldErrors(step('holder_date_of_birth').fields(ctx()), r.error);
		};
		expect(errors('16', '5', '2012')).toEqual({ dob: 'vote_choice_holder_dob_error_too_young' });
		expect(errors('', '', '')).toEqual({ dob: 'vote_choice_holder_dob_error_required' });
		expect(errors('31', '2', '1980')).toEqual({ dob: 'vote_choice_holder_dob_error_invalid' });
		expect(errors('1', '1', '2031')).toEqual({ dob: 'vote_choice_holder_dob_error_future' });
		expect(errors('1', '1', '1970')).toEqual({});
	});

	it('refuses a home address in the Netherlands or the Caribbean Netherlands (D 2)', () => {
		const schema = step('address').schema(ctx());
		for (const country of ['NL', 'BQ']) {
			const r = schema.safeParse({ ...voter.address, country });
			expect(r.success).toBe(false);
			if (!r.success) {
				expect(fieldErrors(step('address').fields(ctx()), r.error)).toEqual({
					country: 'vote_choice_address_error_netherlands'
				});
			}
		}
		// Aruba, Curaçao and Sint Maarten are abroad.
		expect(schema.safeParse({ ...voter.address, country: 'CW' }).success).toBe(true);
	});

	it('keeps the browser from filling in the voter’s own details for the holder', () => {
		for (const id of ['holder_name', 'holder_date_of_birth', 'holder_address']) {
			for (const field of allFields(step(id).fields(ctx()))) {
				expect(field.autocomplete, `${id}.${field.name}`).toBe('off');
			}
		}
		expect(step('name').fields(ctx())[0]?.autocomplete).toBe('given-name');
	});

	it('refuses markup in the holder’s name with the holder’s message', () => {
		const r = step('holder_name').schema(ctx()).safeParse({
			first_names: '<script>',
			surname: 'de Vries'
		});
		expect(r.success).toBe(false);
		if (!r.success) {
			expect(fieldErrors(step('holder_name').fields(ctx()), r.error)).toEqual({
				first_names: 'vote_choice_holder_first_names_error_characters'
			});
		}
	});

	it('reads the date of birth as an IsoDate', () => {
		expect(isoDate(voter.date_of_birth)).toBe('1985-06-14');
		expect(isoDate({ dob_day: '30', dob_month: '2', dob_year: '2000' })).toBeNull();
		expect(isoDate(undefined)).toBeNull();
	});

	it('finds the chosen election in the calendar, never a KNI one', () => {
		expect(chosenElection(start, CALENDAR)).toBe(TK_2030);
		expect(chosenElection({ election: { election: 'KNI-2027' } }, CALENDAR)).toBeNull();
		expect(chosenElection({}, CALENDAR)).toBeNull();
	});
});

describe('voteChoiceRequest', () => {
	it('makes the proxy request with the holder (L 2, L 8, L 10)', () => {
		expect(voteChoiceRequest(at(proxy).answers)).toEqual({
			kind: 'proxy',
			election: 'TK-2030',
			voter: {
				surname: 'IJsselmeer-Çelik',
				firstNames: 'Zoë',
				dateOfBirth: '1985-06-14',
				bsn: null,
				address: { lines: ['Müllerstraße 12', '10115 Berlin'], country: 'DE' },
				email: 'zoe@example.org',
				phone: null
			},
			holder: {
				surname: 'de Vries',
				firstNames: 'Jan',
				dateOfBirth: '1960-01-02',
				address: { lines: ['Lange Voorhout 1', '2514 EA Den Haag'], country: 'NL' }
			}
		});
	});

	it('makes the voter-pass request without a holder, and without an e-mail if none was given', () => {
		const request = voteChoiceRequest(at({ ...pass, email: { email: '' } }).answers);
		expect(request).toMatchObject({ kind: 'voter_pass', election: 'TK-2030' });
		expect(request && 'holder' in request).toBe(false);
		expect(request?.voter.email).toBeNull();
	});

	it('is null while incomplete, or for the postal vote', () => {
		expect(voteChoiceRequest({})).toBeNull();
		expect(voteChoiceRequest({ ...proxy, holder_conditions: undefined! })).toBeNull();
		expect(voteChoiceRequest({ ...pass, voter_pass_conditions: undefined! })).toBeNull();
		expect(voteChoiceRequest({ ...proxy, choice: { choice: 'post' } })).toBeNull();
		expect(voteChoiceRequest({ ...proxy, date_of_birth: { dob_day: 'x' } })).toBeNull();
	});
});

describe('prefillElection', () => {
	it('pre-selects an election that is open', () => {
		expect(prefillElection('TK-2030', ctx())).toEqual({ election: { election: 'TK-2030' } });
		expect(where(at(prefillElection('TK-2030', ctx())))).toBe('registered');
	});

	it('ignores the KNI, an undated, closed or unknown election, and nothing', () => {
		expect(prefillElection('KNI-2027', ctx())).toEqual({});
		expect(prefillElection('EP-2029', ctx())).toEqual({});
		expect(prefillElection('TK-2030', ctx({}, '2030-02-20T10:00:00.000Z'))).toEqual({});
		expect(prefillElection('<script>', ctx())).toEqual({});
		expect(prefillElection(null, ctx())).toEqual({});
	});
});
