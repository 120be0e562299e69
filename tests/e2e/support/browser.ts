/**
 * The `test` every e2e file uses: one Debian Chromium per file (playwright-core drives
 * /usr/bin/chromium; `npx playwright install` downloads a browser and cannot work here), a new
 * context per test, and a page that records every server answer of 500 or more and every script
 * error, so that each test also proves the server never failed under it.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject, test as base } from 'vitest';
import { CHROMIUM_ARGS } from './browser-args';

// Kept in a module of its own, without vitest, so that the global set-up can launch Chromium too.
export { CHROMIUM_ARGS };

const IGNORED_CONSOLE = [
	// A 4xx is an expected answer (a 400 for a form with errors); a 5xx is caught from responses.
	/^Failed to load resource/
];

export type Problems = {
	/** Responses with status >= 500, as "STATUS METHOD URL". */
	serverErrors: string[];
	/** Uncaught exceptions in the page and console errors (CSP violations show up here). */
	pageErrors: string[];
};

export const test = base
	.extend('baseURL', { scope: 'worker' }, () => inject('baseURL'))
	// eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from it
	.extend('browser', { scope: 'file' }, async ({}, { onCleanup }): Promise<Browser> => {
		const browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: CHROMIUM_ARGS
		});
		onCleanup(() => browser.close());
		return browser;
	})
	/** Override with `test.override('javaScriptEnabled', false)` in a describe block. */
	.extend('javaScriptEnabled', true as boolean)
	/**
	 * The browser's language (Accept-Language). Dutch by default: Dutch pages live at `/`, where a
	 * first visit in another language is sent to that language; tests of other languages use their
	 * prefixed URLs, which are never redirected.
	 */
	.extend('browserLocale', 'nl-NL' as string)
	/**
	 * The portal's service worker (issue 6) is blocked unless a test asks for it
	 * (`test.override('serviceWorkers', 'allow')`): it would precache the app in every test's new
	 * context, and the tests of pages and journeys are about what the server answers. The PWA
	 * tests in tests/e2e/pwa allow it.
	 */
	.extend('serviceWorkers', 'block' as 'block' | 'allow')
	.extend(
		'context',
		async (
			{ browser, baseURL, javaScriptEnabled, browserLocale, serviceWorkers },
			{ onCleanup }
		): Promise<BrowserContext> => {
			const context = await browser.newContext({
				baseURL,
				javaScriptEnabled,
				serviceWorkers,
				acceptDownloads: true,
				locale: browserLocale,
				timezoneId: 'Europe/Amsterdam',
				viewport: { width: 1024, height: 800 }
			});
			context.setDefaultTimeout(15_000);
			context.setDefaultNavigationTimeout(30_000);
			onCleanup(() => context.close());
			return context;
		}
	)
	.extend('problems', (): Problems => ({ serverErrors: [], pageErrors: [] }))
	.extend('page', async ({ context, problems }, { onCleanup }): Promise<Page> => {
		const page = await context.newPage();
		page.on('response', (response) => {
			if (response.status() >= 500) {
				problems.serverErrors.push(
					`${response.status()} ${response.request().method()} ${response.url()}`
				);
			}
		});
		page.on('pageerror', (error) => problems.pageErrors.push(`pageerror: ${error.message}`));
		page.on('console', (message) => {
			if (message.type() === 'error' && !IGNORED_CONSOLE.some((re) => re.test(message.text()))) {
				problems.pageErrors.push(`console: ${message.text()}`);
			}
		});
		// Every test: no answer of 500 or more, and no script error or CSP violation in the page.
		onCleanup(async () => {
			await page.close();
			expect(problems.serverErrors, 'responses with status >= 500').toEqual([]);
			expect(problems.pageErrors, 'errors in the page').toEqual([]);
		});
		return page;
	});

export { expect };
