/**
 * GDPR art. 15: a signed-in voter downloads everything held about them, and only that; without a
 * session the file is not there. axe on the page.
 */
import type { Page } from 'playwright-core';
import { expect, test } from '../support/browser';
import { expectNoAxeViolations } from '../support/axe';
import { addVirtualAuthenticator, text } from '../support/passkeys';

const t = (key: string, params?: Record<string, string>) => text('en', key, params);

async function newVoter(page: Page) {
	await addVirtualAuthenticator(page);
	await page.goto('/en/account/create');
	await page.getByLabel(t('account_passkey_name_label'), { exact: true }).fill('Phone');
	await page.getByRole('button', { name: t('account_create_button'), exact: true }).click();
	await page.waitForURL(/\/en\/account$/);
}

async function download(page: Page) {
	await page.goto('/en/account');
	await page.getByRole('link', { name: t('account_data_link'), exact: true }).click();
	await page.waitForURL(/\/en\/account\/data$/);
	await page.getByRole('heading', { level: 1, name: t('account_data_title') }).waitFor();
	await expectNoAxeViolations(page);
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: t('account_data_download'), exact: true }).click()
	]);
	expect(file.suggestedFilename()).toMatch(/^mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
	const path = await file.path();
	const { readFileSync } = await import('node:fs');
	return JSON.parse(readFileSync(path, 'utf8')) as {
		account: { id: string; kind: string };
		passkeys: { name: string }[];
		auditTrail: { action: string; subject: string }[];
	};
}

test('a voter downloads their own data, and another voter gets only theirs', async ({
	page,
	browser,
	baseURL
}) => {
	await newVoter(page);
	const mine = await download(page);
	expect(mine.account.kind).toBe('voter');
	expect(mine.passkeys.map((p) => p.name)).toEqual(['Phone']);

	const other = await browser.newContext({ baseURL, locale: 'en-GB' });
	try {
		const otherPage = await other.newPage();
		// Without a session the file is not served.
		const anonymous = await otherPage.request.get('/en/account/data.json', { maxRedirects: 0 });
		expect(anonymous.status()).toBe(303);
		await newVoter(otherPage);
		const theirs = await download(otherPage);
		expect(theirs.account.id).not.toBe(mine.account.id);
		expect(JSON.stringify(theirs)).not.toContain(mine.account.id);
		// The first export is itself on the record of the person who made it.
		const again = await download(page);
		expect(again.auditTrail.map((e) => e.action)).toContain('personal_data.exported');
	} finally {
		await other.close();
	}
});
