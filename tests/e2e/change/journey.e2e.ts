/**
 * The change journey with JavaScript on, in Dutch and in English: to the downloaded form (parsed
 * back, its QR codes scanned), the exclusive removal, bad input with nothing lost, and the voter
 * who lives in the Netherlands again (nothing to send: the ex officio removal, KW D 6(2), D 6(3)).
 */
import { describe } from 'vitest';
import { expect, test } from '../support/browser';
import { scannedQrCodes } from '../../../src/lib/server/pdf/testing';
import { ChangeJourney, type ChangeVoter } from './support';

const movedInGermany: ChangeVoter = {
	country: 'DE',
	firstNames: 'Zoë',
	surname: 'IJsselmeer-Çelik',
	dateOfBirth: '1985-06-14',
	bsn: '123456782',
	items: ['residential_address', 'email', 'election_types'],
	address: { line1: 'Müllerstraße 12', line2: '10115 Berlin' },
	email: 'zoe.nieuw@example.org',
	types: ['TK', 'EP'],
	epDeclaration: true,
	channel: 'den_haag_upload'
};

const renamedInTheUs: ChangeVoter = {
	country: 'US',
	firstNames: 'Thomas',
	surname: 'de Graaf',
	dateOfBirth: '1979-11-02',
	items: ['correspondence_address', 'phone', 'name'],
	correspondence: 'remove',
	phone: '+1 212 555 0100',
	newName: { firstNames: 'Thomas Jan', surname: 'de Graaf-Baker' },
	channel: 'den_haag_post'
};

describe('the change journey with JavaScript', () => {
	test('in Dutch: moved within Germany, a new e-mail address, TK and EP, to the form', async ({
		page
	}) => {
		const c = new ChangeJourney(page, 'nl');
		await c.start();
		await c.expectStep('residence');
		// Every page of the journey counts down to the change cut-off (KW D 3(3)).
		expect((await c.deadlines()).some((d) => d.includes(c.t.cutoffChange))).toBe(true);
		await c.answer(movedInGermany);

		const main = page.getByRole('main');
		await expect.poll(() => main.innerText()).toContain('Müllerstraße 12');
		expect(await main.innerText()).toContain('zoe.nieuw@example.org');
		expect((await c.deadlines()).length).toBeGreaterThan(0);

		const reference = await c.createForm();
		const { bytes, text } = await c.downloadPdf();
		expect(text).toContain(c.t.pdf.coverTitle);
		expect(text).toContain(c.t.pdf.formTitle);
		expect(text).toContain(reference);
		expect(text).toContain('IJsselmeer-Çelik');
		expect(text).toContain('14 juni 1985');
		expect(text).toContain('123456782');
		expect(text).toContain('Nieuw woonadres');
		expect(text).toContain('Müllerstraße 12');
		expect(text).toContain('10115 Berlin');
		expect(text).toContain('zoe.nieuw@example.org');
		expect(text).toContain('Tweede Kamer der Staten-Generaal');
		expect(text).toContain('Europees Parlement');
		expect(text).toContain('niet tevens deel aan die verkiezing in Duitsland');
		expect(text).not.toContain('Verwijdering uit de registratie');
		// The QR code on every page (cover and form) carries the reference and nothing else.
		const codes = scannedQrCodes(bytes);
		expect(codes.length).toBeGreaterThanOrEqual(2);
		expect(codes.every((code) => code === reference)).toBe(true);
	});

	test('in English: correspondence address removed, a new phone number and name, to the form', async ({
		page
	}) => {
		const c = new ChangeJourney(page, 'en');
		await c.start();
		await c.expectStep('residence');
		await c.answer(renamedInTheUs);
		const reference = await c.createForm();
		const { text } = await c.downloadPdf();
		expect(text).toContain(c.t.pdf.coverTitle);
		expect(text).toContain('The copy must show your new name.');
		expect(text).toContain('By post:');
		expect(text).toContain(reference);
		expect(text).toContain('de Graaf');
		expect(text).toContain('Verenigde Staten');
		expect(text).toContain('Correspondentieadres vervalt');
		expect(text).toContain('Correspondence address removed');
		expect(text).toContain('+1 212 555 0100');
		expect(text).toContain('Nieuwe naam');
		expect(text).toContain('de Graaf-Baker');
		expect(text).toContain('Thomas Jan');
	});

	test('in English: removal cannot be combined with a change; the error says so, nothing is lost', async ({
		page
	}) => {
		const c = new ChangeJourney(page, 'en');
		const voter: ChangeVoter = {
			country: 'AU',
			firstNames: 'Mia',
			surname: 'van Dijk',
			dateOfBirth: '1990-01-15',
			items: ['removal'],
			channel: 'den_haag_upload'
		};
		await c.start();
		await c.expectStep('residence');
		await c.answer(voter, { until: 'what' });

		await c.checkbox(c.t.items.removal).check();
		await c.checkbox(c.t.items.email).check();
		const summary = await c.continueWithErrors();
		expect(await summary.getByRole('link').allTextContents()).toEqual([
			c.t.errors.removalExclusive
		]);
		// At the field too, and the link leads to the first checkbox.
		await expect.poll(() => page.getByText(c.t.errors.removalExclusive).count()).toBe(2);
		expect(await c.checkbox(c.t.items.removal).isChecked()).toBe(true);
		expect(await c.checkbox(c.t.items.email).isChecked()).toBe(true);
		await summary.getByRole('link').click();
		await expect
			.poll(() =>
				page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? '')
			)
			.toBe('residential_address');

		await c.checkbox(c.t.items.email).uncheck();
		await c.continue();
		await c.expectStep('submission');
		await c.answer(voter, { from: 'submission' });
		expect(await page.getByRole('main').innerText()).toContain('Removal from the register');
		await c.createForm();
		const { text } = await c.downloadPdf();
		expect(text).toContain(c.t.pdf.removal);
		expect(text).toContain('I ask to be removed from the registration of voters abroad.');
		expect(text).not.toContain('Gevraagde wijzigingen');
	});

	test('in Dutch: bad input shows the summary and the field errors, and keeps what was typed', async ({
		page
	}) => {
		const c = new ChangeJourney(page, 'nl');
		const voter: ChangeVoter = {
			country: 'FR',
			firstNames: 'Anna',
			surname: 'de Vries',
			dateOfBirth: '1980-05-01',
			items: ['email'],
			email: 'anna@example.fr',
			channel: 'den_haag_upload'
		};
		await c.start();
		await c.expectStep('residence');
		await c.answer(voter, { until: 'identity' });

		await c.field(c.t.firstNames).fill('Anna');
		await c.field(c.t.day).fill('31');
		await c.field(c.t.month).fill('2');
		await c.field(c.t.year).fill('1980');
		let summary = await c.continueWithErrors();
		expect(await summary.getByRole('link').allTextContents()).toEqual([
			c.t.errors.surnameRequired,
			c.t.errors.dobInvalid
		]);
		expect(await c.field(c.t.firstNames).inputValue()).toBe('Anna');
		expect(await c.field(c.t.day).inputValue()).toBe('31');
		expect(await c.field(c.t.surname).getAttribute('aria-invalid')).toBe('true');
		await c.answer(voter, { from: 'identity', until: 'email' });

		// The e-mail field revealed under "new" has its error in the summary too.
		await c.radio(c.t.emailNew).check();
		summary = await c.continueWithErrors();
		expect(await summary.getByRole('link').allTextContents()).toEqual([c.t.errors.emailRequired]);
		expect(await c.radio(c.t.emailNew).isChecked()).toBe(true);
		await c.answer(voter, { from: 'email' });
	});

	test('in Dutch: back in the Netherlands, nothing to send; the removal is ex officio', async ({
		page
	}) => {
		const c = new ChangeJourney(page, 'nl');
		await c.start();
		await c.expectStep('residence');
		await c.field(c.t.questions.residence).selectOption({ label: 'Nederland' });
		await c.continue();
		await page.waitForURL(c.pathUrl('result'));
		await c.h1(c.t.netherlandsTitle).waitFor();
		const text = await page.getByRole('main').innerText();
		expect(text).toContain(c.t.exOfficio);
		expect(text).toContain('KW D 6(3)');
		const link = page.getByRole('link', { name: c.t.abroadLink, exact: true });
		expect(await link.getAttribute('href')).toBe('/temporarily-abroad');
		await c.checkPage();
	});
});
