/**
 * Issue 6, item 1 in real Chromium: a started journey continues offline. Two answers given online,
 * a third offline (kept on the device and shown as such), the page reloaded while offline (the
 * service worker's copy), the connection back: the server holds all three, and the offline answer
 * was applied once (sending it again with its key, even with another date, changes nothing).
 */
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { expect, test } from '../support/browser';
import { expectNoAxeViolations } from '../support/axe';
import { text } from '../support/passkeys';

const t = (key: string) => text('en', key);
const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

type Kept = { key: string; action: string; page: string; fields: [string, string][] };

// What the page keeps in IndexedDB, read as the page's own script would.
const kept = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<Kept[]>((resolve, reject) => {
				const open = indexedDB.open('portal-offline');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const all = open.result.transaction('submissions').objectStore('submissions').getAll();
					all.onsuccess = () => resolve(all.result as Kept[]);
				};
			})
	);

// The worker keeps a copy of a journey's page once it was shown; wait for it before going offline.
const copied = (page: Page, path: string) =>
	expect
		.poll(() => page.evaluate((p) => caches.match(p).then((r) => r?.status ?? 0), path))
		.toBe(200);

describe('offline', () => {
	test.override('serviceWorkers', 'allow');
	test.override('browserLocale', 'en-GB');

	test('answers given offline are kept on the device and sent once when back online', async ({
		page,
		context
	}) => {
		await page.goto('/en/register');
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await page.getByRole('button', { name: t('register_start_button'), exact: true }).click();
		await h1(page, t('register_nationality_question')).waitFor();
		await page.getByRole('radio', { name: t('answer_yes'), exact: true }).check();
		await page.getByRole('button', { name: t('continue'), exact: true }).click();
		await h1(page, t('register_residence_question')).waitFor();
		await page.getByLabel(t('register_residence_question')).selectOption('ES');
		await page.getByRole('button', { name: t('continue'), exact: true }).click();
		await h1(page, t('register_dob_question')).waitFor();
		const stepPath = new URL(page.url()).pathname;
		expect(stepPath).toMatch(/^\/en\/register\/[A-Za-z0-9_-]{43}\/date_of_birth$/);
		await copied(page, stepPath);

		// Offline: the third answer stays on this device, and the page says so.
		await context.setOffline(true);
		await page.getByLabel(t('date_day')).fill('27');
		await page.getByLabel(t('date_month')).fill('3');
		await page.getByLabel(t('date_year')).fill('1990');
		await page.getByRole('button', { name: t('continue'), exact: true }).click();
		await page.getByRole('status').getByText(t('pwa_saved_on_device')).waitFor();
		const [entry, ...more] = await kept(page);
		expect(more).toEqual([]);
		expect(entry!.fields).toEqual(
			expect.arrayContaining([
				['dob_day', '27'],
				['dob_month', '3'],
				['dob_year', '1990']
			])
		);
		expect(entry!.key).toMatch(/^[0-9a-f-]{36}$/);

		// Reloaded offline: the worker's copy of the page, the answer back in its form.
		await page.reload();
		await h1(page, t('register_dob_question')).waitFor();
		await page.getByRole('status').getByText(t('pwa_saved_on_device')).waitFor();
		await expect.poll(() => page.getByLabel(t('date_year')).inputValue()).toBe('1990');
		await expectNoAxeViolations(page);

		// Back online: sent by itself, and on to the next question with all three answers.
		await context.setOffline(false);
		await page.getByRole('status').getByText(t('pwa_saved')).waitFor();
		await page.waitForURL((url) => !url.pathname.endsWith('/date_of_birth'));
		const transcript = page.getByRole('region', { name: t('transcript_title'), exact: true });
		for (const question of [
			'register_nationality_question',
			'register_residence_question',
			'register_dob_question'
		]) {
			await transcript.getByRole('term').getByText(t(question), { exact: true }).waitFor();
		}
		await transcript.getByRole('definition').getByText('27 March 1990').waitFor();
		expect(await kept(page)).toEqual([]);
		await expectNoAxeViolations(page);

		// The same submission again (a retry, or a late copy), even with another date: not applied.
		const origin = new URL(page.url()).origin;
		const replay = await page.request.post(entry!.action, {
			headers: { accept: 'text/html', origin },
			form: {
				...Object.fromEntries(entry!.fields),
				dob_year: '1980',
				submission: entry!.key
			},
			maxRedirects: 0
		});
		expect(replay.status()).toBe(303);
		await page.reload();
		await transcript.getByRole('definition').getByText('27 March 1990').waitFor();
		expect(await transcript.getByText('1980').count()).toBe(0);
	});
});
