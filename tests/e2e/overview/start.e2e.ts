/**
 * Issue 4 item 1: the start page as a conversation, in Dutch and English, with JavaScript on and
 * off. A request in the voter's own words gets a proposal ("Did you mean …?") whose button starts
 * the journey; the other choices stay below; an empty box is a localised error; text nobody
 * understands gets a friendly message and the full list. axe on every state.
 */
import { describe } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { expect, test } from '../support/browser';
import { text } from '../support/passkeys';

type Locale = 'nl' | 'en';
const CHOICES = [
	'registration',
	'change',
	'vote_choice',
	'temporarily_abroad',
	'replacement',
	'status',
	'elections'
];

function start(page: Page, l: Locale) {
	const t = (key: string, params?: Record<string, string>) => text(l, key, params);
	const choice = (id: string) => t(`home_choice_${id}`);
	return {
		t,
		choice,
		h1: page.getByRole('heading', { level: 1, name: t('home_title'), exact: true }),
		field: page.getByLabel(t('home_ask_label'), { exact: true }),
		submit: page.getByRole('button', { name: t('home_ask_submit'), exact: true }),
		proposal: (id: string) =>
			page.getByRole('heading', {
				name: t('home_proposal_title', { choice: choice(id) }),
				exact: true
			}),
		yes: (id: string) =>
			page.getByRole('link', { name: t('home_proposal_yes', { choice: choice(id) }), exact: true }),
		choices: page.getByRole('list', {
			name: t('home_choices_other_title'),
			exact: true
		}),
		allChoices: page.getByRole('list', { name: t('home_choices_title'), exact: true }),
		summary: page.getByRole('alert')
	};
}

/** SvelteKit adds its route announcer only once the page has hydrated. */
const hydrated = (page: Page) => page.locator('#svelte-announcer').waitFor({ state: 'attached' });

async function linkNames(list: ReturnType<Page['getByRole']>) {
	return (await list.getByRole('link').allTextContents()).map((s) => s.trim());
}

describe('with JavaScript', () => {
	test('Dutch: a lost certificate in own words proposes the replacement, which starts', async ({
		page
	}) => {
		const s = start(page, 'nl');
		await page.goto('/');
		await s.h1.waitFor();
		await hydrated(page);
		expect(await linkNames(s.allChoices)).toEqual(CHOICES.map(s.choice));
		await expectNoAxeViolations(page);

		await s.field.fill('ik ben mijn stembewijs kwijt');
		await s.submit.click();
		await s.proposal('replacement').waitFor();
		// The answer replaced part of the page: focus moved to it, as a new page would put it.
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe(
			'answer-title'
		);
		// The text stays in the box, and the other choices stay below.
		expect(await s.field.inputValue()).toBe('ik ben mijn stembewijs kwijt');
		expect(await linkNames(s.choices)).toEqual(
			CHOICES.filter((c) => c !== 'replacement').map(s.choice)
		);
		await expect.poll(() => page.title()).toContain(s.choice('replacement'));
		await expectNoAxeViolations(page);

		await s.yes('replacement').click();
		await page.waitForURL(/\/replacement(\?|$)/);
		await page
			.getByRole('heading', { level: 1, name: s.t('journey_replacement_title'), exact: true })
			.waitFor();
	});

	test('Dutch: an empty box is an error at the field and in the summary', async ({ page }) => {
		const s = start(page, 'nl');
		await page.goto('/');
		await hydrated(page);
		await s.submit.click();
		await s.summary.getByRole('link', { name: s.t('home_ask_error_empty') }).waitFor();
		await expect.poll(() => page.title()).toMatch(new RegExp(`^${s.t('error_title_prefix')} `));
		expect(await s.field.getAttribute('aria-invalid')).toBe('true');
		expect(await s.summary.getByRole('link').getAttribute('href')).toBe('#f-request');
		await expectNoAxeViolations(page);
	});

	test('English: "I moved to Spain" proposes a change and offers registration too', async ({
		page
	}) => {
		const s = start(page, 'en');
		await page.goto('/en');
		await hydrated(page);
		await s.field.fill('I moved to Spain');
		await s.submit.click();
		await s.proposal('change').waitFor();
		await page.getByText(s.t('home_proposal_alternatives'), { exact: true }).waitFor();
		await page
			.getByRole('link', { name: s.choice('registration'), exact: true })
			.first()
			.waitFor();
		await expectNoAxeViolations(page);
		await s.yes('change').click();
		await page.waitForURL(/\/en\/change$/);
		await page
			.getByRole('heading', { level: 1, name: s.t('journey_change_title'), exact: true })
			.waitFor();
	});
});

describe('without JavaScript', () => {
	test.override('javaScriptEnabled', false);

	test('English: "can my sister vote for me" is a plain post that proposes a proxy', async ({
		page
	}) => {
		const s = start(page, 'en');
		const posts: number[] = [];
		page.on('response', (r) => {
			if (r.request().method() === 'POST') posts.push(r.status());
		});
		await page.goto('/en');
		await s.h1.waitFor();
		expect(await page.locator('#svelte-announcer').count()).toBe(0);
		await expectNoAxeViolations(page, { javaScriptEnabled: false });

		await s.field.fill('can my sister vote for me');
		await s.submit.click();
		await s.proposal('vote_choice').waitFor();
		expect(posts).toEqual([200]);
		expect(await s.field.inputValue()).toBe('can my sister vote for me');
		expect(await linkNames(s.choices)).toEqual(
			CHOICES.filter((c) => c !== 'vote_choice').map(s.choice)
		);
		await expectNoAxeViolations(page, { javaScriptEnabled: false });

		await s.yes('vote_choice').click();
		await page.waitForURL(/\/en\/vote-choice$/);
		await page
			.getByRole('heading', { level: 1, name: s.t('journey_vote_choice_title'), exact: true })
			.waitFor();
	});

	test('English: an empty box comes back as a page with the error, a 400', async ({ page }) => {
		const s = start(page, 'en');
		await page.goto('/en');
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			s.submit.click()
		]);
		expect(response.status()).toBe(400);
		await s.summary.getByRole('link', { name: s.t('home_ask_error_empty') }).waitFor();
		expect(await page.title()).toMatch(new RegExp(`^${s.t('error_title_prefix')} `));
		await page.locator('#f-request-error').getByText(s.t('home_ask_error_empty')).waitFor();
		await expectNoAxeViolations(page, { javaScriptEnabled: false });
	});

	test('Dutch: German words on the Dutch page are understood; gibberish gets the list', async ({
		page
	}) => {
		const s = start(page, 'nl');
		await page.goto('/');
		await s.field.fill('ich bin im Urlaub während der Wahl');
		await s.submit.click();
		await s.proposal('temporarily_abroad').waitFor();
		await s.yes('temporarily_abroad').click();
		await page.waitForURL(/\/temporarily-abroad$/);
		await page
			.getByRole('heading', {
				level: 1,
				name: s.t('journey_temporarily_abroad_title'),
				exact: true
			})
			.waitFor();

		await page.goto('/');
		await s.field.fill('qwerty asdfgh');
		await s.submit.click();
		await page
			.getByRole('heading', { name: s.t('home_not_understood_title'), exact: true })
			.waitFor();
		await page.getByText(s.t('home_not_understood_text'), { exact: true }).waitFor();
		expect(await linkNames(s.choices)).toEqual(CHOICES.map(s.choice));
		await expectNoAxeViolations(page, { javaScriptEnabled: false });
	});
});
