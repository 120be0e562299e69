import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from 'unpdf';
import { withTestDatabase } from '../../../../tests/db/database';
import * as drafts from '$lib/server/drafts';
import * as journeys from './index';
import { temporarilyAbroad as def } from './temporarily-abroad';

let close: () => Promise<void>;
beforeAll(async () => {
	({ close } = await withTestDatabase());
});
afterAll(() => close());
afterEach(() => {
	delete process.env.CLOCK;
});

/** The clocked e2e moment: TK-2030 (15 May 2030) is seeded; its M 3(3) cut-off is 17 April. */
const CLOCK = '2030-02-10T10:00:00Z';

const form = (values: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(values)) data.append(k, v);
	return data;
};

const answers: [string, Record<string, string>][] = [
	['residence', { value: 'yes' }],
	['election', { value: 'TK-2030' }],
	['nationality', { value: 'yes' }],
	['date_of_birth', { dob_day: '7', dob_month: '3', dob_year: '1990' }],
	['name', { first_names: 'Zoë', surname: 'de Vries' }],
	['bsn', { bsn: '1234 56 782' }],
	['address', { address_line1: 'Lange Voorhout 1', address_line2: '2514 EA Den Haag' }],
	['municipality', { municipality: 'Den Haag' }],
	[
		'stay',
		{
			from_day: '1',
			from_month: '5',
			from_year: '2030',
			until_day: '1',
			until_month: '6',
			until_year: '2030'
		}
	],
	['ballot', { by: 'post' }],
	[
		'ballot_address',
		{
			address_line1: 'Calle Mayor 5',
			address_line2: '28013 Madrid',
			address_line3: '',
			country: 'ES'
		}
	]
];

async function walk(steps = answers, query = new URLSearchParams()) {
	const { token, where } = await journeys.start(def, 'en', query);
	let at = where;
	for (const [step, values] of steps) {
		if (at.kind !== 'step' || at.step !== step) continue;
		const result = await journeys.submitStep(def, token, step, form(values), 'en');
		if (!result?.ok) throw new Error(`${step}: ${JSON.stringify(result)}`);
		at = result.next;
	}
	return { token, at };
}

describe('temporarily abroad on the server', () => {
	it('walks to the check page, confirms, and gives the office its typed request and a PDF', async () => {
		process.env.CLOCK = CLOCK;
		const { token, at } = await walk();
		expect(at).toEqual({ kind: 'check' });
		const check = await journeys.viewCheck(def, token, 'en');
		if (!check || 'redirect' in check) throw new Error('no check view');
		expect(check.summary.destination?.channel).toBe('den_haag_mayor');
		expect(check.summary.notes.map((n) => n.text.key)).toContain(
			'temporarily_abroad_no_polling_card'
		);
		expect(check.transcript.map((t) => t.step)).toEqual(answers.map(([s]) => s));

		expect(await journeys.confirm(def, token)).toEqual({ kind: 'done' });
		const done = await journeys.viewDone(def, token, 'en');
		if (!done || 'redirect' in done) throw new Error('no done view');
		// The confirmation says no polling card comes, with M 2 and M 4(4).
		const next = done.summary.next.find(
			(n) => n.text.key === 'temporarily_abroad_next_no_polling_card'
		);
		expect(next?.basis?.map((b) => b.code)).toEqual(['KW M 4(4)', 'KW M 2']);

		const state = await drafts.find(token, 'temporarily_abroad');
		expect(def.requestOf(state!.answers as never)).toEqual({
			kind: 'temporarily_abroad',
			election: 'TK-2030',
			voter: {
				surname: 'de Vries',
				firstNames: 'Zoë',
				dateOfBirth: '1990-03-07',
				bsn: '123456782',
				address: { lines: ['Lange Voorhout 1', '2514 EA Den Haag'], country: 'NL' },
				email: null,
				phone: null
			},
			homeMunicipality: 'Den Haag',
			abroadFrom: '2030-05-01',
			abroadUntil: '2030-06-01',
			ballotBy: 'post',
			ballotEmail: null,
			postAddress: { lines: ['Calle Mayor 5', '28013 Madrid'], country: 'ES' }
		});

		const pdf = await journeys.renderPdf(def, token, 'en');
		expect(pdf?.fileName).toBe(`briefstemmen-buitenland-${done.reference}.pdf`);
		const text = (await extractText(pdf!.pdf.slice(), { mergePages: true })).text.replace(
			/\s+/g,
			' '
		);
		expect(text).toContain(done.reference);
		expect(text).toContain('Calle Mayor 5');
		expect(text).toContain('Spanje');
		expect(text).toContain('15 mei 2030');
	});

	it('shows the M 3(3) cut-off with post-by and upload-by on every page', async () => {
		process.env.CLOCK = CLOCK;
		const [deadline, ...more] = await def.deadlines({}, new Date(CLOCK));
		expect(more).toEqual([]);
		expect(deadline).toMatchObject({
			election: { slug: 'TK-2030', type: 'TK', electionDay: '2030-05-15' },
			kind: 'temporarily_abroad',
			day: '2030-04-17',
			closesAt: '2030-04-17T21:59:59.999Z',
			uploadBy: '2030-04-17',
			// Posted in the Netherlands: two days.
			postBy: '2030-04-15'
		});
		expect(deadline?.basis.map((b) => b.code)).toEqual(['KW M 1(2)', 'KW M 3(3)']);
		const { token } = await journeys.start(def, 'nl', new URLSearchParams());
		const step = await journeys.viewStep(def, token, 'residence');
		expect(step && 'deadlines' in step && step.deadlines.map((d) => d.day)).toEqual(['2030-04-17']);
	});

	it('takes ?election= from the start link, and ignores an election that is not open', async () => {
		process.env.CLOCK = CLOCK;
		expect(await def.prefill(new URLSearchParams('election=TK-2030'), new Date(CLOCK))).toEqual({
			election: { value: 'TK-2030' }
		});
		expect(await def.prefill(new URLSearchParams('election=KNI-2027'), new Date(CLOCK))).toEqual(
			{}
		);
		const { at } = await walk(answers.slice(0, 1), new URLSearchParams('election=TK-2030'));
		// The election was given: the next question is nationality.
		expect(at).toEqual({ kind: 'step', step: 'nationality' });
	});

	it('after the 28th day says why no election is open, with the article', async () => {
		process.env.CLOCK = '2030-04-18T10:00:00Z';
		const { token, at } = await walk(answers.slice(0, 1));
		expect(at).toEqual({ kind: 'result' });
		const result = await journeys.viewResult(def, token);
		if (!result || 'redirect' in result) throw new Error('no result');
		expect(result.title.key).toBe('temporarily_abroad_result_no_election_title');
		expect(result.reasons).toContainEqual(
			expect.objectContaining({
				code: 'temporarily_abroad_cutoff_passed',
				params: { type: 'TK', electionDay: '2030-05-15', cutoffDay: '2030-04-17' }
			})
		);
	});

	it('sends someone living abroad to the registration', async () => {
		process.env.CLOCK = CLOCK;
		const { token } = await walk([['residence', { value: 'no' }]]);
		const result = await journeys.viewResult(def, token);
		if (!result || 'redirect' in result) throw new Error('no result');
		expect(result.reasons.map((r) => r.code)).toEqual(['temporarily_abroad_lives_abroad']);
		expect(result.next[0]).toEqual({
			text: { key: 'temporarily_abroad_result_register' },
			href: '/register'
		});
	});

	it('says who is too young, with the election day', async () => {
		process.env.CLOCK = CLOCK;
		const young = answers.map(([s, v]): [string, Record<string, string>] =>
			s === 'date_of_birth' ? [s, { dob_day: '16', dob_month: '5', dob_year: '2012' }] : [s, v]
		);
		const { token, at } = await walk(young);
		expect(at).toEqual({ kind: 'result' });
		const result = await journeys.viewResult(def, token);
		if (!result || 'redirect' in result) throw new Error('no result');
		expect(result.reasons).toEqual([
			expect.objectContaining({
				code: 'temporarily_abroad_too_young',
				params: { electionDay: '2030-05-15' }
			})
		]);
	});

	it('keeps what was typed and names the field when the stay misses election day', async () => {
		process.env.CLOCK = CLOCK;
		const { token } = await walk(answers.slice(0, 8));
		const bad = {
			from_day: '1',
			from_month: '5',
			from_year: '2030',
			until_day: '10',
			until_month: '5',
			until_year: '2030'
		};
		const result = await journeys.submitStep(def, token, 'stay', form(bad), 'en');
		expect(result).toEqual({
			ok: false,
			values: bad,
			errors: { until: 'temporarily_abroad_stay_error_back_before_election_day' }
		});
	});
});
