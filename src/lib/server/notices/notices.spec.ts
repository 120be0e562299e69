import { afterEach, describe, expect, it } from 'vitest';
import { appealRoute, LAW, rejectionReason } from '$lib/domain';
import { locales } from '$lib/paraglide/runtime';
import {
	addressOf,
	channelFor,
	noticeFor,
	reasonText,
	type NoticeDecision,
	type NoticePerson
} from './index';

const person: NoticePerson = {
	firstNames: 'Zoë',
	surname: 'IJsselmeer-Çelik',
	email: 'zoe@example.org',
	residentialAddress: { lines: ['Hauptstraße 1', '10115 Berlin'], country: 'DE' },
	correspondenceAddress: null,
	locale: 'en'
};

const basis = (refs: { code: string; url: string }[]) =>
	refs.map(({ code, url }) => ({ code, url }));

const registered: NoticeDecision = {
	id: 'd1',
	outcome: 'registered',
	decidedOn: '2027-01-11',
	reference: 'ABCD-EFGH-JKMN',
	types: { TK: '2027-01-11', EP: '2027-04-18', KNI: null },
	reasons: [
		{ code: 'registration_on_application', basis: basis([LAW.REGISTRATION_ON_APPLICATION]) },
		(({ code, params, basis: refs }) => ({ code, params, basis: basis(refs) }))(
			rejectionReason('caribbean_condition_not_met', ['KNI'])
		)
	],
	remarks: '',
	appealBy: appealRoute('2027-01-11').appealBy
};

afterEach(() => {
	delete process.env.APPEAL_TERM_WEEKS;
});

describe('noticeFor', () => {
	it('states the outcome, the types from their start, each reason with its article, the papers and the appeal', () => {
		const notice = noticeFor(registered, person);
		expect(notice.subject).toBe('Decision: you are registered as a voter abroad (ABCD-EFGH-JKMN)');
		expect(notice.text).toContain('Dear Zoë IJsselmeer-Çelik,');
		expect(notice.text).toContain('House of Representatives (Tweede Kamer): from 11 January 2027');
		expect(notice.text).toContain('from 18 April 2027');
		expect(notice.text).toContain('You are not registered for');
		expect(notice.text).toMatch(
			/KW Pa 2\(2\) <https:\/\/wetten\.overheid\.nl\/BWBR0004627\/[^>]+>/
		);
		expect(notice.text).toContain('(This applies to: Electoral college for non-residents');
		expect(notice.text).toContain('We send your voting papers to your home address:');
		expect(notice.text).toContain('Hauptstraße 1, 10115 Berlin, Germany');
		expect(notice.text).toContain('Council of State');
		// Six weeks after the decision (Awb 6:7), counted from the day after (6:8(1)).
		expect(notice.text).toContain('until 22 February 2027 inclusive: 6 weeks');
		expect(notice.text).toContain('Raad van State, Afdeling bestuursrechtspraak, Postbus 20019');
		for (const code of ['KW D 8(1)', 'KW D 8(2)', 'KW D 8(3)', 'Awb 6:7', 'Awb 6:5']) {
			expect(notice.text).toContain(code);
		}
	});

	it("writes in the voter's language, every one of them", () => {
		for (const locale of locales) {
			const notice = noticeFor(registered, { ...person, locale });
			expect(notice.locale).toBe(locale);
			expect(notice.html).toContain(`<html lang="${locale}"`);
		}
		expect(noticeFor(registered, { ...person, locale: 'de' }).subject).toContain('Entscheidung');
		expect(noticeFor(registered, person, 'fr').text).toContain('Conseil d’État');
	});

	it('escapes what the voter and the decider typed in the HTML, and cites every article', () => {
		const notice = noticeFor(
			{
				...registered,
				outcome: 'asked',
				types: {},
				appealBy: null,
				remarks: '<script>x</script> & more?'
			},
			{ ...person, firstNames: '<b>Zoë</b>' }
		);
		expect(notice.html).not.toContain('<script>');
		expect(notice.html).toContain('&lt;script&gt;x&lt;/script&gt; &amp; more?');
		expect(notice.html).toContain('&lt;b&gt;Zoë&lt;/b&gt;');
		expect(notice.html).toContain(`KW D 3(1) &lt;${LAW.REGISTRATION_ON_APPLICATION.url}&gt;`);
	});

	it('puts a question with how to answer, and no appeal route, in a question', () => {
		const notice = noticeFor(
			{
				...registered,
				outcome: 'asked',
				types: {},
				reasons: [],
				remarks: 'Did you mean a change?',
				appealBy: null
			},
			person
		);
		expect(notice.subject).toBe('A question about your application (ABCD-EFGH-JKMN)');
		expect(notice.text).toContain('Did you mean a change?');
		expect(notice.text).toContain('verkiezingen@denhaag.nl');
		expect(notice.text).not.toContain('Council of State');
		expect(notice.text).not.toContain('voting papers');
	});

	it('names the correspondence address where the papers go, when there is one (MvT §3.5)', () => {
		const withPostbox = {
			...person,
			correspondenceAddress: { lines: ['PO Box 1', 'Toronto'], country: 'CA' }
		};
		const notice = noticeFor(registered, withPostbox);
		expect(notice.text).toContain('to your correspondence address:');
		expect(notice.text).toContain('PO Box 1, Toronto, Canada');
		expect(addressOf(withPostbox)).toEqual(withPostbox.correspondenceAddress);
	});

	it('tells ex officio decisions (BRP) too: types ended, removal, with remarks', () => {
		const ended = noticeFor(
			{
				...registered,
				outcome: 'types_ended',
				reference: null,
				types: { TK: null, EP: '2020-01-01' },
				reasons: [],
				remarks: 'Moved to Aruba'
			},
			person
		);
		expect(ended.subject).toBe('Decision: your registration has ended for one or more elections');
		expect(ended.text).toContain('Your registration has ended for');
		expect(ended.text).toContain('Explanation');
		expect(ended.text).toContain('Moved to Aruba');
		expect(ended.text).not.toContain('Reference number');
		// An outcome without words of its own reads as a change.
		expect(noticeFor({ ...registered, outcome: 'address_changed' }, person).subject).toContain(
			'your registration has been changed'
		);
	});

	it('refuses an appeal term that is not a whole number of weeks', () => {
		for (const bad of ['0', '1.5', 'six', '53']) {
			process.env.APPEAL_TERM_WEEKS = bad;
			expect(() => noticeFor(registered, person)).toThrow(/APPEAL_TERM_WEEKS/);
		}
	});

	it('uses the configured appeal term for the route, and the day stored with the decision', () => {
		process.env.APPEAL_TERM_WEEKS = '8';
		const notice = noticeFor({ ...registered, appealBy: '2027-03-08' }, person);
		expect(notice.text).toContain('until 8 March 2027 inclusive: 8 weeks');
	});

	it('greets by name, quotes the reference and signs off as the other notices do', () => {
		const notice = noticeFor(registered, person);
		expect(notice.text.startsWith('Dear Zoë IJsselmeer-Çelik,')).toBe(true);
		expect(notice.text).toContain('Reference number: ABCD-EFGH-JKMN');
		expect(notice.text.trimEnd().endsWith('Municipality of The Hague, Elections team')).toBe(true);
		expect(notice.html).toContain('<h2');
	});
});

describe('reasonText', () => {
	it('adds which types a reason refuses', () => {
		expect(reasonText({ code: 'not_dutch', params: { types: 'TK' } }, 'en')).toBe(
			'Only Dutch nationals have the right to vote in this election. (This applies to: House of Representatives (Tweede Kamer).)'
		);
		expect(reasonText({ code: 'not_dutch' }, 'en')).toBe(
			'Only Dutch nationals have the right to vote in this election.'
		);
	});
});

describe('channelFor', () => {
	it('e-mails where there is an address, writes otherwise, and never after death (KB D 10)', () => {
		expect(channelFor(person)).toBe('email');
		expect(channelFor({ ...person, email: null })).toBe('letter');
		expect(channelFor({ ...person, deceasedOn: '2027-01-01' })).toBe('none');
	});
});
