/**
 * The office's mail pages (issue 3 items 6 and 7) and the intake's camera. A status request about
 * the demo voter without an e-mail address (src/lib/server/db/demo.ts) is answered at once, by
 * letter: a clerk finds that letter in the print queue, opens its PDF and marks it printed; the
 * outbox lists it and opens it. The camera button is an enhancement: it shows only when scripts
 * run, and only the intake page's Permissions-Policy lets this origin use the camera. axe on
 * every new page.
 */
import { extractText } from 'unpdf';
import { expect, test } from '../support/browser';
import { expectNoAxeViolations } from '../support/axe';
import { enrolStaff, text } from '../support/passkeys';

const t = (key: string, params?: Record<string, string>) => text('en', key, params);

// The demo voter without e-mail: notices go by post to the correspondence address.
const ADDRESSEE = 'Pieter Willem van der Berg';

/** An anonymous status request about that voter, as a browser without JavaScript posts it. */
async function askAboutVanDerBerg(baseURL: string): Promise<void> {
	const response = await fetch(`${baseURL}/en/status`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: baseURL,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({
			first_names: 'Pieter Willem',
			surname: 'van der Berg',
			dob_day: '2',
			dob_month: '11',
			dob_year: '1979',
			country: 'US',
			answer_by: 'email',
			email: 'someone.else@example.net'
		})
	});
	expect(response.status).toBe(303);
}

test('a clerk prints the letter a status request produced, and reads it in the outbox', async ({
	browser,
	baseURL
}) => {
	await askAboutVanDerBerg(baseURL);
	const clerk = await enrolStaff(browser, ['clerk']);
	try {
		const { page } = clerk;
		await page.goto('/en/office');
		await page.getByRole('link', { name: t('office_section_outbox'), exact: true }).waitFor();
		await page.getByRole('link', { name: t('office_section_letters'), exact: true }).click();
		await page.waitForURL('**/en/office/letters');
		await page.getByRole('heading', { level: 1, name: t('office_letters_title') }).waitFor();
		await expectNoAxeViolations(page);

		// The queue: the table with an action column (printed letters are listed below it).
		const queue = page
			.getByRole('table')
			.filter({ has: page.getByRole('columnheader', { name: t('office_letters_col_action') }) });
		const open = queue.getByRole('link', {
			name: t('office_letters_open', { name: ADDRESSEE }),
			exact: true
		});
		const queued = await open.count();
		expect(queued).toBeGreaterThan(0);

		// The PDF: served inline, never cached, and a real PDF with the address on it.
		const href = await open.first().getAttribute('href');
		const response = await page.request.get(href!);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/pdf');
		expect(response.headers()['content-disposition']).toMatch(/^inline;/);
		expect(response.headers()['cache-control']).toBe('private, no-store');
		const { text: pdfText } = await extractText(new Uint8Array(await response.body()), {
			mergePages: true
		});
		expect(pdfText).toContain(ADDRESSEE);
		expect(pdfText).toContain('PO Box 100');

		// Marked printed: one fewer in the queue, and listed under "Printed recently".
		await page
			.getByRole('button', { name: t('office_letters_mark', { name: ADDRESSEE }), exact: true })
			.first()
			.click();
		await page.waitForURL('**/en/office/letters?done=printed');
		await page.getByRole('status').getByText(t('office_letters_done')).waitFor();
		// (When it was the only one, the queue's table is gone and the count is 0.)
		expect(await open.count()).toBe(queued - 1);
		const printed = page
			.getByRole('table')
			.filter({ has: page.getByRole('columnheader', { name: t('office_letters_col_printed') }) });
		await printed
			.getByRole('link', { name: t('office_letters_open', { name: ADDRESSEE }) })
			.waitFor();
		await expectNoAxeViolations(page);

		// Marking the same letter again (a second tab, a double post) is refused, not a 500.
		const again = await page.request.post('/en/office/letters?/printed', {
			headers: { origin: baseURL, accept: 'text/html' },
			form: { letter: href!.split('/').pop()! }
		});
		expect(again.status()).toBe(409);

		// The outbox: newest first, the letter among them; one message opens as plain text.
		await page.goto('/en/office/outbox');
		await page.getByRole('heading', { level: 1, name: t('office_outbox_title') }).waitFor();
		await expectNoAxeViolations(page);
		const row = page
			.getByRole('row')
			.filter({ hasText: ADDRESSEE })
			.filter({ hasText: t('office_outbox_channel_letter') })
			.first();
		await row.waitFor();
		await row.getByRole('link').click();
		await page.waitForURL(/\/en\/office\/outbox\/[0-9a-f-]{36}$/);
		await page.getByRole('heading', { level: 2, name: t('office_outbox_text_heading') }).waitFor();
		// The address the envelope shows, and the letter's own words as plain text.
		await page.locator('address').getByText('PO Box 100').waitFor();
		await page.locator('pre').getByText(`Dear ${ADDRESSEE},`).waitFor();
		await expectNoAxeViolations(page);

		// A message that does not exist is a 404, not a 500.
		const missing = await page.request.get(
			'/en/office/outbox/00000000-0000-4000-8000-000000000000'
		);
		expect(missing.status()).toBe(404);
	} finally {
		await clerk.context.close();
	}
});

test('a decider reads the outbox but has no print queue', async ({ browser }) => {
	const decider = await enrolStaff(browser, ['decider']);
	try {
		const { page } = decider;
		await page.goto('/en/office');
		await page.getByRole('link', { name: t('office_section_outbox'), exact: true }).waitFor();
		expect(await page.getByRole('link', { name: t('office_section_letters') }).count()).toBe(0);
		const queue = await page.request.get('/en/office/letters');
		expect(queue.status()).toBe(403);
		const outbox = await page.request.get('/en/office/outbox');
		expect(outbox.status()).toBe(200);
	} finally {
		await decider.context.close();
	}
});

test('the intake page offers the camera only with JavaScript, and only it may use the camera', async ({
	browser,
	baseURL
}) => {
	const clerk = await enrolStaff(browser, ['clerk']);
	try {
		const { page } = clerk;
		await page.goto('/en/office');
		// The link loads the page in full, so the page's own Permissions-Policy applies.
		const [response] = await Promise.all([
			page.waitForResponse((r) => new URL(r.url()).pathname === '/en/office/intake'),
			page.getByRole('link', { name: t('office_section_intake'), exact: true }).click()
		]);
		expect(response.headers()['permissions-policy']).toMatch(/(^|, )camera=\(self\)(,|$)/);
		const camera = page.getByRole('button', { name: t('office_intake_camera_start') });
		await camera.waitFor();
		expect(
			await page.evaluate(() => {
				// Chromium's view of the document's policy (not in TypeScript's DOM types).
				const policy = (
					document as Document & {
						featurePolicy?: { allowsFeature(feature: string): boolean };
					}
				).featurePolicy;
				return policy?.allowsFeature('camera');
			})
		).toBe(true);
		await expectNoAxeViolations(page);

		// Every other page keeps the camera blocked, the rest of the office included.
		for (const path of ['/en/office', '/en/office/outbox', '/en/status']) {
			const other = await page.request.get(path);
			expect(other.headers()['permissions-policy'], path).toMatch(/(^|, )camera=\(\)(,|$)/);
		}

		// Without JavaScript the same page has no camera button; typing and uploading remain.
		const plain = await browser.newContext({
			baseURL,
			javaScriptEnabled: false,
			storageState: await clerk.context.storageState()
		});
		try {
			const noScript = await plain.newPage();
			await noScript.goto('/en/office/intake');
			await noScript.getByRole('button', { name: t('office_find_submit') }).waitFor();
			expect(
				await noScript.getByRole('button', { name: t('office_intake_camera_start') }).count()
			).toBe(0);
		} finally {
			await plain.close();
		}
	} finally {
		await clerk.context.close();
	}
});
