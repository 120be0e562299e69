/**
 * Issue 4 item 7: the voting checklist per election, in English with JavaScript and in Dutch
 * without: every point with its article and the dates of this election (taken from the public
 * API here, not copied), the link to ask for a replacement, a "post by" for a chosen country, and
 * a 404 for an election without a day or one that does not exist. axe on every state.
 */
import { describe } from 'vitest';
import type { APIRequestContext, Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { expect, test } from '../support/browser';
import { text } from '../support/passkeys';

type Locale = 'nl' | 'en';
const INTL: Record<Locale, string> = { nl: 'nl', en: 'en-GB' };
const prefix = (l: Locale) => (l === 'nl' ? '' : `/${l}`);

type Api = {
	id: string;
	electionDay: string;
	nominationDay: string;
	cutoffs: { id: string; date: string }[];
};

async function tk2030(request: APIRequestContext): Promise<Api> {
	const { elections } = (await (await request.get('/api/v1/elections')).json()) as {
		elections: Api[];
	};
	return elections.find((e) => e.id === 'TK-2030')!;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const longDay = (iso: string, l: Locale) =>
	new Intl.DateTimeFormat(INTL[l], {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${iso}T00:00:00Z`));

/** The items of the checklist, as their text. */
const items = async (page: Page) =>
	(
		await page.getByRole('main').getByRole('list').first().getByRole('listitem').allTextContents()
	).map((s) => s.replace(/\s+/g, ' ').trim());

async function expectChecklist(page: Page, l: Locale) {
	const t = (key: string, params?: Record<string, string>) => text(l, key, params);
	const election = await tk2030(page.request);
	const date = (id: string) => longDay(election.cutoffs.find((c) => c.id === id)!.date, l);
	const list = await items(page);
	// Each point as the catalogue words it, with this election's dates, and the article it cites.
	const expected: [string, string][] = [
		[t('checklist_id_copy', { nominationDay: longDay(election.nominationDay, l) }), 'KW M 7(4)'],
		[
			t('checklist_return_den_haag', { electionDay: longDay(election.electionDay, l) }),
			'KW M 8(1)'
		],
		[t('checklist_return_embassy', { day: date('embassyReturn') }), 'KW M 7(7)'],
		[
			t('checklist_papers_missing', {
				written: date('replacementWritten'),
				inPerson: date('replacementInPerson')
			}),
			'KW M 6b(3)'
		],
		[t('checklist_sign_declaration'), 'KW M 7(3)'],
		[t('checklist_public_service_declaration'), 'KW B 1(2)(b)'],
		[t('checklist_envelope'), 'KW M 7(5)'],
		[t('checklist_postage'), 'KW M 7(6)(a)']
	];
	for (const [line, article] of expected) {
		const item = list.find((i) => i.startsWith(line));
		expect(item, line).toBeDefined();
		expect(item, line).toContain(article);
	}
	for (const item of list) expect(item).toContain(t('legal_basis'));
	return { election, list };
}

test('English: the checklist of TK 2030 with its dates and articles, and the way to a replacement', async ({
	page
}) => {
	const t = (key: string, params?: Record<string, string>) => text('en', key, params);
	await page.goto('/en/elections');
	// From the overview: the checklist link of the TK election.
	await page
		.getByRole('link', { name: new RegExp(`^${t('overview_checklist_link')}\\s*:.*2030`) })
		.click();
	await page.waitForURL(/\/en\/elections\/TK-2030\/checklist$/);
	await page
		.getByRole('heading', {
			level: 1,
			name: new RegExp(`^${escape(t('checklist_title', { election: '' }))}`)
		})
		.waitFor();
	await expectChecklist(page, 'en');
	await expectNoAxeViolations(page);

	// A country chosen: the envelope's "post by" day.
	await page.getByLabel(t('overview_country_label')).selectOption('DE');
	await page.getByRole('button', { name: t('overview_preferences_submit'), exact: true }).click();
	await page.waitForURL(/country=DE/);
	// Germany: the return envelope's point now says by when to post it (the post's days before).
	const { election, list } = await expectChecklist(page, 'en');
	const postBy = new RegExp(escape(t('overview_post_by', { date: '§' })).replace('§', '(.+)'));
	const envelope = list.find((i) =>
		i.startsWith(
			t('checklist_return_den_haag', { electionDay: longDay(election.electionDay, 'en') })
		)
	);
	expect(envelope).toMatch(postBy);
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: t('checklist_replacement_link'), exact: true }).click();
	await page.waitForURL(/\/en\/replacement\?election=TK-2030$/);
	await page
		.getByRole('heading', { level: 1, name: t('journey_replacement_title'), exact: true })
		.waitFor();
});

describe('without JavaScript', () => {
	test.override('javaScriptEnabled', false);

	test('Dutch: the same checklist, rendered by the server', async ({ page }) => {
		await page.goto(`${prefix('nl')}/elections/TK-2030/checklist`);
		await expectChecklist(page, 'nl');
		await expectNoAxeViolations(page, { javaScriptEnabled: false });
	});

	test('a bad country is an error; an election without a day, or none, is not found', async ({
		page
	}) => {
		const t = (key: string) => text('en', key);
		await page.goto('/en/elections/TK-2030/checklist?country=XX');
		await page
			.getByRole('alert')
			.getByRole('link', { name: t('overview_error_country') })
			.waitFor();
		expect(await page.title()).toMatch(new RegExp(`^${t('error_title_prefix')} `));
		await expectNoAxeViolations(page, { javaScriptEnabled: false });

		for (const slug of ['EP-2029', 'NOPE-1']) {
			const response = await page.goto(`/en/elections/${slug}/checklist`);
			expect(response?.status(), slug).toBe(404);
			await page.getByText(t('error_404_text')).first().waitFor();
			await expectNoAxeViolations(page, { javaScriptEnabled: false });
		}
	});
});
