import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '../../../../tests/db/database';
import {
	adultInGermany,
	arubaEightYears,
	bornYearsAgo,
	form,
	seventeenInCanada,
	today,
	type Post
} from '../../../../tests/factories/registration';
import { addDays, addYears } from '$lib/domain';
import * as drafts from '$lib/server/drafts';
import * as registration from './index';

let close: () => Promise<void>;
beforeAll(async () => {
	({ close } = await withTestDatabase());
});
afterAll(() => close());

async function answer(token: string, posts: Post[]) {
	let last: registration.SubmitResult = null;
	for (const [step, fields] of posts) {
		last = await registration.submitStep(token, step, form(fields), 'en');
		expect(last, step).toMatchObject({ ok: true });
	}
	return last;
}

async function complete(posts: Post[]) {
	const token = await registration.start('en');
	expect(await answer(token, posts)).toEqual({ ok: true, next: { kind: 'check' } });
	expect(await registration.confirm(token)).toEqual({ kind: 'done' });
	const done = await registration.viewDone(token);
	if (!done || 'redirect' in done) throw new Error('not done');
	return { token, done };
}

describe('the registration journey on the server', () => {
	it('registers an adult in Germany for TK and EP after the EP declaration', async () => {
		const { done } = await complete(adultInGermany);
		expect(done.verdicts.map((v) => [v.type, v.eligible])).toEqual([
			['TK', true],
			['EP', true]
		]);
		expect(done.reference).toMatch(/^\w{4}-\w{4}-\w{4}$/);
		expect(done.destination.channel).toBe('den_haag_upload');
		expect(done.destination.address?.email).toBeTruthy();
		// The next TK or EP election with a known day is TK 2030; its registration cut-off is the
		// 42nd day before (KW D 3(2)). Uploading counts until that day; the EP 2029 election has no
		// day yet and may come first, so the voter is told.
		expect(done.deadline).toMatchObject({
			election: { type: 'TK' },
			cutoffDay: '2030-04-03',
			uploadBy: '2030-04-03',
			forwardBy: null,
			paperTooLate: false
		});
		// Posting instead allows the mail's time from Germany.
		expect(done.deadline!.postBy! < '2030-04-03').toBe(true);
		expect(done.undated).toEqual(['EP']);
		expect(done.startsOn).toBeNull();
	});

	it('asks the EP declaration only of residents of another member state', async () => {
		const token = await registration.start('en');
		const canada = adultInGermany.map(([s, f]): Post =>
			s === 'residence' ? [s, { country: 'CA' }] : [s, f]
		);
		const result = await answer(token, canada.slice(0, 4));
		expect(result).toEqual({ ok: true, next: { kind: 'step', step: 'name' } });
	});

	it('tells a 17-year-old in Canada when the registration starts', async () => {
		const { done } = await complete(seventeenInCanada());
		const eighteenth = addYears(addDays(today(), -100), 1);
		expect(done.startsOn).toBe(addDays(eighteenth, -44));
		// Handed in at the consulate: the form must still be forwarded to Den Haag (KB D 5(1)),
		// so the paper date allows the post from Canada and the forwarding.
		expect(done.deadline?.postBy).toBeNull();
		expect(done.deadline?.forwardBy).toBe(addDays(done.deadline!.cutoffDay, -(10 + 10)));
		expect(done.verdicts).toEqual([expect.objectContaining({ type: 'TK', eligible: true })]);
	});

	it('refuses TK to an Aruba resident with 8 years in the Netherlands, with the article, and allows EP', async () => {
		const token = await registration.start('en');
		await answer(token, arubaEightYears.slice(0, 5));
		const view = await registration.viewStep(token, 'election_types');
		if (!view || 'redirect' in view) throw new Error('expected the types step');
		const offered = view.view.fields[0]?.options?.map((o) => o.value);
		expect(offered).toEqual(['EP']);
		const tkNote = view.view.notes.find(
			(n) => n.title && 'key' in n.title && n.title.params?.type === 'TK'
		);
		expect(tkNote?.text).toMatchObject({ key: 'reason_caribbean_condition_not_met' });
		expect(tkNote?.basis?.map((b) => b.code)).toContain('KW B 1(2)');
		// Posting TK anyway is refused: the server, not the form, decides what can be chosen.
		const forced = await registration.submitStep(
			token,
			'election_types',
			form({ types: ['TK', 'EP'] }),
			'en'
		);
		expect(forced).toMatchObject({ ok: false, errors: { types: 'register_types_error_required' } });
		await answer(token, arubaEightYears.slice(5));
		expect(await registration.confirm(token)).toEqual({ kind: 'done' });
	});

	it('tells a resident of Bonaire they are not abroad and points to the postal vote', async () => {
		const token = await registration.start('nl');
		const result = await answer(token, [
			['nationality', { value: 'yes' }],
			['residence', { country: 'BQ' }]
		]);
		expect(result).toEqual({ ok: true, next: { kind: 'result' } });
		const view = await registration.viewResult(token);
		if (!view || 'redirect' in view) throw new Error('expected a result');
		expect(view.outcome).toBe('not_abroad');
		expect(view.reasons[0]?.code).toBe('lives_in_bes');
		expect(view.reasons[0]?.basis.map((b) => b.code)).toContain('KW M 1(2)');
	});

	it('stops someone without Dutch nationality, and someone under 17', async () => {
		const a = await registration.start('en');
		expect(await answer(a, [['nationality', { value: 'no' }]])).toEqual({
			ok: true,
			next: { kind: 'result' }
		});
		expect(await registration.viewResult(a)).toMatchObject({ outcome: 'not_dutch' });

		const b = await registration.start('en');
		await answer(b, [
			['nationality', { value: 'yes' }],
			['residence', { country: 'FR' }],
			['date_of_birth', bornYearsAgo(16)]
		]);
		const view = await registration.viewResult(b);
		expect(view).toMatchObject({ outcome: 'too_young' });
		expect((view as registration.ResultView).canApplyFrom).toBe(
			addYears(addYears(today(), -16), 17)
		);
	});

	it('never lets a voter skip ahead, and sends them back to where they are', async () => {
		const token = await registration.start('en');
		expect(await registration.viewStep(token, 'contact')).toEqual({
			redirect: { kind: 'step', step: 'nationality' }
		});
		const skipped = await registration.submitStep(
			token,
			'name',
			form({ first_names: 'A', surname: 'B' }),
			'en'
		);
		expect(skipped).toEqual({ ok: true, next: { kind: 'step', step: 'nationality' } });
		expect(await registration.viewCheck(token)).toEqual({
			redirect: { kind: 'step', step: 'nationality' }
		});
		expect(await registration.confirm(token)).toEqual({ kind: 'step', step: 'nationality' });
	});

	it('rejects bad input with a message per field and keeps what was typed', async () => {
		const token = await registration.start('en');
		await answer(token, adultInGermany.slice(0, 5));
		const cases: [string, Record<string, string>, Record<string, string>][] = [
			[
				'date_of_birth',
				{ dob_day: '31', dob_month: '2', dob_year: '1990' },
				{ dob: 'register_dob_error_invalid' }
			],
			[
				'date_of_birth',
				{ dob_day: '', dob_month: '', dob_year: '' },
				{ dob: 'register_dob_error_required' }
			],
			[
				'date_of_birth',
				(() => {
					const [y, m, d] = addDays(today(), 1).split('-');
					return { dob_day: d!, dob_month: m!, dob_year: y! };
				})(),
				{ dob: 'register_dob_error_future' }
			],
			[
				'name',
				{ first_names: 'x'.repeat(10_000), surname: 'Jansen' },
				{ first_names: 'register_name_first_names_error_too_long' }
			],
			[
				'name',
				{ first_names: '<script>alert(1)</script>', surname: 'Jansen' },
				{ first_names: 'register_name_first_names_error_characters' }
			],
			[
				'name',
				{ first_names: '', surname: '' },
				{
					first_names: 'register_name_first_names_error_required',
					surname: 'register_name_surname_error_required'
				}
			],
			[
				'name',
				// The legal form's font prints Latin script; a passport spells the name in it.
				{ first_names: '太郎', surname: 'Jansen' },
				{ first_names: 'register_name_first_names_error_characters' }
			],
			[
				'address',
				// A right-to-left override would make the printed line read differently.
				{ address_line1: 'Hauptstraße 1\u202E', address_line2: '10115 Berlin', address_line3: '' },
				{ address_line1: 'error_characters' }
			],
			[
				'contact',
				{ email: 'not-an-address', phone: '' },
				{ email: 'register_contact_email_error_invalid' }
			],
			['bsn', { bsn: '123456789' }, { bsn: 'register_bsn_error_invalid' }]
		];
		for (const [step, fields, errors] of cases) {
			// Steps after date_of_birth need the journey to have reached them.
			if (step !== 'date_of_birth')
				await answer(
					token,
					adultInGermany.slice(
						5,
						adultInGermany.findIndex(([s]) => s === step)
					)
				);
			const result = await registration.submitStep(token, step, form(fields), 'en');
			expect(result, `${step} ${JSON.stringify(fields).slice(0, 60)}`).toEqual({
				ok: false,
				values: expect.objectContaining(fields),
				errors
			});
		}
		// The earlier answers are untouched by the failed posts.
		const draft = await drafts.find(token, 'registration');
		expect(draft?.answers.residence).toEqual({ country: 'DE' });
		expect(draft?.answers.date_of_birth).toEqual({
			dob_day: '3',
			dob_month: '2',
			dob_year: '1990'
		});
	});

	it('ignores fields a step does not ask for', async () => {
		const token = await registration.start('en');
		await registration.submitStep(
			token,
			'nationality',
			form({ value: 'yes', residence: 'NL', admin: 'true' }),
			'en'
		);
		const draft = await drafts.find(token, 'registration');
		expect(draft?.answers).toEqual({ nationality: { value: 'yes' } });
	});

	it('drops answers that a change makes unnecessary, and asks what a change makes necessary', async () => {
		const token = await registration.start('en');
		await answer(token, adultInGermany);
		// Moving the answer from Germany to Canada: the EP declaration is no longer needed.
		expect(
			await registration.submitStep(token, 'residence', form({ country: 'CA' }), 'en')
		).toEqual({
			ok: true,
			next: { kind: 'check' }
		});
		expect((await drafts.find(token, 'registration'))?.answers.ep_declaration).toBeUndefined();
		// And to Curaçao: the ten-years question is asked, then the journey returns to the check page.
		expect(
			await registration.submitStep(token, 'residence', form({ country: 'CW' }), 'en')
		).toEqual({
			ok: true,
			next: { kind: 'step', step: 'caribbean_ten_years' }
		});
		expect(
			await registration.submitStep(token, 'caribbean_ten_years', form({ value: 'yes' }), 'en')
		).toEqual({
			ok: true,
			next: { kind: 'check' }
		});
		// A channel that no longer fits (the consular post is not for Curaçao) is asked again.
		await registration.submitStep(token, 'residence', form({ country: 'CA' }), 'en');
		await registration.submitStep(token, 'submission', form({ channel: 'consular_post' }), 'en');
		expect(
			await registration.submitStep(token, 'residence', form({ country: 'SX' }), 'en')
		).toEqual({
			ok: true,
			next: { kind: 'step', step: 'caribbean_ten_years' }
		});
		expect(
			await registration.submitStep(token, 'caribbean_ten_years', form({ value: 'yes' }), 'en')
		).toEqual({
			ok: true,
			next: { kind: 'step', step: 'submission' }
		});
	});

	it('drops an answer the path no longer reaches at once, and keeps the rest through an outcome', async () => {
		const token = await registration.start('en');
		await answer(token, adultInGermany);
		// Aruba: the ten-years question comes first, and the EP declaration is gone already.
		await registration.submitStep(token, 'residence', form({ country: 'AW' }), 'en');
		let draft = await drafts.find(token, 'registration');
		expect(draft?.answers.ep_declaration).toBeUndefined();
		expect(draft?.answers.name).toEqual({ first_names: 'Zoë', surname: 'IJsselmeer-Çelik' });
		// A slip of the finger to Bonaire ends the conversation, and going back to Germany asks only
		// the EP declaration again: nothing else is lost.
		expect(
			await registration.submitStep(token, 'residence', form({ country: 'BQ' }), 'en')
		).toEqual({
			ok: true,
			next: { kind: 'result' }
		});
		expect(
			await registration.submitStep(token, 'residence', form({ country: 'DE' }), 'en')
		).toEqual({
			ok: true,
			next: { kind: 'step', step: 'ep_declaration' }
		});
		draft = await drafts.find(token, 'registration');
		expect(draft?.answers.contact).toEqual({ email: 'zoe@example.org', phone: '+49 30 1234567' });
	});

	it('freezes a draft once its form is made', async () => {
		const { token, done } = await complete(adultInGermany);
		expect(
			await registration.submitStep(token, 'nationality', form({ value: 'no' }), 'en')
		).toEqual({
			ok: true,
			next: { kind: 'done' }
		});
		expect(await registration.confirm(token)).toEqual({ kind: 'done' });
		const again = await registration.viewDone(token);
		expect(again).toMatchObject({ reference: done.reference });
	});

	it('answers an unknown token with nothing', async () => {
		expect(await registration.resume('A'.repeat(43))).toBeNull();
		expect(await registration.viewStep('nope', 'nationality')).toBeNull();
	});
});

describe('the form PDF', () => {
	it('is produced only for a completed draft and carries the voter’s data and reference', async () => {
		const { extractText, getDocumentProxy } = await import('unpdf');
		const token = await registration.start('en');
		await answer(token, adultInGermany);
		expect(await registration.renderPdf(token, 'en')).toBeNull();
		await registration.confirm(token);
		const result = await registration.renderPdf(token, 'en');
		expect(result).not.toBeNull();
		const { text } = await extractText(await getDocumentProxy(result!.pdf), { mergePages: true });
		for (const expected of [
			'Zoë',
			'IJsselmeer-Çelik',
			result!.reference,
			'Hauptstraße 1',
			'zoe@example.org'
		]) {
			expect(text).toContain(expected);
		}
		expect(text).toMatch(/03-02-1990|3 February 1990|3 februari 1990/);
	});
});
