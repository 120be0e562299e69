import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '../../../../tests/db/database';
import { form, type Post } from '../../../../tests/factories/registration';
import type { Answers } from '$lib/journeys/engine';
import * as journeys from './index';
import { change } from './change';

let close: () => Promise<void>;
beforeAll(async () => {
	({ close } = await withTestDatabase());
});
afterAll(() => close());

// The e2e clock: 10 February 2030, 11:00 in Den Haag. The seeded TK election is on 15 May 2030.
const CLOCK = new Date('2030-02-10T10:00:00Z');
const germany: Answers = { residence: { country: 'DE' } };

describe('the change journey: the nine-week countdown (KW D 3(3))', () => {
	it('gives the change cut-off of every upcoming election with a day, with post and upload days', async () => {
		const [tk, ...rest] = await change.deadlines(germany, CLOCK);
		expect(rest).toEqual([]);
		expect(tk).toMatchObject({
			election: { slug: 'TK-2030', type: 'TK', electionDay: '2030-05-15', provisional: true },
			kind: 'change',
			// The 63rd day before 15 May 2030, to the end of that day in Den Haag (CET, UTC+1).
			day: '2030-03-13',
			time: 'end-of-day',
			closesAt: '2030-03-13T22:59:59.999Z',
			uploadBy: '2030-03-13',
			// Five postal days from Germany (the planning table).
			postBy: '2030-03-08',
			afterwards: { key: 'change_deadline_afterwards' }
		});
		expect(tk?.explanation).toBeUndefined();
		expect(tk?.basis.map((b) => b.code)).toEqual(['KW D 3(3)', 'MvT §3.4']);
	});

	it('allows the post from the voter’s country, and the default before a country is known', async () => {
		const [us] = await change.deadlines({ residence: { country: 'US' } }, CLOCK);
		expect(us?.postBy).toBe('2030-03-03');
		const [unknown] = await change.deadlines({}, CLOCK);
		expect(unknown?.postBy).toBe('2030-02-27');
	});

	it('lists every upcoming election, not those past or without a day', async () => {
		const list = await change.deadlines(germany, new Date('2026-11-22T12:00:00Z'));
		expect(list.map((d) => [d.election.slug, d.day])).toEqual([
			// Provincial elections with the KNI on 17 March 2027: change cut-off 13 January 2027.
			['KNI-2027', '2027-01-13'],
			['TK-2030', '2030-03-13']
		]);
	});

	it('says to e-mail the scan once the post cannot make it', async () => {
		const [tk] = await change.deadlines(germany, new Date('2030-03-10T10:00:00Z'));
		expect(tk?.explanation).toEqual({ key: 'change_deadline_post_too_late' });
	});

	it('after the cut-off, says what it means: the next election; papers follow the old data', async () => {
		const [tk] = await change.deadlines(germany, new Date('2030-03-14T00:00:00+01:00'));
		expect(tk?.day).toBe('2030-03-13');
		expect(tk?.explanation).toEqual({ key: 'change_deadline_afterwards' });
		// On election day itself it is still listed; the day after, no longer.
		expect(await change.deadlines(germany, new Date('2030-05-15T20:00:00Z'))).toHaveLength(1);
		expect(await change.deadlines(germany, new Date('2030-05-16T10:00:00Z'))).toEqual([]);
	});
});

describe('the change journey on the server: start, outcome, summary', () => {
	it('takes a country from a start link, and nothing else', async () => {
		const q = (s: string) => change.prefill(new URLSearchParams(s), CLOCK);
		expect(await q('country=es')).toEqual({ residence: { country: 'ES' } });
		expect(await q('country=XX')).toEqual({});
		expect(await q('surname=Jansen')).toEqual({});
	});

	it('tells a voter back in the Netherlands that the removal is ex officio, with the articles', async () => {
		const view = await change.outcome(
			'lives_in_netherlands',
			{ residence: { country: 'NL' } },
			CLOCK
		);
		expect(view.title.key).toBe('change_outcome_netherlands_title');
		expect(view.reasons.map((r) => r.code)).toEqual([
			'lives_in_netherlands',
			'change_ex_officio_removal'
		]);
		expect(view.reasons[1]?.basis.map((b) => b.code)).toEqual([
			'KW D 6(2)',
			'KW D 6(3)',
			'KW D 7(2)',
			'KB D 10'
		]);
		expect(view.next.find((n) => n.href)?.href).toBe('/temporarily-abroad');
		const bes = await change.outcome(
			'lives_in_netherlands',
			{ residence: { country: 'BQ' } },
			CLOCK
		);
		expect(bes.reasons[0]?.code).toBe('lives_in_bes');
	});

	it('explains why no type can be registered', async () => {
		const view = await change.outcome(
			'not_eligible',
			{
				residence: { country: 'ES' },
				election_types: { types: ['EP'] },
				ep_declaration: { value: 'no' }
			},
			CLOCK
		);
		expect(view.reasons.map((r) => r.code)).toEqual(['ep_declaration_not_given']);
		expect(view.next[0]?.text.key).toBe('change_outcome_not_eligible_removal');
	});

	it('sends the form to Den Haag, by the channel chosen (KB D 5(1), D 5(4))', async () => {
		const removal: Answers = {
			what: { items: ['removal'] },
			submission: { channel: 'den_haag_post' }
		};
		const view = await change.summary(removal, CLOCK, 'en');
		expect(view.destination).toMatchObject({
			channel: 'den_haag_post',
			address: { name: 'Gemeente Den Haag' }
		});
		expect(view.destination?.basis.map((b) => b.code)).toEqual(['KB D 5(1)', 'KB D 5(4)']);
		expect(view.notes.map((n) => n.text.key)).toEqual(['change_note_removal']);
		expect(view.steps.map((s) => s.key)).toEqual([
			'change_done_step_print',
			'change_done_step_sign',
			'change_done_step_id',
			'change_done_step_send'
		]);
		expect(view.next.flatMap((n) => n.basis?.map((b) => b.code))).toEqual([
			'KW D 7(1)',
			'KB D 9',
			'KW D 8',
			'KW D 3(3)',
			'MvT §3.4'
		]);
		const renamed = await change.summary({ what: { items: ['name'] } }, CLOCK, 'en');
		expect(renamed.steps[2]?.key).toBe('change_done_step_id_name');
		expect(renamed.destination?.channel).toBe('den_haag_upload');
	});
});

const dutchVoterInFrance: Post[] = [
	['residence', { country: 'FR' }],
	[
		'identity',
		{
			first_names: 'Anna',
			surname: 'de Vries',
			dob_day: '1',
			dob_month: '5',
			dob_year: '1980',
			bsn: ''
		}
	],
	['what', { items: ['email', 'election_types'] }],
	['email', { action: 'new', email: 'anna@example.fr' }],
	['election_types', { types: ['TK', 'EP'] }],
	['ep_declaration', { value: 'yes' }],
	['submission', { channel: 'den_haag_upload' }]
];

describe('the change journey end to end on the server', () => {
	it('walks to a confirmed draft, its request and its PDF', async () => {
		const { token, where } = await journeys.start(change, 'en', new URLSearchParams());
		expect(where).toEqual({ kind: 'step', step: 'residence' });
		let last: journeys.SubmitResult = null;
		for (const [step, fields] of dutchVoterInFrance) {
			last = await journeys.submitStep(change, token, step, form(fields), 'en');
			expect(last, step).toMatchObject({ ok: true });
		}
		expect(last).toEqual({ ok: true, next: { kind: 'check' } });
		const check = await journeys.viewCheck(change, token, 'en');
		if (!check || 'redirect' in check) throw new Error('not at the check page');
		expect(check.transcript.map((e) => e.step)).toEqual(dutchVoterInFrance.map(([s]) => s));
		expect(check.deadlines.map((d) => d.kind)).toContain('change');

		expect(await journeys.confirm(change, token)).toEqual({ kind: 'done' });
		const done = await journeys.viewDone(change, token, 'en');
		if (!done || 'redirect' in done) throw new Error('not done');
		expect(done.reference).toMatch(/^\w{4}-\w{4}-\w{4}$/);

		const pdf = await journeys.renderPdf(change, token, 'en');
		expect(pdf?.fileName).toBe(`wijziging-${done.reference}.pdf`);
		const { text } = await extractText(pdf!.pdf.slice(), { mergePages: true });
		expect(text).toContain(done.reference);
		expect(text).toContain('anna@example.fr');
		expect(text).toContain('Frankrijk');
		expect(text).toContain('niet tevens deel aan die verkiezing in Frankrijk');
	});

	it('refuses a bad answer with the field’s error and keeps what was typed', async () => {
		const { token } = await journeys.start(change, 'en', new URLSearchParams('country=FR'));
		const result = await journeys.submitStep(
			change,
			token,
			'identity',
			form({
				first_names: 'Anna',
				surname: '',
				dob_day: '1',
				dob_month: '13',
				dob_year: '1980',
				bsn: ''
			}),
			'en'
		);
		expect(result).toEqual({
			ok: false,
			values: {
				first_names: 'Anna',
				surname: '',
				dob_day: '1',
				dob_month: '13',
				dob_year: '1980',
				bsn: ''
			},
			errors: { surname: 'register_name_surname_error_required', dob: 'register_dob_error_invalid' }
		});
	});

	it('gives the office the request through requestOf', () => {
		const answers = Object.fromEntries(dutchVoterInFrance) as Answers;
		expect(journeys.requestOf('change', answers)).toMatchObject({
			kind: 'change',
			voter: { surname: 'de Vries', dateOfBirth: '1980-05-01', email: 'anna@example.fr' },
			removal: false,
			changes: { email: 'anna@example.fr', electionTypes: ['TK', 'EP'], epDeclaration: true }
		});
		expect(journeys.requestOf('change', {})).toBeNull();
	});
});
