/**
 * A proxy (volmacht) in Dutch, with JavaScript on and off, on the server whose clock stands at
 * 10 February 2030: the countdown to the effective cut-off (19 February, the day before the
 * certificates go out) and why it is earlier than six weeks on every page, a bad answer kept and
 * explained, and the downloaded PDF with the holder's declaration on a page of its own.
 */
import { describe } from 'vitest';
import { expect, test } from '../support/browser';
import { TK_2030, VoteChoice, daysLeft, longDate, uniqueName, type Request } from './journey';

/** Unique names per run: the e2e servers share one database across files and runs. */
const run = uniqueName();
const request = (js: boolean): Request => ({
	choice: 'proxy',
	voter: {
		firstNames: 'Zoë Ødegård',
		surname: `IJsselmeer-Çelik ${js ? 'A' : 'B'}`,
		dateOfBirth: '1985-06-14',
		address: { line1: 'Müllerstraße 12', line2: '10115 Berlin', country: 'DE' },
		email: `zoe.${run.toLowerCase()}@example.org`
	},
	holder: {
		firstNames: 'Jan Willem',
		surname: `de Vries-${run}`,
		dateOfBirth: '1960-01-02',
		address: { line1: 'Lange Voorhout 1', line2: '2514 EA Den Haag', country: 'NL' }
	}
});

describe.each([
	['with JavaScript', true],
	['without JavaScript', false]
])('a proxy request in Dutch, %s', (_, javaScriptEnabled) => {
	test.override('javaScriptEnabled', javaScriptEnabled);

	test('from the start page to the PDF with the holder’s declaration', async ({ page }) => {
		const posts: number[] = [];
		page.on('response', (r) => {
			if (r.request().method() === 'POST') posts.push(r.status());
		});
		const v = new VoteChoice(page, 'nl', { javaScriptEnabled });
		const r = request(javaScriptEnabled);
		const t = v.t;
		expect(daysLeft()).toBe(9);

		await v.start();
		await v.expectStep('election');
		// Only the TK election is offered; the KNI never is, and the page says why (Pa 21).
		expect(await page.getByRole('radio').count()).toBe(1);
		await page.getByText(t.kniNote).waitFor();
		await expect
			.poll(() => page.getByRole('link', { name: 'KW Pa 21', exact: true }).count())
			.toBe(1);
		// The cut-off is on the choice itself too.
		await page
			.getByText(
				`Den Haag moet uw verzoek uiterlijk op ${longDate(TK_2030.cutoffDay, 'nl')} ontvangen.`
			)
			.waitFor();

		await v.answer(r, { until: 'holder_date_of_birth' });

		// A holder who is not 18 on election day cannot be a proxy holder (L 8(2), B 1(1)).
		await v.fillDate('2012-05-16');
		const summary = await v.continueWithErrors();
		expect(await summary.getByRole('link').allTextContents()).toEqual([t.holderTooYoung]);
		if (javaScriptEnabled) {
			// The summary's link takes the voter to the field.
			await summary.getByRole('link').click();
			await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-dob_day');
		}
		const group = page.getByRole('group', { name: t.questions.holder_date_of_birth });
		expect((await group.innerText()).replace(/\s+/g, ' ')).toContain(`Fout: ${t.holderTooYoung}`);
		// Nothing lost: what was typed, and the answers so far.
		expect(await v.field(t.day).inputValue()).toBe('16');
		expect(await v.field(t.month).inputValue()).toBe('5');
		expect(await v.field(t.year).inputValue()).toBe('2012');
		const sofar = await v.transcript();
		expect(sofar.get(t.questions.holder_name)).toBe(`${r.holder!.firstNames} ${r.holder!.surname}`);
		expect(sofar.get(t.questions.election)).toBe(t.tk2030);
		await v.expectDeadline();

		await v.answer(r, { from: 'holder_date_of_birth' });

		// The check page: the answers, why this day, where the form goes.
		const answers = await v.transcript('Uw antwoorden');
		expect(answers.get(t.questions.choice)).toBe(t.choices.proxy);
		expect(answers.get(t.questions.name)).toBe(`${r.voter.firstNames} ${r.voter.surname}`);
		expect(answers.get(t.questions.date_of_birth)).toBe('14 juni 1985');
		expect(answers.get(t.questions.holder_date_of_birth)).toBe('2 januari 1960');
		const main = (await page.getByRole('main').innerText()).replace(/\s+/g, ' ');
		expect(main).toContain(
			`Den Haag moet uw verzoek uiterlijk op ${longDate(TK_2030.cutoffDay, 'nl')} ontvangen`
		);
		expect(main).toContain(
			`${r.holder!.firstNames} ${r.holder!.surname} ondertekent de verklaring op de laatste bladzijde`
		);
		expect(main).toContain('verkiezingen@denhaag.nl');
		expect(main).toContain('Postbus 84008');
		// Germany: five postal days before the cut-off.
		expect(main).toContain('14 februari 2030, zodat het op tijd aankomt');

		const reference = await v.createForm();
		const done = (await page.getByRole('main').innerText()).replace(/\s+/g, ' ');
		expect(done).toContain(
			'Laat uw gemachtigde de verklaring op de laatste bladzijde ondertekenen'
		);
		expect(done).toContain(
			`niet vóór de dag van de kandidaatstelling (${longDate(TK_2030.nominationDay, 'nl')})`
		);
		expect(done).toContain('Ook uw gemachtigde hoort wat Den Haag heeft beslist.');

		const pages = await v.downloadPdf();
		// The cover, the request, and the holder's declaration on a page of its own (L 8(3)).
		expect(pages).toHaveLength(3);
		const [cover = '', form = '', declaration = ''] = pages;
		expect(cover).toContain('Uw verzoek om bij volmacht te stemmen');
		expect(cover).toContain(reference);
		expect(cover).toContain('Den Haag moet uw verzoek uiterlijk op 19 februari 2030 ontvangen.');
		expect(cover).toContain('Of post het verzoek uiterlijk op 14 februari 2030.');
		expect(cover).toContain('Dit is eerder dan zes weken voor de verkiezing (3 april 2030)');
		expect(form).toContain('Verzoek om bij volmacht te stemmen');
		expect(form).toContain(reference);
		expect(form).toContain(r.voter.surname);
		expect(form).toContain(r.voter.firstNames);
		expect(form).toContain('14 juni 1985');
		expect(form).toContain('Müllerstraße 12');
		expect(form).toContain(r.voter.email);
		expect(form).toContain(r.holder!.surname);
		expect(form).toContain('Lange Voorhout 1');
		expect(form).toContain(
			'Verkiezing van de leden van de Tweede Kamer der Staten-Generaal op 15 mei 2030'
		);
		expect(declaration).toContain('Verklaring van de gemachtigde');
		expect(declaration).toContain(reference);
		expect(declaration).toContain(r.holder!.surname);
		expect(declaration).toContain('2 januari 1960');
		expect(declaration).toContain(
			`Ik verklaar dat ik bereid ben als gemachtigde op te treden voor ${r.voter.firstNames} ${r.voter.surname}`
		);
		expect(declaration).toContain('Handtekening gemachtigde');

		if (!javaScriptEnabled) {
			// Every answer was a plain post: a 303 to the next page, or the one 400 with the errors.
			expect(posts.every((s) => s === 303 || s === 400)).toBe(true);
			expect(posts.filter((s) => s === 400)).toHaveLength(1);
		}
	});
});
