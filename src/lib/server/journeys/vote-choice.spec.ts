/**
 * The vote-choice journey on the server, against the seeded calendar (KNI-2027, EP-2029 without a
 * day, TK-2030 with certificates out on 20 February 2030): the countdown, the check and done
 * pages' content, the outcomes with their articles, the pre-fill and the PDF.
 */
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '../../../../tests/db/database';
import type { Answers } from '$lib/journeys/engine';
import { voteChoiceRequest } from '$lib/journeys/vote-choice';
import { voteChoice } from './vote-choice';

let close: () => Promise<void>;
beforeAll(async () => {
	({ close } = await withTestDatabase());
});
afterAll(() => close());

/** The clocked e2e server's moment: 10 February 2030, 11:00 in Den Haag. */
const CLOCK = new Date('2030-02-10T10:00:00Z');
const AFTER = new Date('2030-02-20T10:00:00Z');

const voter: Answers = {
	name: { first_names: 'Zoë', surname: 'IJsselmeer-Çelik' },
	date_of_birth: { dob_day: '14', dob_month: '6', dob_year: '1985' },
	address: {
		address_line1: 'Müllerstraße 12',
		address_line2: '10115 Berlin',
		address_line3: '',
		country: 'DE'
	},
	email: { email: '' }
};
const start: Answers = { election: { election: 'TK-2030' }, registered: { value: 'yes' } };
const proxy: Answers = {
	...start,
	choice: { choice: 'proxy' },
	...voter,
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
const pass: Answers = {
	...start,
	choice: { choice: 'voter_pass' },
	voter_pass_conditions: { understood: ['yes'] },
	...voter
};
const codes = (basis: { code: string }[] | undefined) => (basis ?? []).map((b) => b.code);

describe('deadlines', () => {
	it('counts down to the day before the certificates go out, and says why', async () => {
		const [view, ...rest] = await voteChoice.deadlines(start, CLOCK);
		expect(rest).toEqual([]);
		expect(view).toMatchObject({
			election: { slug: 'TK-2030', type: 'TK', electionDay: '2030-05-15', provisional: true },
			kind: 'proxy_or_voter_pass',
			day: '2030-02-19',
			time: 'end-of-day',
			closesAt: '2030-02-19T22:59:59.999Z',
			uploadBy: '2030-02-19',
			explanation: {
				key: 'vote_choice_cutoff_why_certificates',
				params: { day: '2030-02-19', sentOn: '2030-02-20', sixWeeks: '2030-04-03' }
			},
			afterwards: { key: 'vote_choice_cutoff_afterwards' }
		});
		expect(codes(view?.basis)).toEqual(
			expect.arrayContaining(['KW K 7(2)', 'KW L 9(2)', 'KW K 8(2)', 'KW L 10(b)', 'KW M 6(3)'])
		);
		// Before the voter says where they live, the safe default (14 days) is already too late.
		expect(view?.postBy).toBeNull();
	});

	it('gives a post-by day from the voter’s country (Germany: 5 days)', async () => {
		const [view] = await voteChoice.deadlines(proxy, CLOCK);
		expect(view?.postBy).toBe('2030-02-14');
	});

	it('shows every open election before one is chosen: never the KNI, nor an undated one', async () => {
		const views = await voteChoice.deadlines({}, new Date('2026-11-22T12:00:00Z'));
		expect(views.map((v) => v.election.slug)).toEqual(['TK-2030']);
		expect(await voteChoice.deadlines({}, AFTER)).toEqual([]);
	});
});

describe('summary', () => {
	it('for a proxy: why this cut-off, the holder’s declaration, Den Haag by e-mail or post', async () => {
		const s = await voteChoice.summary(proxy, CLOCK, 'nl');
		expect(s.notes[0]).toMatchObject({
			title: { key: 'vote_choice_summary_cutoff_title', params: { day: '2030-02-19' } },
			text: { key: 'vote_choice_cutoff_why_certificates' }
		});
		expect(s.notes[1]).toMatchObject({
			text: { key: 'vote_choice_summary_declaration', params: { holder: 'Jan de Vries' } }
		});
		expect(codes(s.notes[1]?.basis)).toEqual(['KW L 8(3)', 'KW L 10(c)']);
		expect(s.destination).toMatchObject({
			channel: 'vote_choice_proxy',
			electronic: true,
			address: { name: 'Gemeente Den Haag' }
		});
		expect(codes(s.destination?.basis)).toEqual(['KW L 9(1)']);
		expect(s.steps.map((m) => m.key)).toEqual([
			'vote_choice_step_print',
			'vote_choice_step_sign',
			'vote_choice_step_holder',
			'vote_choice_step_send_proxy'
		]);
		// L 11(1): not before nomination day; L 11(3): the holder is told.
		expect(s.next[0]).toMatchObject({
			text: { key: 'vote_choice_next_proxy_decision', params: { day: '2030-04-01' } }
		});
		expect(s.next.flatMap((n) => codes(n.basis))).toEqual(
			expect.arrayContaining(['KW L 11(1)', 'KW L 11(3)', 'KW M 1(1)', 'KW L 11(4)'])
		);
	});

	it('for a voter pass: the ID copy (K 3(2)), and what happens next (K 8, K 4(3))', async () => {
		const s = await voteChoice.summary(pass, CLOCK, 'en');
		expect(s.notes.map((n) => n.text.key)).toEqual([
			'vote_choice_cutoff_why_certificates',
			'vote_choice_summary_id_copy'
		]);
		expect(codes(s.notes[1]?.basis)).toEqual(['KW K 3(2)']);
		expect(s.destination).toMatchObject({ channel: 'vote_choice_pass', electronic: true });
		expect(codes(s.destination?.basis)).toEqual(['KW K 7(1)']);
		expect(s.steps.map((m) => m.key)).toContain('vote_choice_step_id');
		expect(s.next.flatMap((n) => codes(n.basis))).toEqual(
			expect.arrayContaining(['KW K 8(1)', 'KW K 4(3)', 'KW M 1(1)', 'KW K 8(4)'])
		);
	});
});

describe('outcome', () => {
	it('too late: the reasons with their articles, and what remains (post, checklist)', async () => {
		const view = await voteChoice.outcome('too_late', start, AFTER);
		expect(view.title.key).toBe('vote_choice_result_too_late_title');
		expect(view.reasons.map((r) => r.code)).toEqual(['vote_choice_certificate_sent']);
		expect(codes(view.reasons[0]?.basis)).toEqual(
			expect.arrayContaining(['KW K 8(2)', 'KW L 10(b)', 'KW M 6(3)'])
		);
		expect(view.next.map((n) => n.href ?? n.text.key)).toEqual([
			'vote_choice_result_too_late_post',
			'/elections/TK-2030/checklist',
			'/replacement',
			'/elections'
		]);
	});

	it('not registered: /register, with the registration cut-off of that election (D 3(2))', async () => {
		const view = await voteChoice.outcome(
			'not_registered',
			{ ...start, registered: { value: 'no' } },
			CLOCK
		);
		expect(view.reasons.map((r) => [r.code, r.params])).toEqual([
			['vote_choice_not_registered', undefined],
			['vote_choice_register_by', { type: 'TK', date: '2030-05-15', day: '2030-04-03' }]
		]);
		expect(codes(view.reasons[1]?.basis)).toEqual(['KW D 3(2)']);
		expect(view.next).toEqual([
			{ text: { key: 'vote_choice_result_register', params: undefined }, href: '/register' }
		]);
	});

	it('not registered, with no election open: the next one a registration counts for', async () => {
		const view = await voteChoice.outcome('not_registered', { registered: { value: 'no' } }, AFTER);
		expect(view.reasons[1]).toMatchObject({
			code: 'vote_choice_register_by',
			params: { type: 'TK', day: '2030-04-03' }
		});
	});

	it('not sure: ask for the status (D 5) or register', async () => {
		const view = await voteChoice.outcome('not_sure', start, CLOCK);
		expect(codes(view.reasons[0]?.basis)).toEqual(['KW D 5']);
		expect(view.next.map((n) => n.href)).toEqual(['/status', '/register']);
	});

	it('keep voting by post: nothing to send, when the certificate goes out, the checklist', async () => {
		const view = await voteChoice.outcome(
			'keep_post',
			{ ...start, choice: { choice: 'post' } },
			CLOCK
		);
		expect(view.title.key).toBe('vote_choice_result_keep_post_title');
		expect(view.reasons).toMatchObject([
			{
				code: 'vote_choice_keep_post_sent_on',
				params: { type: 'TK', date: '2030-05-15', sentOn: '2030-02-20' }
			}
		]);
		expect(codes(view.reasons[0]?.basis)).toEqual(['KW M 1(1)', 'KW M 6(3)']);
		expect(view.next.map((n) => n.href)).toEqual(['/elections/TK-2030/checklist', '/elections']);
	});

	it('no election: why each upcoming one takes no request, the KNI with Pa 21', async () => {
		const view = await voteChoice.outcome(
			'no_election',
			{ registered: { value: 'yes' } },
			new Date('2026-11-22T12:00:00Z')
		);
		expect(view.reasons.map((r) => r.code)).toEqual(['vote_choice_kni', 'vote_choice_no_day']);
		expect(codes(view.reasons[0]?.basis)).toEqual(['KW Pa 21', 'KW Pa 20']);
		const later = await voteChoice.outcome('no_election', { registered: { value: 'yes' } }, AFTER);
		expect(later.reasons.map((r) => r.code)).toEqual([
			'vote_choice_certificate_sent',
			'vote_choice_no_day'
		]);
	});
});

describe('prefill, requestOf and the PDF', () => {
	it('pre-selects a valid election from ?election= and ignores anything else', async () => {
		const q = (s: string) => new URLSearchParams(s);
		expect(await voteChoice.prefill(q('election=TK-2030'), CLOCK)).toEqual({
			election: { election: 'TK-2030' }
		});
		expect(await voteChoice.prefill(q('election=KNI-2027'), CLOCK)).toEqual({});
		expect(await voteChoice.prefill(q('election=TK-2030'), AFTER)).toEqual({});
		expect(await voteChoice.prefill(q('choice=proxy&registered=yes'), CLOCK)).toEqual({});
	});

	it('hands the office the typed request', () => {
		expect(voteChoice.requestOf(proxy)).toEqual(voteChoiceRequest(proxy));
		expect(voteChoice.requestOf(proxy)).toMatchObject({ kind: 'proxy', election: 'TK-2030' });
		expect(voteChoice.requestOf(pass)).toMatchObject({ kind: 'voter_pass' });
	});

	it('renders the proxy request with the cover in the voter’s language and the declaration', async () => {
		const bytes = await voteChoice.pdf({
			answers: proxy,
			reference: 'SRV0-0000-0001',
			locale: 'en',
			now: CLOCK
		});
		const { text } = await extractText(bytes.slice());
		expect(text).toHaveLength(3);
		const [cover = '', request = '', declaration = ''] = text.map((t) => t.replace(/\s+/g, ' '));
		expect(cover).toContain('Your request to vote by proxy');
		expect(cover).toContain('House of Representatives (Tweede Kamer), 15 May 2030');
		expect(cover).toContain('The Hague must receive your request by 19 February 2030.');
		expect(cover).toContain('Or post the request by 14 February 2030.');
		expect(cover).toContain('The Hague sends the postal voting certificates on 20 February 2030');
		expect(request).toContain('Duitsland');
		expect(request).toContain('Niet opgegeven');
		expect(declaration).toContain('Nederland');
		expect(voteChoice.fileName).toBe('volmacht-kiezerspas');
	});

	it('refuses to render an incomplete request', async () => {
		await expect(
			voteChoice.pdf({ answers: start, reference: 'X', locale: 'nl', now: CLOCK })
		).rejects.toThrow();
	});
});
