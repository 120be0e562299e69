/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The service worker (issue 6): the app shell (every script, style and icon of this version) is
 * precached, so the portal opens on a bad connection and a started journey continues offline.
 *
 * - Scripts, styles, icons: cache first (their names change with every build).
 * - Pages: network first, always; a copy of a journey's pages (behind the draft's secret token)
 *   and of the start pages is kept so that they open offline. Personal pages (account, office,
 *   associations, status) are never kept. When a journey's form is made (its `done` page), the
 *   copies of that journey's other pages are dropped.
 * - A new version waits until the voter chooses to reload (the page shows a prompt), so a form
 *   half filled in is never swapped under them.
 *
 * Answers given offline are not kept here but by the page, in IndexedDB (src/lib/pwa/offline.ts).
 */
import { build, files, version } from '$service-worker';
import { isKeptPage, journeyTokenOf } from '$lib/pwa/pages';
import { registerPushHandlers } from '$lib/pwa/push-handlers';

const sw = self as unknown as ServiceWorkerGlobalScope;

// Reminders by web push (issue 6 item 2): the notification, and a tap that opens the portal.
registerPushHandlers(sw);

const ASSETS = `assets-${version}`;
const PAGES = `pages-${version}`;
const SHELL = [...build, ...files];
const SHELL_PATHS = new Set(SHELL);

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(ASSETS).then((cache) => cache.addAll(SHELL)));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key !== ASSETS && key !== PAGES) await caches.delete(key);
			}
			await sw.clients.claim();
		})()
	);
});

async function cacheFirst(request: Request): Promise<Response> {
	const cached = await caches.match(request, { cacheName: ASSETS });
	if (cached) return cached;
	const response = await fetch(request);
	if (response.ok) await (await caches.open(ASSETS)).put(request, response.clone());
	return response;
}

// The page as fetched; offline, the copy kept of it, or the offline page in its language.
async function networkFirst(request: Request, url: URL): Promise<Response> {
	try {
		const response = await fetch(request);
		if (response.ok && response.type === 'basic' && isKeptPage(url.pathname)) {
			const cache = await caches.open(PAGES);
			await cache.put(url.pathname, response.clone());
			await forgetFinishedJourney(cache, url.pathname);
		}
		return response;
	} catch (error) {
		const copy = await (await caches.open(PAGES)).match(url.pathname);
		return copy ?? offlinePage(url, error);
	}
}

// Downloads (a form's PDF, a CSV, a calendar file) are left to the browser.
const FILE = /\.[a-z0-9]{2,12}$/i;

async function offlinePage(url: URL, error: unknown = new Error('offline')): Promise<Response> {
	const cache = await caches.open(PAGES);
	const page =
		(await cache.match(`${localePrefix(url.pathname)}/offline`)) ?? (await cache.match('/offline'));
	if (page) return page;
	throw error;
}

const localePrefix = (pathname: string) =>
	/^\/(en|de|fr|es|pap)(\/|$)/.exec(pathname)?.[0].replace(/\/$/, '') ?? '';

// The form is made: the journey's pages are no longer needed on the device.
async function forgetFinishedJourney(cache: Cache, pathname: string): Promise<void> {
	if (!pathname.endsWith('/done')) return;
	const token = journeyTokenOf(pathname);
	if (!token) return;
	for (const request of await cache.keys()) {
		const path = new URL(request.url).pathname;
		if (journeyTokenOf(path) === token && path !== pathname) await cache.delete(request);
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (SHELL_PATHS.has(url.pathname)) event.respondWith(cacheFirst(request));
	else if (request.mode !== 'navigate' || FILE.test(url.pathname)) return;
	else if (isKeptPage(url.pathname)) event.respondWith(networkFirst(request, url));
	// Any other page goes to the network as if there were no worker; offline, the offline page.
	else event.respondWith(fetch(request).catch(() => offlinePage(url)));
});

type Message = { type: 'skip-waiting' } | { type: 'keep-pages'; paths: string[]; fresh?: boolean };

sw.addEventListener('message', (event) => {
	const message = event.data as Message;
	if (message?.type === 'skip-waiting') void sw.skipWaiting();
	// The page names the start pages in its language, to open offline later (the worker cannot
	// know the voter's language at install).
	if (message?.type === 'keep-pages') {
		event.waitUntil(
			(async () => {
				const cache = await caches.open(PAGES);
				for (const path of message.paths.filter(isKeptPage).slice(0, 20)) {
					// A start page is kept once; a journey's page again, as its answers change.
					if (!message.fresh && (await cache.match(path))) continue;
					try {
						const response = await fetch(path, { credentials: 'same-origin' });
						if (response.ok && !response.redirected) await cache.put(path, response);
					} catch {
						// Offline now: kept on a later visit.
					}
				}
			})()
		);
	}
});
