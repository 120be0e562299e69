import { describe, expect, it } from 'vitest';
import { votingChecklist, type ChecklistItem } from './checklist';
import type { ElectionType } from './elections';

const TK_2030 = {
	type: 'TK' as const,
	electionDay: '2030-05-15',
	nominationDay: '2030-04-01',
	certificatesSentOn: '2030-02-20'
};
const item = (items: ChecklistItem[], code: string) => items.find((i) => i.code === code)!;
const codes = (i: ChecklistItem) => i.basis.map((b) => b.code);

describe('votingChecklist', () => {
	const list = votingChecklist(TK_2030);

	it('walks through the postal vote in order, every point with its article', () => {
		expect(list.map((i) => [i.code, codes(i)])).toEqual([
			['papers', ['KW M 6(1)', 'KW M 6(3)']],
			['sign_declaration', ['KW M 7(3)']],
			['id_copy', ['KW M 7(4)']],
			['public_service_declaration', ['KW M 7(4)', 'KW B 1(2)(b)']],
			['envelope', ['KW M 7(5)']],
			['return_den_haag', ['KW M 7(6)', 'KW M 8(1)']],
			['postage', ['KW M 7(6)(a)']],
			['return_embassy', ['KW M 7(7)']],
			['papers_missing', ['KW M 6b(1)', 'KW M 6b(3)', 'KW M 6b(4)']],
			['papers_missing_caribbean', ['KW M 6b(5)']]
		]);
	});

	it('computes the dates of this election', () => {
		expect(item(list, 'papers').params).toEqual({ sentBy: '2030-02-20' });
		// KW M 7(4): an ID document valid on nomination day.
		expect(item(list, 'id_copy').params).toEqual({ nominationDay: '2030-04-01' });
		// KW M 8(1): in Den Haag by 15:00 on election day.
		expect(item(list, 'return_den_haag').params).toEqual({ electionDay: '2030-05-15' });
		// KW M 7(7): at an embassy by 10:00 local time on the 5th day before.
		expect(item(list, 'return_embassy').params).toEqual({ day: '2030-05-10' });
		// KW M 6b(3), (4): in writing by the 12th day before, in person by 12:00 on the 9th.
		expect(item(list, 'papers_missing').params).toEqual({
			written: '2030-05-03',
			inPerson: '2030-05-06'
		});
	});

	it('computes nomination day when the office has not entered it', () => {
		const computed = votingChecklist({ ...TK_2030, nominationDay: null });
		expect(item(computed, 'id_copy').params.nominationDay).toBe('2030-04-01');
		// Without a planned sending day: twelve weeks before (KW M 6(3)).
		const unplanned = votingChecklist({ ...TK_2030, certificatesSentOn: null });
		expect(item(unplanned, 'papers').params.sentBy).toBe('2030-02-20');
	});

	it('says by when to post the envelope, given the postal days from the country of the voter', () => {
		const withPost = votingChecklist(TK_2030, { postalDays: 10 });
		expect(item(withPost, 'return_den_haag').params).toEqual({
			electionDay: '2030-05-15',
			postBy: '2030-05-05'
		});
	});

	it('uses the 6th day for the EP embassy cut-off (KW Y 22c) and cites the bridges to chapter M', () => {
		const ep = votingChecklist({ type: 'EP', electionDay: '2029-06-07' });
		expect(item(ep, 'return_embassy').params.day).toBe('2029-06-01');
		expect(codes(item(ep, 'return_embassy'))).toEqual(['KW M 7(7)', 'KW Y 22c']);
		expect(codes(item(ep, 'sign_declaration'))).toEqual(['KW M 7(3)', 'KW Y 2']);
		const kni = votingChecklist({ type: 'KNI', electionDay: '2027-03-17' });
		expect(codes(item(kni, 'envelope'))).toEqual(['KW M 7(5)', 'KW Pa 22']);
		expect(item(kni, 'return_embassy').params.day).toBe('2027-03-12');
	});

	it('rejects bad input', () => {
		expect(() =>
			votingChecklist({ type: 'XX' as ElectionType, electionDay: '2030-05-15' })
		).toThrow(RangeError);
		expect(() => votingChecklist({ type: 'TK', electionDay: '2030-13-01' })).toThrow(RangeError);
		expect(() => votingChecklist({ ...TK_2030, nominationDay: 'soon' })).toThrow(RangeError);
	});
});
