/**
 * The notices of the requests' decisions (issue 4 item 8): every kind and outcome has its words in
 * every language; reasons and notes each under their own heading with their articles; the appeal
 * opens through the kind's own article; the proxy holder's letter (L 11(3)) and the home
 * municipality's notice (M 4(4)).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
	REQUEST_NOTE_CODES,
	REQUEST_OUTCOMES,
	REQUEST_REFUSAL_CODES,
	notesFor,
	refusalReason,
	type RequestKind
} from '$lib/domain';
import { locales } from '$lib/paraglide/runtime';
import { message } from '$lib/i18n';
import { noticeFor, type NoticeDecision, type NoticePerson } from './index';
import { holderNotice, municipalityNotice, type PartyDecision } from './parties';

const person: NoticePerson = {
	firstNames: 'Zoë',
	surname: 'IJsselmeer-Çelik',
	email: 'zoe@example.org',
	residentialAddress: { lines: ['Hauptstraße 1', '10115 Berlin'], country: 'DE' },
	correspondenceAddress: null,
	locale: 'en'
};
const stored = (r: { code: string; basis: { code: string; url: string }[]; params?: object }) =>
	({
		...r,
		basis: r.basis.map(({ code, url }) => ({ code, url }))
	}) as NoticeDecision['reasons'][0];

const decision = (kind: RequestKind, outcome: string, over: Partial<NoticeDecision> = {}) =>
	({
		id: 'd1',
		outcome,
		decidedOn: '2030-04-02',
		reference: 'ABCD-EFGH-JKMN',
		types: {},
		reasons: [],
		remarks: outcome === 'asked' ? 'Which address?' : '',
		appealBy: outcome === 'asked' ? null : '2030-05-14',
		request: {
			kind,
			election: kind === 'change' ? null : { type: 'TK', electionDay: '2030-05-15' }
		},
		...over
	}) satisfies NoticeDecision;

afterEach(() => {
	delete process.env.MUNICIPALITY_ADDRESSES;
});

describe('request notices', () => {
	it('speak of every kind and outcome in every language', () => {
		for (const kind of Object.keys(REQUEST_OUTCOMES) as RequestKind[]) {
			for (const outcome of REQUEST_OUTCOMES[kind]) {
				for (const locale of locales) {
					const notice = noticeFor(decision(kind, outcome), { ...person, locale });
					expect(notice.text).toContain(message(`notice_intro_${kind}_${outcome}`, {}, locale));
					expect(notice.subject).toContain(
						message(`notice_subject_${kind}_${outcome}`, {}, locale)
					);
					expect(message(`account_decision_${kind}_${outcome}`, {}, locale)).not.toBe('');
				}
			}
		}
	});

	it('has words for every refusal reason and note in every language', () => {
		for (const code of [...REQUEST_REFUSAL_CODES, ...REQUEST_NOTE_CODES]) {
			for (const locale of locales) {
				const text = message(
					`reason_${code}`,
					{ date: '2030-04-03', electionDay: '2030-05-15', type: 'TK' },
					locale
				);
				expect(text, `${code} in ${locale}`).not.toMatch(/\{|undefined/);
			}
		}
	});

	it('lists the reasons, then what the decision means, each with its articles', () => {
		const refused = noticeFor(
			decision('voter_pass', 'refused', {
				reasons: [stored(refusalReason('voter_pass_certificate_issued'))]
			}),
			person
		);
		const headings = refused.sections.map((s) => s.heading);
		expect(headings).toContain('Reasons');
		expect(headings).not.toContain('What this means for you');
		expect(refused.text).toContain('KW K 8(2)');
		expect(refused.text).toContain(
			'Election: House of Representatives (Tweede Kamer), 15 May 2030'
		);

		const kase = {
			kind: 'proxy' as const,
			election: null,
			receivedAt: new Date(),
			registration: null,
			certificateIssued: false,
			proxyGranted: false,
			voterPassGranted: false,
			holderProxies: 0,
			residence: 'DE',
			checks: {}
		};
		const granted = noticeFor(
			decision('proxy', 'granted', { reasons: notesFor(kase, 'granted').map(stored) }),
			person
		);
		const notes = granted.sections.find((s) => s.heading === 'What this means for you');
		expect(notes?.items?.map((i) => i.basis?.map((b) => b.code))).toEqual([
			['KW M 1(1)'],
			['KW L 3', 'KW L 2(1)'],
			['KW L 11(3)']
		]);
		expect(granted.sections.map((s) => s.heading)).not.toContain('Reasons');
	});

	it('opens the appeal through K 8(4), L 11(4), M 4(5), and D 8 itself for a change', () => {
		const first = (kind: RequestKind) =>
			noticeFor(decision(kind, 'refused'), person)
				.sections.find((s) => s.heading === 'Appealing against this decision')!
				.items![0]!.basis!.map((b) => b.code);
		expect(first('voter_pass')).toEqual(['KW K 8(4)', 'KW D 8']);
		expect(first('proxy')).toEqual(['KW L 11(4)', 'KW D 8']);
		expect(first('temporarily_abroad')).toEqual(['KW M 4(5)', 'KW D 8']);
		expect(first('change')).toEqual(['KW D 8']);
		// A question is no decision: no appeal.
		const asked = noticeFor(decision('change', 'asked'), person);
		expect(asked.sections.map((s) => s.heading)).not.toContain('Appealing against this decision');
		expect(asked.text).toContain('Which address?');
	});
});

const party: PartyDecision = {
	id: 'd2',
	outcome: 'granted',
	decidedOn: '2030-04-01',
	reference: 'ABCD-EFGH-JKMN',
	reasons: [],
	election: { type: 'TK', electionDay: '2030-05-15' }
};
const holder = {
	surname: 'De Vries',
	firstNames: 'Jan',
	dateOfBirth: '1970-02-03',
	address: { lines: ['Lange Voorhout 1', '2514 EA Den Haag'], country: 'NL' }
};

describe('the proxy holder’s letter (L 11(3))', () => {
	it('goes by post to the holder, in Dutch, with the rules of L 3, L 2(1) and L 4', () => {
		const letter = holderNotice(party, holder, { firstNames: 'Zoë', surname: 'Çelik' });
		expect(letter).toMatchObject({
			channel: 'letter',
			recipientName: 'Jan De Vries',
			postalAddress: holder.address,
			locale: 'nl',
			decisionId: 'd2'
		});
		for (const code of ['KW L 3', 'KW L 2(1)', 'KW L 4', 'KW L 11(3)']) {
			expect(letter.text).toContain(code);
		}
		expect(letter.text).toContain('Zoë Çelik');
		expect(letter.text).toContain('1 april 2030');
	});

	it('tells the holder only the reasons about the holder', () => {
		const letter = holderNotice(
			{
				...party,
				outcome: 'refused',
				reasons: [
					stored(refusalReason('proxy_certificate_issued')),
					stored(refusalReason('proxy_holder_has_two'))
				]
			},
			holder,
			{ firstNames: 'Zoë', surname: 'Çelik' }
		);
		expect(letter.text).toContain('KW L 4');
		expect(letter.text).not.toContain('KW L 10(b)');
	});
});

describe('the home municipality’s notice (M 4(4))', () => {
	const voter = {
		firstNames: 'Piet',
		surname: 'Jansen',
		dateOfBirth: '1990-01-02',
		address: { lines: ['Oudegracht 10', '3511 AM Utrecht'], country: 'NL' }
	};

	it('goes by letter to the mayor, with who the voter is and that no polling card goes out', () => {
		const notice = municipalityNotice(party, 'Utrecht', voter);
		expect(notice).toMatchObject({
			channel: 'letter',
			recipientName: 'De burgemeester van Utrecht',
			postalAddress: { lines: [], country: 'NL' },
			locale: 'nl'
		});
		expect(notice.text).toContain('Piet Jansen');
		expect(notice.text).toContain('2 januari 1990');
		expect(notice.text).toContain('Oudegracht 10, 3511 AM Utrecht');
		expect(notice.text).toContain('KW M 2');
		expect(notice.text).toContain('KW M 4(4)');
	});

	it('goes by e-mail to an address in the table, matched whatever the spelling', () => {
		process.env.MUNICIPALITY_ADDRESSES = JSON.stringify({
			"'s-Hertogenbosch": {
				name: "De burgemeester van 's-Hertogenbosch",
				lines: ['Postbus 12345', '5200 GZ s-Hertogenbosch'],
				email: 'verkiezingen@example.org'
			},
			Utrecht: { name: 'De burgemeester van Utrecht', lines: ['Postbus 16200', '3500 CE Utrecht'] }
		});
		expect(municipalityNotice(party, "Gemeente 's-hertogenbosch", voter)).toMatchObject({
			channel: 'email',
			recipient: 'verkiezingen@example.org'
		});
		expect(municipalityNotice({ ...party, outcome: 'refused' }, 'UTRECHT', voter)).toMatchObject({
			channel: 'letter',
			recipientName: 'De burgemeester van Utrecht',
			postalAddress: { lines: ['Postbus 16200', '3500 CE Utrecht'], country: 'NL' }
		});
	});
});
