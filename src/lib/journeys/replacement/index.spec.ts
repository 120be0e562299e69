import { describe, expect, it } from 'vitest';
import { plan, type Answers, type JourneyData } from '../engine';
import { deliveryChoices, replacementJourney as journey } from './index';

const TK_2030 = {
	slug: 'TK-2030',
	type: 'TK' as const,
	electionDay: '2030-05-15',
	nominationDay: '2030-04-01',
	certificatesSentOn: '2030-02-20',
	provisional: true
};
const KNI_2027 = { ...TK_2030, slug: 'KNI-2027', type: 'KNI' as const, electionDay: '2027-03-17' };
const EP_UNDATED = { ...TK_2030, slug: 'EP-2029', type: 'EP' as const, electionDay: null };

/** The clocked e2e moment: 10 February 2030, 11:00 in Den Haag. */
const NOW = '2030-02-10T10:00:00.000Z';
const data = (now = NOW, elections = [KNI_2027, EP_UNDATED, TK_2030]): JourneyData => ({
	now,
	elections
});

const complete: Answers = {
	reason: { value: 'lost' },
	election: { value: 'TK-2030' },
	name: { first_names: 'Zoë', surname: 'de Vries' },
	date_of_birth: { dob_day: '7', dob_month: '3', dob_year: '1990' },
	residence: { country: 'DE' },
	address: { address_line1: 'Müllerstraße 12', address_line2: '10115 Berlin', address_line3: '' },
	bsn: { bsn: '' },
	delivery: { by: 'email' },
	delivery_email: { email: 'zoe@example.org' }
};

const position = (answers: Answers, d = data()) => {
	const p = plan(journey, answers, d.now.slice(0, 10), d);
	return p.position.kind === 'step'
		? `step:${p.position.step.id}`
		: p.position.kind === 'outcome'
			? `outcome:${p.position.outcome.id}`
			: 'check';
};

describe('replacement journey: paths', () => {
	it('asks why, the election, name, birth, residence, address, BSN and delivery, in order', () => {
		const order: string[] = [];
		const answers: Answers = {};
		for (let at = position(answers); at !== 'check'; at = position(answers)) {
			const id = at.replace('step:', '');
			order.push(id);
			answers[id] = complete[id]!;
		}
		expect(order).toEqual([
			'reason',
			'election',
			'name',
			'date_of_birth',
			'residence',
			'address',
			'bsn',
			'delivery',
			'delivery_email'
		]);
	});

	it('asks for another postal address only when the voter wants it sent elsewhere', () => {
		const home: Answers = { ...complete, delivery: { by: 'post_home' } };
		delete home.delivery_email;
		expect(position(home)).toBe('check');
		const other = { ...home, delivery: { by: 'post_other' } };
		expect(position(other)).toBe('step:delivery_address');
	});

	it('offers e-mail everywhere except Aruba, Curaçao and Sint Maarten (KW M 6b(5))', () => {
		expect(deliveryChoices({ residence: { country: 'DE' } })).toEqual([
			'email',
			'post_home',
			'post_other'
		]);
		for (const country of ['AW', 'CW', 'SX']) {
			expect(deliveryChoices({ residence: { country } })).toEqual(['post_home', 'post_other']);
		}
		// Someone who chose e-mail and then corrects the country to Curaçao is asked again.
		expect(position({ ...complete, residence: { country: 'CW' } })).toBe('step:delivery');
	});

	it('lists every election type with a known day not yet held, never one already past', () => {
		const p = plan(journey, { reason: { value: 'lost' } }, '2030-02-10', data());
		if (p.position.kind !== 'step') throw new Error('expected a step');
		const ctx = { today: '2030-02-10', answers: p.answers, data: data() };
		expect(p.position.step.fields(ctx)[0]?.options?.map((o) => o.value)).toEqual(['TK-2030']);
	});

	it('ends with "no election" when none is listed', () => {
		expect(position({ reason: { value: 'not_received' } }, data(NOW, [KNI_2027]))).toBe(
			'outcome:no_election'
		);
	});

	it('after the 12th day, ends with the in-person route (KW M 6b(4))', () => {
		// 4 May 2030, 09:00 in Den Haag: the written cut-off (3 May) has passed.
		expect(position(complete, data('2030-05-04T07:00:00Z'))).toBe('outcome:in_person');
		// The last minute of the 12th day still takes a written request.
		expect(position(complete, data('2030-05-03T21:59:00Z'))).toBe('check');
	});

	it('after 12:00 on the 9th day, ends with "too late"', () => {
		expect(position(complete, data('2030-05-06T10:00:00Z'))).toBe('outcome:in_person');
		expect(position(complete, data('2030-05-06T10:00:01Z'))).toBe('outcome:too_late');
	});
});

describe('replacement journey: validation', () => {
	const errorsOf = (stepId: string, answer: Record<string, string>, answers = complete) => {
		const step = journey.steps.find((s) => s.id === stepId)!;
		const ctx = { today: '2030-02-10', answers, data: data() };
		const result = step.schema(ctx).safeParse(answer);
		return result.success ? [] : result.error.issues.map((i) => [String(i.path[0]), i.message]);
	};

	it('refuses e-mail delivery for a voter in Aruba', () => {
		const aruba = { ...complete, residence: { country: 'AW' } };
		expect(errorsOf('delivery', { by: 'email' }, aruba)).toEqual([['by', 'error_choose_one']]);
		expect(errorsOf('delivery', { by: 'post_home' }, aruba)).toEqual([]);
	});

	it('requires a reason and a listed election', () => {
		expect(errorsOf('reason', { value: 'stolen' })).toEqual([['value', 'error_choose_one']]);
		expect(errorsOf('election', { value: 'KNI-2027' })).toEqual([
			['value', 'replacement_election_error']
		]);
	});

	it('accepts no BSN, but not a wrong one', () => {
		expect(errorsOf('bsn', { bsn: '' })).toEqual([]);
		expect(errorsOf('bsn', { bsn: '123456789' })).toEqual([['bsn', 'register_bsn_error_invalid']]);
	});
});
