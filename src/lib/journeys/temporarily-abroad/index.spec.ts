import { describe, expect, it } from 'vitest';
import { plan, type Answers, type JourneyData } from '../engine';
import { stayOf, temporarilyAbroadJourney as journey } from './index';

const TK_2030 = {
	slug: 'TK-2030',
	type: 'TK' as const,
	electionDay: '2030-05-15',
	nominationDay: '2030-04-01',
	certificatesSentOn: '2030-02-20',
	provisional: true
};
const KNI_2031 = { ...TK_2030, slug: 'KNI-2031', type: 'KNI' as const, electionDay: '2031-03-19' };
const EP_2029 = { ...TK_2030, slug: 'EP-2029', type: 'EP' as const, electionDay: '2029-06-07' };

/** The clocked e2e moment: 10 February 2030, 11:00 in Den Haag. */
const NOW = '2030-02-10T10:00:00.000Z';
const TODAY = '2030-02-10';
const data = (now = NOW, elections = [EP_2029, TK_2030, KNI_2031]): JourneyData => ({
	now,
	elections
});

const complete: Answers = {
	residence: { value: 'yes' },
	election: { value: 'TK-2030' },
	nationality: { value: 'yes' },
	date_of_birth: { dob_day: '7', dob_month: '3', dob_year: '1990' },
	name: { first_names: 'Zoë', surname: 'de Vries' },
	bsn: { bsn: '123456782' },
	address: { address_line1: 'Lange Voorhout 1', address_line2: '2514 EA Den Haag' },
	municipality: { municipality: 'Den Haag' },
	stay: {
		from_day: '1',
		from_month: '5',
		from_year: '2030',
		until_day: '1',
		until_month: '6',
		until_year: '2030'
	},
	ballot: { by: 'email' },
	ballot_email: { email: 'zoe@example.org' }
};

const position = (answers: Answers, d = data()) => {
	const p = plan(journey, answers, d.now.slice(0, 10), d);
	return p.position.kind === 'step'
		? `step:${p.position.step.id}`
		: p.position.kind === 'outcome'
			? `outcome:${p.position.outcome.id}`
			: 'check';
};
const without = (answers: Answers, ...steps: string[]) =>
	Object.fromEntries(Object.entries(answers).filter(([k]) => !steps.includes(k)));

describe('temporarily abroad journey: paths', () => {
	it('asks, in order, where the voter lives, the election, nationality, birth, name, BSN, address, municipality, stay and ballot', () => {
		const order: string[] = [];
		const answers: Answers = {};
		for (let at = position(answers); at !== 'check'; at = position(answers)) {
			const id = at.replace('step:', '');
			order.push(id);
			answers[id] = complete[id]!;
		}
		expect(order).toEqual([
			'residence',
			'election',
			'nationality',
			'date_of_birth',
			'name',
			'bsn',
			'address',
			'municipality',
			'stay',
			'ballot',
			'ballot_email'
		]);
	});

	it('asks for the postal address instead of the e-mail address when the ballot comes by post', () => {
		const byPost = { ...without(complete, 'ballot_email'), ballot: { by: 'post' } };
		expect(position(byPost)).toBe('step:ballot_address');
		const done = {
			...byPost,
			ballot_address: {
				address_line1: 'Calle Mayor 5',
				address_line2: '28013 Madrid',
				address_line3: '',
				country: 'ES'
			}
		};
		expect(position(done)).toBe('check');
		// The e-mail answer left behind by a change of mind is dropped (nothing extra is kept).
		expect(
			plan(journey, { ...done, ballot_email: complete.ballot_email! }, TODAY, data()).answers
		).not.toHaveProperty('ballot_email');
	});

	it('sends someone who lives abroad to the registration of voters abroad', () => {
		expect(position({ residence: { value: 'no' } })).toBe('outcome:lives_abroad');
	});

	it('ends with "no election" when no TK or EP cut-off is open (never the KNI)', () => {
		expect(position({ residence: { value: 'yes' } }, data(NOW, [KNI_2031]))).toBe(
			'outcome:no_election'
		);
		// 18 April 2030: the TK-2030 cut-off (17 April, M 3(3)) has passed.
		expect(position(complete, data('2030-04-18T10:00:00Z'))).toBe('outcome:no_election');
	});

	it('offers only open TK and EP elections, and refuses any other slug', () => {
		const at = plan(journey, { residence: { value: 'yes' } }, TODAY, data());
		if (at.position.kind !== 'step') throw new Error('expected a step');
		const ctx = { today: TODAY, answers: at.answers, data: data() };
		const options = at.position.step.fields(ctx)[0]?.options?.map((o) => o.value);
		// EP-2029 is past, KNI-2031 never qualifies.
		expect(options).toEqual(['TK-2030']);
		expect(position({ residence: { value: 'yes' }, election: { value: 'KNI-2031' } })).toBe(
			'step:election'
		);
	});

	it('takes the voter back to the election when its cut-off passes while they answer', () => {
		const other = { ...TK_2030, slug: 'TK-2031', electionDay: '2031-05-14' };
		expect(position(complete, data('2030-04-18T10:00:00Z', [TK_2030, other]))).toBe(
			'step:election'
		);
	});

	it('ends when the voter is not Dutch or not 18 on election day (KW B 1(1))', () => {
		expect(position({ ...complete, nationality: { value: 'no' } })).toBe('outcome:not_dutch');
		// 18 on 16 May 2030: one day too late.
		const young = { dob_day: '16', dob_month: '5', dob_year: '2012' };
		expect(position({ ...complete, date_of_birth: young })).toBe('outcome:too_young');
		const justInTime = { dob_day: '15', dob_month: '5', dob_year: '2012' };
		expect(position({ ...complete, date_of_birth: justInTime })).toBe('check');
	});
});

describe('temporarily abroad journey: validation', () => {
	const errorsOf = (stepId: string, answer: Record<string, string>, answers = complete) => {
		const step = journey.steps.find((s) => s.id === stepId)!;
		const ctx = { today: TODAY, answers, data: data() };
		const result = step.schema(ctx).safeParse(answer);
		return result.success ? [] : result.error.issues.map((i) => [String(i.path[0]), i.message]);
	};
	const stay = (from: string, until: string) => {
		const [fy, fm, fd] = from.split('-');
		const [uy, um, ud] = until.split('-');
		return {
			from_day: fd!,
			from_month: fm!,
			from_year: fy!,
			until_day: ud!,
			until_month: um!,
			until_year: uy!
		};
	};

	it('accepts a stay that takes in election day', () => {
		expect(errorsOf('stay', stay('2030-05-15', '2030-05-15'))).toEqual([]);
	});

	it('says at the return date when the stay ends before election day', () => {
		expect(errorsOf('stay', stay('2030-05-01', '2030-05-14'))).toEqual([
			['until_day', 'temporarily_abroad_stay_error_back_before_election_day']
		]);
	});

	it('says at the departure date when the voter leaves after election day', () => {
		expect(errorsOf('stay', stay('2030-05-16', '2030-05-20'))).toEqual([
			['from_day', 'temporarily_abroad_stay_error_leaves_after_election_day']
		]);
	});

	it('says when the return comes before the departure', () => {
		expect(errorsOf('stay', stay('2030-05-20', '2030-05-10'))).toEqual([
			['until_day', 'temporarily_abroad_stay_error_until_before_from']
		]);
	});

	it('reports empty, incomplete and impossible dates at each date', () => {
		expect(
			errorsOf('stay', {
				from_day: '',
				from_month: '',
				from_year: '',
				until_day: '31',
				until_month: '2',
				until_year: '2030'
			})
		).toEqual([
			['from_day', 'temporarily_abroad_stay_from_error_required'],
			['until_day', 'temporarily_abroad_date_error_invalid']
		]);
		expect(
			errorsOf('stay', { ...stay('2030-05-01', '2030-06-01'), from_year: '', until_year: '30' })
		).toEqual([
			['from_day', 'temporarily_abroad_date_error_incomplete'],
			['until_day', 'temporarily_abroad_date_error_invalid']
		]);
	});

	it('requires a valid BSN (every resident has one)', () => {
		expect(errorsOf('bsn', { bsn: '' })).toEqual([
			['bsn', 'temporarily_abroad_bsn_error_required']
		]);
		expect(errorsOf('bsn', { bsn: '123456789' })).toEqual([
			['bsn', 'temporarily_abroad_bsn_error_invalid']
		]);
		expect(errorsOf('bsn', { bsn: '1234.56.782' })).toEqual([]);
	});

	it('requires the municipality and refuses markup in it', () => {
		expect(errorsOf('municipality', { municipality: '' })).toEqual([
			['municipality', 'temporarily_abroad_municipality_error_required']
		]);
		expect(errorsOf('municipality', { municipality: '<b>Utrecht</b>' })).toEqual([
			['municipality', 'error_characters']
		]);
		expect(errorsOf('municipality', { municipality: "'s-Hertogenbosch" })).toEqual([]);
	});

	it('requires an e-mail address for the ballot by e-mail', () => {
		expect(errorsOf('ballot_email', { email: '' })).toEqual([
			['email', 'temporarily_abroad_email_error_required']
		]);
		expect(errorsOf('ballot_email', { email: 'not-an-address' })).toEqual([
			['email', 'register_contact_email_error_invalid']
		]);
	});
});

describe('stayOf', () => {
	it('reads the two dates, or nothing while one is unreadable', () => {
		expect(stayOf(complete)).toEqual({ from: '2030-05-01', until: '2030-06-01' });
		expect(stayOf({ stay: { ...complete.stay!, until_day: '31', until_month: '6' } })).toBeNull();
	});
});
