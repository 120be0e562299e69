/**
 * The harness checks itself: a suite whose axe helper never fails would pass on any page, so
 * it must find a planted violation, with JavaScript on and off, and see a planted 503.
 */
import { describe } from 'vitest';
import { expect, test } from './support/browser';
import { expectNoAxeViolations } from './support/axe';

const plant = () => {
	const img = document.createElement('img');
	img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
	document.querySelector('main')?.append(img);
};

test('the axe helper reports a violation it is shown', async ({ page }) => {
	await page.goto('/en/register');
	await expectNoAxeViolations(page);
	await page.evaluate(plant);
	await expect(expectNoAxeViolations(page)).rejects.toThrow(/image-alt/);
});

test('every answer of 500 or more is recorded for the check after the test', async ({
	page,
	problems,
	baseURL
}) => {
	await page.route('**/planted-failure', (route) => route.fulfill({ status: 503, body: 'down' }));
	await page.goto('/planted-failure');
	expect(problems.serverErrors).toEqual([`503 GET ${baseURL}/planted-failure`]);
	problems.serverErrors.length = 0;
});

describe('without JavaScript', () => {
	test.override('javaScriptEnabled', false);

	test('the axe helper checks a copy of the page and still finds it', async ({ page }) => {
		await page.goto('/register');
		await expectNoAxeViolations(page, { javaScriptEnabled: false });
		await page.evaluate(plant);
		await expect(expectNoAxeViolations(page, { javaScriptEnabled: false })).rejects.toThrow(
			/image-alt/
		);
	});
});
