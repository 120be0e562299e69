/**
 * Reminders of the cut-offs (issue 6 item 2) in Chromium, against the server whose clock stands
 * at 10 February 2030, 11:00 in Den Haag (`inject('clock')`). TK 2030 (15 May): the proxy/voter
 * pass cut-off is 19 February (the day before the certificates go out, KW K 8(2), L 10(b)), nine
 * days ahead, so its 28-day reminder is due; the change cut-off of 13 March (KW D 3(3)) is 31
 * days ahead and not yet. Mail is read from the real SMTP server of the global set-up.
 *
 * - With JavaScript: a bad address first (error summary with focus, the message at the field,
 *   nothing typed lost), then the request, the confirmation e-mail, its link and button, the
 *   reminder e-mail with its List-Unsubscribe headers, and its one-click page and button.
 * - Without JavaScript, as a mail program would: the plain form posts, and RFC 8058's POST from
 *   the mail program's servers (no Origin, `List-Unsubscribe=One-Click`), answered 200.
 * axe on every page and error state.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, inject } from 'vitest';
import { expectNoAxeViolations } from '../support/axe';
import { expect, test } from '../support/browser';
import { mailTo, waitForMail } from '../support/mail';
import { text } from '../support/passkeys';

const clocked = inject('clockedURL');
const t = (key: string, params?: Record<string, string>) => text('en', key, params);
const title = (key: string, error = false) =>
	`${error ? `${t('error_title_prefix')} ` : ''}${t(key)} – ${t('site_name')}`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const unique = (name: string) =>
	`${name}.${Date.now()}.${randomBytes(3).toString('hex')}@example.org`;

// The one reminder due at the clock, as its subject reads.
const PROXY_SUBJECT = t('reminders_mail_subject', {
	cutoff: t('cutoff_proxy_or_voter_pass'),
	date: '19 February 2030'
});
const CONFIRM_SUBJECT = new RegExp(`^${escape(t('reminders_confirm_subject'))}$`);

/** The link of the confirmation e-mail (the manage page, behind its secret). */
const confirmationLink = (mailText: string) =>
	/https?:\/\/\S+\/en\/reminders\/[A-Za-z0-9_-]{43}/.exec(mailText)?.[0] ?? null;

async function expectTitle(page: Page, expected: string) {
	await expect.poll(() => page.title()).toBe(expected);
}

test('opt in with a bad address first, confirm by the e-mail, get the reminder, stop in one click', async ({
	page
}) => {
	const email = unique('reminders.js');
	await page.goto(`${clocked}/en/reminders`);
	await expectTitle(page, title('reminders_title'));
	await expect(
		page.getByRole('heading', { level: 1, name: t('reminders_title') }).count()
	).resolves.toBe(1);
	await expectNoAxeViolations(page);

	// A bad address: the summary takes focus and links to the field; the message repeats there;
	// what was typed and ticked stays.
	const address = page.getByLabel(t('register_contact_email'), { exact: true });
	const tk = page.getByRole('checkbox', { name: t('election_type_TK'), exact: true });
	await address.fill('ana.example.org');
	await tk.check();
	await page.getByRole('button', { name: t('reminders_submit') }).click();
	await expectTitle(page, title('reminders_title', true));
	const summary = page.getByRole('alert');
	await expect
		.poll(() => summary.textContent())
		.toContain(t('register_contact_email_error_invalid'));
	expect(await page.evaluate(() => document.activeElement?.className)).toContain('error-summary');
	expect(await summary.getByRole('link').getAttribute('href')).toBe('#f-email');
	expect(await page.locator('#f-email-error').textContent()).toContain(
		t('register_contact_email_error_invalid')
	);
	expect(await address.getAttribute('aria-invalid')).toBe('true');
	expect(await address.inputValue()).toBe('ana.example.org');
	expect(await tk.isChecked()).toBe(true);
	await expectNoAxeViolations(page);

	// No election chosen either: both errors, in the order of the fields.
	await tk.uncheck();
	await page.getByRole('button', { name: t('reminders_submit') }).click();
	await expect.poll(() => summary.getByRole('link').count()).toBe(2);
	expect(await summary.getByRole('link').allTextContents()).toEqual([
		t('register_contact_email_error_invalid'),
		t('reminders_types_error_required')
	]);
	await expectNoAxeViolations(page);

	await address.fill(email);
	await tk.check();
	await page.getByRole('button', { name: t('reminders_submit') }).click();
	await page.waitForURL(`${clocked}/en/reminders/sent`);
	await expectTitle(page, title('reminders_sent_title'));
	await expectNoAxeViolations(page);

	// The confirmation e-mail, in the page's language; nothing else before it is confirmed.
	const confirmation = await waitForMail(email, CONFIRM_SUBJECT);
	expect(confirmation.text).toContain(t('election_type_TK'));
	const link = confirmationLink(confirmation.text);
	expect(link).not.toBeNull();
	expect(mailTo(email)).toHaveLength(1);

	// Following the link confirms nothing by itself (a mail scanner may follow it): a button does.
	await page.goto(link!);
	await expectTitle(page, title('reminders_confirm_title'));
	await expectNoAxeViolations(page);
	expect(mailTo(email)).toHaveLength(1);
	await page.getByRole('button', { name: t('reminders_confirm_button') }).click();
	await expectTitle(page, title('reminders_confirmed_title'));
	expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
		t('reminders_confirmed_title')
	);
	// No VAPID keys on this server (production without them): no notifications are offered.
	expect(await page.getByRole('button', { name: t('reminders_push_button') }).count()).toBe(0);
	await expectNoAxeViolations(page);

	// The reminder that is due at the server's clock arrives at once, and only that one.
	const reminder = await waitForMail(email, new RegExp(`^${escape(PROXY_SUBJECT)}$`));
	expect(reminder.text).toContain('KW K 7(2)');
	expect(reminder.text).toContain(t('reminders_mail_why_proxy_or_voter_pass'));
	expect(reminder.text).toContain(
		`${clocked}/en/api/v1/elections/TK-2030.ics?kind=proxy_or_voter_pass`
	);
	const unsubscribe = /<(https?:\/\/\S+\/en\/reminders\/unsubscribe\/[A-Za-z0-9_-]{43})>/.exec(
		reminder.headers['list-unsubscribe'] ?? ''
	)?.[1];
	expect(unsubscribe, 'List-Unsubscribe').toBeDefined();
	expect(reminder.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
	expect(reminder.text).toContain(unsubscribe);
	expect(
		mailTo(email)
			.map((m) => m.subject)
			.filter((s) => s !== confirmation.subject)
	).toEqual([PROXY_SUBJECT]);

	// The e-mail's link: a page with one button; the button stops the reminders.
	await page.goto(unsubscribe!);
	await expectTitle(page, title('reminders_unsubscribe_title'));
	expect(await page.getByRole('button').count()).toBe(1);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: t('reminders_stop_button') }).click();
	await expectTitle(page, title('reminders_stopped_title'));
	await expectNoAxeViolations(page);

	// Both links are dead now: the request is gone.
	for (const gone of [unsubscribe!, link!]) {
		const response = await page.goto(gone);
		expect(response?.status()).toBe(404);
		expect(await page.locator('main').textContent()).toContain(t('reminders_link_gone'));
		await expectNoAxeViolations(page);
	}
});

test('stop from the page the confirmation e-mail links to', async ({ page }) => {
	const email = unique('reminders.manage');
	// Asked in German: the e-mail and the page that confirms are German too.
	const de = (key: string, params?: Record<string, string>) => text('de', key, params);
	await page.goto(`${clocked}/de/reminders`);
	await page.getByLabel(de('register_contact_email'), { exact: true }).fill(email);
	await page.getByRole('checkbox', { name: de('election_type_KNI'), exact: true }).check();
	await page.getByRole('button', { name: de('reminders_submit') }).click();
	await page.waitForURL(`${clocked}/de/reminders/sent`);
	const confirmation = await waitForMail(
		email,
		new RegExp(`^${escape(de('reminders_confirm_subject'))}$`)
	);
	const link = /https?:\/\/\S+\/de\/reminders\/[A-Za-z0-9_-]{43}/.exec(confirmation.text)![0];
	await page.goto(link);
	await page.getByRole('button', { name: de('reminders_confirm_button') }).click();
	await expect
		.poll(() => page.title())
		.toBe(`${de('reminders_confirmed_title')} – ${de('site_name')}`);
	// The KNI of 2027 is past at this clock: nothing is due.
	expect(mailTo(email)).toHaveLength(1);

	await page.goto(link);
	await expect
		.poll(() => page.title())
		.toBe(`${de('reminders_manage_title')} – ${de('site_name')}`);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: de('reminders_stop_button') }).click();
	await expect
		.poll(() => page.title())
		.toBe(`${de('reminders_stopped_title')} – ${de('site_name')}`);
	await expectNoAxeViolations(page);
	expect((await page.goto(link))?.status()).toBe(404);
});

describe('without JavaScript, and a mail program’s one-click unsubscribe', () => {
	test.override('javaScriptEnabled', false);

	test('the plain form posts work, and RFC 8058’s POST stops the reminders', async ({ page }) => {
		const email = unique('reminders.nojs');
		await page.goto(`${clocked}/en/reminders`);
		// Empty: both errors, with the summary and the messages at the fields.
		await page.getByRole('button', { name: t('reminders_submit') }).click();
		await expectTitle(page, title('reminders_title', true));
		expect(await page.getByRole('alert').getByRole('link').allTextContents()).toEqual([
			t('reminders_email_error_required'),
			t('reminders_types_error_required')
		]);
		await expectNoAxeViolations(page, { javaScriptEnabled: false });

		await page.getByLabel(t('register_contact_email'), { exact: true }).fill(email);
		await page.getByRole('checkbox', { name: t('election_type_TK'), exact: true }).check();
		await page.getByRole('checkbox', { name: t('election_type_EP'), exact: true }).check();
		await page.getByRole('button', { name: t('reminders_submit') }).click();
		await page.waitForURL(`${clocked}/en/reminders/sent`);
		await expectNoAxeViolations(page, { javaScriptEnabled: false });

		const confirmation = await waitForMail(email, CONFIRM_SUBJECT);
		await page.goto(confirmationLink(confirmation.text)!);
		await expectNoAxeViolations(page, { javaScriptEnabled: false });
		await page.getByRole('button', { name: t('reminders_confirm_button') }).click();
		await expectTitle(page, title('reminders_confirmed_title'));
		await expectNoAxeViolations(page, { javaScriptEnabled: false });

		const reminder = await waitForMail(email, new RegExp(`^${escape(PROXY_SUBJECT)}$`));
		const unsubscribe = /<(\S+)>/.exec(reminder.headers['list-unsubscribe'] ?? '')![1]!;

		// What Gmail or Outlook send (RFC 8058 §3.2): a POST from their own servers, no Origin,
		// no cookie. Answered 200, and again 200 when repeated.
		for (let i = 0; i < 2; i++) {
			const response = await fetch(unsubscribe, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: 'List-Unsubscribe=One-Click'
			});
			expect(response.status).toBe(200);
		}
		const after = await page.goto(unsubscribe);
		expect(after?.status()).toBe(404);
		await expectNoAxeViolations(page, { javaScriptEnabled: false });

		// A cross-site form on another site still cannot post there: it carries its own Origin.
		const forged = await fetch(unsubscribe, {
			method: 'POST',
			headers: {
				origin: 'https://evil.example',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'List-Unsubscribe=One-Click'
		});
		expect(forged.status).toBe(403);
	});
});
