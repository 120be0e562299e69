/**
 * axe-core on the page as it is now: WCAG 2.0, 2.1 and 2.2 A and AA. Call it after every
 * navigation; a failure lists each violation with its rule, impact, help page and the elements.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export function formatViolations(violations: Result[]): string {
	return violations
		.map((v) => {
			const nodes = v.nodes
				.map(
					(n) =>
						`    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`
				)
				.join('\n');
			return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
		})
		.join('\n');
}

/**
 * axe runs inside the page and needs its timers, which never fire when JavaScript is off. For
 * such a page it checks a copy instead: the same HTML (scripts removed, so nothing hydrates) at
 * the same URL, with the same stylesheets, in a page of its own with JavaScript on.
 */
async function analyzeCopy(page: Page) {
	const browser = page.context().browser();
	if (!browser) throw new Error('no browser');
	const url = page.url();
	const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
	const context = await browser.newContext({ javaScriptEnabled: true });
	try {
		const copy = await context.newPage();
		await copy.route(url, (route) =>
			route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
		);
		await copy.goto(url);
		return await new AxeBuilder({ page: copy }).withTags(WCAG_TAGS).analyze();
	} finally {
		await context.close();
	}
}

export async function expectNoAxeViolations(
	page: Page,
	options: { javaScriptEnabled?: boolean } = {}
): Promise<void> {
	const results =
		options.javaScriptEnabled === false
			? await analyzeCopy(page)
			: await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const where = `${await page.title()} (${page.url()})`;
	// Compared as text, so that a failure reads as a list of violations rather than a JSON diff.
	expect(
		formatViolations(results.violations),
		`axe: ${results.violations.length} violation(s) on ${where}`
	).toBe('');
}
