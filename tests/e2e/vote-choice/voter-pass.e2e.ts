/**
 * A voter pass (kiezerspas) in English, with JavaScript on and off, on the server whose clock
 * stands at 10 February 2030; and "keep voting by post", reached from a guided link that names
 * the election (`?election=TK-2030`). axe-core on every page.
 */
import { describe } from 'vitest';
import { expect, test } from '../support/browser';
import { TK_2030, VoteChoice, daysLeft, longDate, uniqueName, type Request } from './journey';

const run = uniqueName();
const request = (js: boolean): Request => ({
	choice: 'voter_pass',
	voter: {
		firstNames: 'Thị Minh Khai',
		surname: `Nguyễn ${run}${js ? 'J' : 'N'}`,
		dateOfBirth: '1990-03-27',
		address: { line1: '88 Ñúñez Crescent', line2: 'London SW1A 1AA', country: 'GB' },
		email: ''
	}
});

describe.each([
	['with JavaScript', true],
	['without JavaScript', false]
])('a voter-pass request in English, %s', (_, javaScriptEnabled) => {
	test.override('javaScriptEnabled', javaScriptEnabled);

	test('from the start page to the PDF', async ({ page }) => {
		const v = new VoteChoice(page, 'en', { javaScriptEnabled });
		const r = request(javaScriptEnabled);
		const t = v.t;

		await v.start();
		await v.expectStep('election');
		await page.getByText(t.kniNote).waitFor();
		await v.answer(r, { until: 'voter_pass_conditions' });

		// What a voter pass means, each with its article: K 1, K 4(3), M 1(1).
		const main = page.getByRole('main');
		const text = (await main.innerText()).replace(/\s+/g, ' ');
		expect(text).toContain('at a polling station of your choice in the Netherlands');
		expect(text).toContain('A voter pass that is lost is not replaced.');
		expect(text).toContain('you get no postal voting certificate for this election');
		for (const code of ['KW K 1(1)', 'KW K 4(3)', 'KW M 1(1)']) {
			await expect.poll(() => main.getByRole('link', { name: code, exact: true }).count()).toBe(1);
		}
		await v.answer(r, { from: 'voter_pass_conditions' });

		const answers = await v.transcript('Your answers');
		expect(answers.get(t.questions.election)).toBe(t.tk2030);
		expect(answers.get(t.questions.choice)).toBe(t.choices.voter_pass);
		expect(answers.get(t.questions.voter_pass_conditions)).toBe('Understood');
		expect(answers.get(t.questions.email)).toBe('Not given');
		const check = (await main.innerText()).replace(/\s+/g, ' ');
		expect(check).toContain('Send a copy of your passport or identity card with it.');
		// The United Kingdom: five postal days.
		expect(check).toContain('14 February 2030, so that it arrives in time');

		const reference = await v.createForm();
		const done = (await main.innerText()).replace(/\s+/g, ' ');
		expect(done).toContain('The Hague decides as soon as possible and sends you the voter pass.');
		expect(done).toContain('a lost voter pass is not replaced');

		const pages = await v.downloadPdf();
		// The cover and the request: no declaration page without a proxy holder.
		expect(pages).toHaveLength(2);
		const [cover = '', form = ''] = pages;
		expect(cover).toContain('Your request for a voter pass');
		expect(cover).toContain(reference);
		expect(cover).toContain(
			`The Hague must receive your request by ${longDate(TK_2030.cutoffDay, 'en')}.`
		);
		expect(cover).toContain('This is earlier than six weeks before the election (3 April 2030)');
		expect(cover).toContain('Enclose a copy of your valid passport or identity card');
		expect(form).toContain('Verzoek om een kiezerspas');
		expect(form).toContain(reference);
		expect(form).toContain(r.voter.surname);
		expect(form).toContain(r.voter.firstNames);
		expect(form).toContain('27 maart 1990');
		expect(form).toContain('88 Ñúñez Crescent');
		expect(form).toContain('Verenigd Koninkrijk');
		expect(form).not.toContain('Verklaring van de gemachtigde');
	});
});

test('keep voting by post, from a guided link naming the election', async ({ page }) => {
	const v = new VoteChoice(page, 'en', { javaScriptEnabled: true });
	const t = v.t;
	expect(daysLeft()).toBe(9);
	await v.start(`?election=${TK_2030.slug}`);
	// The election is already chosen: the conversation starts with the next question.
	await v.expectStep('registered');
	expect((await v.transcript()).get(t.questions.election)).toBe(t.tk2030);
	await v.radio(t.yes).check();
	await v.continue();
	await v.expectStep('choice');
	await v.radio(t.choices.post).check();
	await v.continue();

	await page.waitForURL(v.pageUrl('result'));
	await v.h1(t.keepPostTitle).waitFor();
	await v.checkPage();
	const main = page.getByRole('main');
	expect((await main.innerText()).replace(/\s+/g, ' ')).toContain(
		`The Hague sends you your postal voting certificate on ${longDate(TK_2030.certificatesSentOn, 'en')}`
	);
	expect(
		await main.getByRole('link', { name: t.checklist, exact: true }).getAttribute('href')
	).toBe(`/en/elections/${TK_2030.slug}/checklist`);
	expect(
		await main.getByRole('link', { name: t.elections, exact: true }).getAttribute('href')
	).toMatch(/^\/en\/elections\/?$/);
	// Nothing to send: no form, no reference.
	expect(await main.getByRole('link', { name: t.download }).count()).toBe(0);
	// The checklist (another page of the portal) is there.
	const checklist = await page.goto(`${v.origin}/en/elections/${TK_2030.slug}/checklist`);
	expect(checklist?.status()).toBe(200);
});

test('a guided link to an election that takes no request is ignored', async ({ page }) => {
	const v = new VoteChoice(page, 'en', { javaScriptEnabled: true });
	await v.start('?election=KNI-2027');
	await v.expectStep('election');
});

test('not registered: the way to register, with the registration cut-off', async ({ page }) => {
	const v = new VoteChoice(page, 'en', { javaScriptEnabled: true });
	await v.start(`?election=${TK_2030.slug}`);
	await v.expectStep('registered');
	await v.radio('No').check();
	await v.continue();
	await page.waitForURL(v.pageUrl('result'));
	await v.h1('Register as a voter abroad first').waitFor();
	await v.checkPage();
	const main = page.getByRole('main');
	// KW D 3(2): the 42nd day before 15 May 2030.
	expect((await main.innerText()).replace(/\s+/g, ' ')).toContain(
		`your registration counts for this election if The Hague receives your application by ${longDate('2030-04-03', 'en')}`
	);
	await expect
		.poll(() => main.getByRole('link', { name: 'KW D 3(2)', exact: true }).count())
		.toBe(1);
	expect(
		await main
			.getByRole('link', { name: 'Register as a voter abroad', exact: true })
			.getAttribute('href')
	).toMatch(/^\/en\/register\/?$/);
});
