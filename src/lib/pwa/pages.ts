/**
 * Which pages the service worker keeps a copy of, to open offline. Shared by the worker and its
 * tests. A journey's own pages (behind the draft's secret token) and the public start pages are
 * kept; anything personal beyond the draft itself (the account, the office, an association's
 * pages, the status request) never is.
 */
import { GENERIC_JOURNEYS, journeyPath } from '$lib/journeys/catalogue';

const JOURNEY_BASES = ['/register', ...GENERIC_JOURNEYS.map(journeyPath)].map((p) => p.slice(1));
const LOCALE = '(?:/(?:en|de|fr|es|pap))?';
const DRAFT_PAGE = new RegExp(
	`^${LOCALE}/(?:${JOURNEY_BASES.join('|')})/([A-Za-z0-9_-]{43})(?:/[a-z_]+)?$`
);
const START_PAGE = new RegExp(
	`^${LOCALE}(?:/|/(?:${JOURNEY_BASES.join('|')}|elections|offline))?$`
);

/** The draft token in a journey page's path, or null. */
export function journeyTokenOf(pathname: string): string | null {
	return DRAFT_PAGE.exec(pathname)?.[1] ?? null;
}

export function isKeptPage(pathname: string): boolean {
	// The PDF and other files of a draft are not pages.
	if (pathname.endsWith('.pdf')) return false;
	return DRAFT_PAGE.test(pathname) || START_PAGE.test(pathname);
}

/** The start pages the page asks the worker to keep, in its language. */
export function startPages(localize: (path: string) => string): string[] {
	return ['/', ...JOURNEY_BASES.map((b) => `/${b}`), '/elections', '/offline'].map(localize);
}
