/**
 * Issue 6, item 1 in real Chromium: the portal is installable (Chromium's own installability
 * checks pass on its manifest and service worker), the manifest exists in every language with
 * icons that are what they say, and a new version waits until the voter chooses to reload.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe } from 'vitest';
import { CHROMIUM_ARGS, expect, test } from '../support/browser';
import { expectNoAxeViolations } from '../support/axe';
import { text } from '../support/passkeys';

const LOCALES = ['nl', 'en', 'de', 'fr', 'es', 'pap'];

type Manifest = {
	id: string;
	name: string;
	short_name: string;
	lang: string;
	start_url: string;
	display: string;
	icons: { src: string; sizes: string; type: string; purpose: string }[];
};

describe('the installable app', () => {
	test.override('serviceWorkers', 'allow');
	test.override('browserLocale', 'en-GB');

	test('passes Chromium’s installability checks', async ({ baseURL }) => {
		// Chromium never offers to install from an incognito window, which every test context is:
		// this one has a profile of its own, as a voter's browser does.
		const profile = mkdtempSync(path.join(tmpdir(), 'pwa-profile-'));
		const context = await chromium.launchPersistentContext(profile, {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: CHROMIUM_ARGS,
			baseURL,
			locale: 'en-GB'
		});
		try {
			const page = await context.newPage();
			await page.goto('/en');
			await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
			await page.reload();
			expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
			const cdp = await context.newCDPSession(page);
			const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
			expect(installabilityErrors).toEqual([]);
			const { url, errors } = await cdp.send('Page.getAppManifest');
			expect(new URL(url).pathname).toBe('/en/manifest.webmanifest');
			expect(errors).toEqual([]);
		} finally {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	});

	test('has a manifest in every language, with icons of the sizes it states', async ({
		page,
		baseURL
	}) => {
		for (const locale of LOCALES) {
			const path = locale === 'nl' ? '/manifest.webmanifest' : `/${locale}/manifest.webmanifest`;
			const response = await page.request.get(path);
			expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
			const manifest = (await response.json()) as Manifest;
			expect(manifest).toMatchObject({
				id: '/',
				name: text(locale, 'site_name'),
				short_name: text(locale, 'pwa_short_name'),
				lang: locale,
				start_url: locale === 'nl' ? '/' : `/${locale}`,
				display: 'standalone'
			});
			// The pages of each language name their own manifest.
			await page.goto(`/?lang=${locale}`);
			expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe(path);
		}
		const manifest = (await (
			await page.request.get('/en/manifest.webmanifest')
		).json()) as Manifest;
		expect(manifest.icons.map((i) => i.purpose)).toEqual(
			expect.arrayContaining(['any', 'maskable'])
		);
		for (const icon of manifest.icons.filter((i) => i.type === 'image/png')) {
			const body = await (await page.request.get(new URL(icon.src, baseURL).href)).body();
			const png = PNG.sync.read(body);
			expect(`${png.width}x${png.height}`).toBe(icon.sizes);
		}
		// The committed PNGs are the ones served.
		expect(readFileSync('static/icons/icon-512.png').length).toBeGreaterThan(0);
	});

	test('a new version waits for the voter, who reloads when they choose', async ({ page }) => {
		await page.goto('/en');
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await page.reload();
		// A deployment, as the browser sees it: another worker script for the same scope.
		await page.evaluate(() =>
			navigator.serviceWorker.register('/service-worker.js?next-version').then(() => undefined)
		);
		const prompt = page.getByRole('status').filter({ hasText: text('en', 'pwa_update_text') });
		await prompt.waitFor();
		await expectNoAxeViolations(page);
		// Until the voter chooses, the running version stays in charge.
		const before = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
		expect(before).toMatch(/\/service-worker\.js$/);
		await Promise.all([
			page.waitForEvent('load'),
			prompt.getByRole('button', { name: text('en', 'pwa_update_button'), exact: true }).click()
		]);
		// Reloaded, under the new version.
		await expect
			.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL))
			.toMatch(/\/service-worker\.js\?next-version$/);
	});
});
