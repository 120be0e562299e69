/**
 * Issue 4 item 2 in the account: a signed-in voter who is not (yet) registered sees where their
 * elections will appear and the way to all deadlines; what is there stays (status, passkeys).
 * The registered voter's own elections and checklist links are tested against the database
 * (src/lib/server/overview/overview.spec.ts), as registering takes the whole office flow.
 */
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { test } from '../support/browser';
import { addVirtualAuthenticator, text } from '../support/passkeys';

const t = (key: string) => text('en', key);
const h = (page: Page, level: number, key: string) =>
	page.getByRole('heading', { level, name: t(key), exact: true });

test('the account page has the elections section beside what it had', async ({ page }) => {
	await addVirtualAuthenticator(page);
	await page.goto('/en/account/create');
	await page.getByLabel(t('account_passkey_name_label'), { exact: true }).fill('Laptop');
	await page.getByRole('button', { name: t('account_create_button'), exact: true }).click();
	await page.waitForURL(/\/en\/account$/);
	await h(page, 1, 'account_title').waitFor();
	await h(page, 2, 'account_elections_title').waitFor();
	await page.getByText(t('account_elections_not_registered'), { exact: true }).waitFor();
	await h(page, 2, 'account_status_title').waitFor();
	await h(page, 2, 'account_passkeys_title').waitFor();
	await page.getByRole('link', { name: t('home_elections_link'), exact: true }).click();
	await page.waitForURL(/\/en\/elections$/);
	await page.goBack();
	await expectNoAxeViolations(page);
});
