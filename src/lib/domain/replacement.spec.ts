import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, amsterdamInstant } from './dates';
import { LAW } from './legal';
import {
	certificatesSentDay,
	replacementCutoffs,
	replacementDelivery,
	replacementElections,
	replacementRoute
} from './replacement';
import type { CalendarElection } from './temporarily-abroad';

type Row = CalendarElection & { slug: string };
const TK_2030: Row = {
	slug: 'TK-2030',
	type: 'TK',
	electionDay: '2030-05-15',
	certificatesSentOn: '2030-02-20'
};
const KNI_2031: Row = { slug: 'KNI-2031', type: 'KNI', electionDay: '2031-03-19' };
const EP_UNDATED: Row = { slug: 'EP-2034', type: 'EP', electionDay: null };
const tk = { type: 'TK' as const, electionDay: '2030-05-15' };

describe('replacementCutoffs (KW M 6b(3), M 6b(4))', () => {
	it('in writing: received by the end of the 12th day before', () => {
		const { written } = replacementCutoffs(tk);
		expect(written.day).toBe('2030-05-03');
		expect(written.closesAt.toISOString()).toBe('2030-05-03T21:59:59.999Z');
		expect(written.basis).toEqual([LAW.REPLACEMENT_WRITTEN]);
	});

	it('in person: by 12:00 on the 9th day before, Den Haag time', () => {
		const { inPerson } = replacementCutoffs(tk);
		expect(inPerson.day).toBe('2030-05-06');
		expect(inPerson.time).toBe('12:00');
		expect(inPerson.closesAt.toISOString()).toBe('2030-05-06T10:00:00.000Z');
		expect(inPerson.basis).toEqual([LAW.REPLACEMENT_IN_PERSON]);
	});

	it('apply to the KNI through Pa 22 and to the EP through Y 2', () => {
		const kni = replacementCutoffs({ type: 'KNI', electionDay: '2031-03-19' });
		expect(kni.written.basis.map((b) => b.code)).toEqual(['KW M 6b(3)', 'KW Pa 22']);
		const ep = replacementCutoffs({ type: 'EP', electionDay: '2029-06-07' });
		expect(ep.inPerson.basis.map((b) => b.code)).toEqual(['KW M 6b(4)', 'KW Y 2']);
	});

	it('are 12 and 9 days before in winter and summer time alike (property)', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
				(d) => {
					const day = d.toISOString().slice(0, 10);
					const { written, inPerson } = replacementCutoffs({ type: 'TK', electionDay: day });
					expect(written.day).toBe(addDays(day, -12));
					expect(inPerson.closesAt.getTime()).toBe(
						amsterdamInstant(addDays(day, -9), '12:00').getTime()
					);
				}
			)
		);
	});
});

describe('replacementRoute', () => {
	it('is written until the 12th day is over', () => {
		const r = replacementRoute(tk, new Date('2030-05-03T21:59:59.999Z'));
		expect(r.route).toBe('written');
		expect(r.route === 'written' && r.cutoff.day).toBe('2030-05-03');
	});

	it('is in person from then until 12:00 on the 9th day', () => {
		expect(replacementRoute(tk, new Date('2030-05-03T22:00:00Z')).route).toBe('in_person');
		const last = replacementRoute(tk, new Date('2030-05-06T10:00:00Z'));
		expect(last.route).toBe('in_person');
		expect(last.route === 'in_person' && last.cutoff.basis).toEqual([LAW.REPLACEMENT_IN_PERSON]);
	});

	it('is too late after that, with both articles', () => {
		const r = replacementRoute(tk, new Date('2030-05-06T10:00:00.001Z'));
		expect(r).toMatchObject({
			route: 'too_late',
			basis: [LAW.REPLACEMENT_WRITTEN, LAW.REPLACEMENT_IN_PERSON]
		});
	});

	it('on the clocked e2e day (10 February 2030) is written', () => {
		expect(replacementRoute(tk, new Date('2030-02-10T10:00:00Z')).route).toBe('written');
	});
});

describe('replacementElections', () => {
	it('lists every type (all vote by post) with a known day not yet past, by day', () => {
		const list = replacementElections(
			[KNI_2031, EP_UNDATED, TK_2030],
			new Date('2030-02-10T10:00:00Z')
		);
		expect(list.map((e) => e.slug)).toEqual(['TK-2030', 'KNI-2031']);
	});

	it('keeps an election until its day is over in Den Haag', () => {
		expect(replacementElections([TK_2030], new Date('2030-05-15T21:59:00Z'))).toHaveLength(1);
		expect(replacementElections([TK_2030], new Date('2030-05-15T22:00:00Z'))).toHaveLength(0);
	});
});

describe('certificatesSentDay (KW M 6(3))', () => {
	it('is the day the office entered, or else twelve weeks before election day', () => {
		expect(certificatesSentDay(TK_2030 as { electionDay: string })).toBe('2030-02-20');
		expect(certificatesSentDay({ electionDay: '2030-05-15' })).toBe('2030-02-20');
		expect(certificatesSentDay({ electionDay: '2031-03-19', certificatesSentOn: null })).toBe(
			'2030-12-25'
		);
	});
});

describe('replacementDelivery (KW M 6b(3), M 6b(5))', () => {
	it('offers post and e-mail outside the Caribbean countries of the Kingdom', () => {
		for (const country of ['DE', 'US', 'NL', 'BQ']) {
			expect(replacementDelivery(country)).toEqual({
				methods: ['post', 'email'],
				throughRepresentation: false,
				basis: [LAW.REPLACEMENT_WRITTEN]
			});
		}
	});

	it('offers post only (or in person) in Aruba, Curaçao and Sint Maarten, and the representation', () => {
		for (const country of ['AW', 'CW', 'SX']) {
			expect(replacementDelivery(country)).toEqual({
				methods: ['post'],
				throughRepresentation: true,
				basis: [LAW.REPLACEMENT_CARIBBEAN_DELIVERY, LAW.REPLACEMENT_WHERE]
			});
		}
	});
});
