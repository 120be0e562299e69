import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from 'unpdf';
import { withTestDatabase } from '../../../../tests/db/database';
import * as drafts from '$lib/server/drafts';
import * as journeys from './index';
import { replacement as def } from './replacement';

let close: () => Promise<void>;
beforeAll(async () => {
	({ close } = await withTestDatabase());
});
afterAll(() => close());
afterEach(() => {
	delete process.env.CLOCK;
});

/** TK-2030 (15 May 2030) is seeded: written by 3 May, in person until 12:00 on 6 May (M 6b). */
const CLOCK = '2030-02-10T10:00:00Z';

const form = (values: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(values)) data.append(k, v);
	return data;
};

type Answer = [string, Record<string, string>];
const germany: Answer[] = [
	['reason', { value: 'not_received' }],
	['election', { value: 'TK-2030' }],
	['name', { first_names: 'Jan', surname: 'Müller' }],
	['date_of_birth', { dob_day: '2', dob_month: '11', dob_year: '1979' }],
	['residence', { country: 'DE' }],
	[
		'address',
		{ address_line1: 'Müllerstraße 12', address_line2: '10115 Berlin', address_line3: '' }
	],
	['bsn', { bsn: '' }],
	['delivery', { by: 'email' }],
	['delivery_email', { email: 'jan@example.org' }]
];

async function walk(steps: Answer[]) {
	const { token, where } = await journeys.start(def, 'en', new URLSearchParams());
	let at = where;
	for (const [step, values] of steps) {
		if (at.kind !== 'step' || at.step !== step) continue;
		const result = await journeys.submitStep(def, token, step, form(values), 'en');
		if (!result?.ok) throw new Error(`${step}: ${JSON.stringify(result)}`);
		at = result.next;
	}
	return { token, at };
}

describe('replacement on the server', () => {
	it('walks to a PDF and the typed request for the office', async () => {
		process.env.CLOCK = CLOCK;
		const { token, at } = await walk(germany);
		expect(at).toEqual({ kind: 'check' });
		const check = await journeys.viewCheck(def, token, 'en');
		if (!check || 'redirect' in check) throw new Error('no check view');
		expect(check.summary.notes[0]?.basis?.map((b) => b.code)).toEqual(['KW M 5(2)(a)']);
		expect(await journeys.confirm(def, token)).toEqual({ kind: 'done' });

		const draft = await drafts.find(token, 'replacement');
		expect(def.requestOf(draft!.answers as never)).toEqual({
			kind: 'replacement',
			election: 'TK-2030',
			reason: 'not_received',
			voter: {
				surname: 'Müller',
				firstNames: 'Jan',
				dateOfBirth: '1979-11-02',
				bsn: null,
				address: { lines: ['Müllerstraße 12', '10115 Berlin'], country: 'DE' },
				email: 'jan@example.org',
				phone: null
			},
			deliveryBy: 'email',
			deliveryEmail: 'jan@example.org',
			deliveryAddress: null
		});
		const pdf = await journeys.renderPdf(def, token, 'de');
		expect(pdf?.fileName).toMatch(/^vervangend-briefstembewijs-.+\.pdf$/);
		const text = (await extractText(pdf!.pdf.slice(), { mergePages: true })).text.replace(
			/\s+/g,
			' '
		);
		expect(text).toContain('Ersatz-Briefwahlschein');
		expect(text).toContain('Ik heb mijn briefstembewijs niet ontvangen');
		expect(text).toContain('jan@example.org');
		expect(text).toContain('Duitsland');
	});

	it('shows the written cut-off (post-by from the country lived in) and the in-person one', async () => {
		process.env.CLOCK = CLOCK;
		const views = await def.deadlines({ residence: { country: 'DE' } }, new Date(CLOCK));
		expect(views.map((v) => [v.kind, v.day, v.time, v.closesAt, v.postBy, v.uploadBy])).toEqual([
			[
				'replacement_written',
				'2030-05-03',
				'end-of-day',
				'2030-05-03T21:59:59.999Z',
				'2030-04-28',
				'2030-05-03'
			],
			['replacement_in_person', '2030-05-06', '12:00', '2030-05-06T10:00:00.000Z', null, null]
		]);
	});

	it('after the 12th day ends with the in-person route, its countdown and Den Haag’s address', async () => {
		process.env.CLOCK = '2030-05-04T07:00:00Z';
		const { token, at } = await walk(germany.slice(0, 2));
		expect(at).toEqual({ kind: 'result' });
		const result = await journeys.viewResult(def, token);
		if (!result || 'redirect' in result) throw new Error('no result');
		expect(result.title.key).toBe('replacement_result_in_person_title');
		expect(result.reasons.map((r) => [r.code, r.basis.map((b) => b.code).join(' ')])).toEqual([
			['replacement_written_passed', 'KW M 6b(3)'],
			['replacement_in_person_until', 'KW M 6b(4)'],
			['replacement_in_person_id', 'KW M 6b(4)'],
			['replacement_in_person_representation', 'KW M 6b(2)'],
			['replacement_old_invalid', 'KW M 5(2)(a)']
		]);
		expect(result.deadlines?.map((d) => [d.kind, d.closesAt])).toEqual([
			['replacement_in_person', '2030-05-06T10:00:00.000Z']
		]);
		expect(result.place?.address.lines).toContain('Spui 70');
		expect(result.now).toBe('2030-05-04T07:00:00.000Z');
	});

	it('after 12:00 on the 9th day says it is too late, with both articles', async () => {
		process.env.CLOCK = '2030-05-06T10:00:01Z';
		const { token } = await walk(germany.slice(0, 2));
		const result = await journeys.viewResult(def, token);
		if (!result || 'redirect' in result) throw new Error('no result');
		expect(result.reasons).toEqual([
			expect.objectContaining({
				code: 'replacement_too_late',
				params: { written: '2030-05-03', inPerson: '2030-05-06' }
			})
		]);
		expect(result.deadlines ?? []).toEqual([]);
	});

	it('offers no e-mail in Curaçao and refuses one posted anyway (KW M 6b(5))', async () => {
		process.env.CLOCK = CLOCK;
		const curacao = germany.map(([s, v]): Answer =>
			s === 'residence' ? [s, { country: 'CW' }] : [s, v]
		);
		const { token, at } = await walk(curacao.slice(0, 7));
		expect(at).toEqual({ kind: 'step', step: 'delivery' });
		const step = await journeys.viewStep(def, token, 'delivery');
		if (!step || 'redirect' in step) throw new Error('no step');
		expect(step.view.fields[0]?.options?.map((o) => o.value)).toEqual(['post_home', 'post_other']);
		expect(step.view.notes[0]?.basis?.map((b) => b.code)).toEqual(['KW M 6b(5)', 'KW M 6b(2)']);
		const posted = await journeys.submitStep(def, token, 'delivery', form({ by: 'email' }), 'en');
		expect(posted).toMatchObject({ ok: false, errors: { by: 'error_choose_one' } });
		// Whatever the stored answers say, the office never gets an e-mail delivery for Curaçao.
		const answers = Object.fromEntries(curacao.map(([s, v]) => [s, v]));
		expect(def.requestOf(answers)).toBeNull();
		const home = { ...answers, delivery: { by: 'post_home' } };
		expect(def.requestOf(home)).toMatchObject({
			deliveryBy: 'post',
			deliveryAddress: { lines: ['Müllerstraße 12', '10115 Berlin'], country: 'CW' }
		});
	});
});
