import { describe, expect, it } from 'vitest';
import { isKeptPage, journeyTokenOf, startPages } from './pages';

const TOKEN = 'A'.repeat(40) + '_-9';

describe('the pages kept for offline use', () => {
	it('keeps every page of a journey behind its token, in every language', () => {
		for (const path of [
			`/register/${TOKEN}/nationality`,
			`/en/register/${TOKEN}/check`,
			`/de/change/${TOKEN}/residence`,
			`/pap/vote-choice/${TOKEN}`,
			`/fr/temporarily-abroad/${TOKEN}/done`,
			`/es/replacement/${TOKEN}/result`
		]) {
			expect(isKeptPage(path), path).toBe(true);
			expect(journeyTokenOf(path)).toBe(TOKEN);
		}
	});

	it('keeps the start pages and the offline page', () => {
		for (const path of ['/', '/en', '/register', '/de/elections', '/offline', '/pap/offline']) {
			expect(isKeptPage(path), path).toBe(true);
		}
	});

	it('never keeps personal pages, files or other paths', () => {
		for (const path of [
			'/account',
			'/en/account/status',
			'/office',
			'/associations/links',
			'/status',
			`/register/${TOKEN}/form.pdf`,
			`/register/${TOKEN.slice(1)}/nationality`,
			'/elections/TK-2030',
			'/api/v1/elections',
			'/xx/register'
		]) {
			expect(isKeptPage(path), path).toBe(false);
		}
		expect(journeyTokenOf('/account')).toBeNull();
	});

	it('names the start pages in the page’s language', () => {
		const pages = startPages((p) => `/de${p === '/' ? '' : p}`);
		expect(pages).toContain('/de/register');
		expect(pages).toContain('/de/offline');
		expect(pages.every(isKeptPage)).toBe(true);
	});
});
