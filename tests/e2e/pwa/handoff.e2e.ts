/**
 * Issue 6 item 3 in real Chromium: from a computer to a phone or a printer elsewhere. The resume
 * link's QR code on every question page and on the done page (read back to the same link); "e-mail
 * me the link" on the done page, with a bad address first (error at the field and in the summary,
 * what was typed kept, axe), then the e-mail on the test SMTP server with the link to the done page
 * and no personal details; and the no-printer advice.
 */
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { randomBytes } from 'node:crypto';
import { expect, test } from '../support/browser';
import { expectNoAxeViolations } from '../support/axe';
import { Registration } from '../support/journey';
import { waitForMail } from '../support/mail';
import { text } from '../support/passkeys';
import { adultInGermany } from '../support/voters';

const t = (key: string, params?: Record<string, string>) => text('en', key, params);

test('a finished form goes to another device: its QR code, or its link by e-mail', async ({
	page,
	context
}) => {
	const r = new Registration(page, 'en', { axe: false });
	await r.start();
	// The resume link's QR code, on a question page: the same link, for a phone's camera.
	const resume = page.getByRole('complementary', { name: t('resume_title') });
	const link = ((await resume.getByRole('link').first().textContent()) ?? '').trim();
	await resume.getByText(t('handoff_qr_summary')).click();
	const image = resume.getByRole('img', { name: t('handoff_qr_title') });
	await expect
		.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth))
		.toBeGreaterThan(0);
	const shot = PNG.sync.read(await image.screenshot());
	const decoded = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height);
	expect(decoded?.data).toBe(link);
	await expectNoAxeViolations(page);

	await r.answer(adultInGermany);
	await r.createForm();
	const handoff = page.getByRole('region', { name: t('handoff_title') });
	await handoff.getByText(t('handoff_no_printer_consulate')).waitFor();

	// A bad address: the error at the field and in the summary, the address kept.
	await handoff.getByLabel(t('handoff_email_label')).fill('not-an-address');
	await handoff.getByRole('button', { name: t('handoff_email_button'), exact: true }).click();
	await page
		.getByRole('alert')
		.getByRole('link', { name: t('handoff_email_error_invalid') })
		.waitFor();
	await expect.poll(() => page.title()).toMatch(/^Error: /);
	expect(await page.getByLabel(t('handoff_email_label')).inputValue()).toBe('not-an-address');
	await expectNoAxeViolations(page);

	const address = `voter-${randomBytes(4).toString('hex')}@example.org`;
	await page.getByLabel(t('handoff_email_label')).fill(address);
	await page.getByRole('button', { name: t('handoff_email_button'), exact: true }).click();
	await page
		.getByRole('status')
		.getByText(t('handoff_sent', { email: address }))
		.waitFor();
	await expectNoAxeViolations(page);

	const mail = await waitForMail(address, new RegExp(t('handoff_mail_subject')));
	const done = new URL(page.url());
	expect(mail.text).toContain(`${done.origin}${done.pathname}`);
	// The link, not the form: nothing about the voter is in the message.
	expect(mail.text).not.toContain(adultInGermany.surname);

	// The link opens the same done page, with the PDF, on another device.
	const other = await context.browser()!.newContext({ locale: 'en-GB' });
	try {
		const phone = await other.newPage();
		await phone.goto(`${done.origin}${done.pathname}`);
		await phone
			.getByRole('link', { name: t('done_download') })
			.first()
			.waitFor();
	} finally {
		await other.close();
	}
});
