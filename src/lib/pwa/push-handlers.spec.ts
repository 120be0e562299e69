import { describe, expect, it, vi } from 'vitest';
import {
	readPayload,
	registerPushHandlers,
	targetUrl,
	type NotificationEventLike,
	type PushEventLike,
	type PushWorkerScope
} from './push-handlers';

const ORIGIN = 'https://kiezer.example';

/** A service worker scope that records listeners, notifications and windows. */
function fakeScope(windows: { url: string; focus: () => Promise<unknown> }[] = []) {
	const listeners: Record<string, (event: never) => void> = {};
	const shown: { title: string; options?: NotificationOptions }[] = [];
	const opened: string[] = [];
	const scope: PushWorkerScope = {
		addEventListener: ((type: string, listener: (event: never) => void) => {
			listeners[type] = listener;
		}) as PushWorkerScope['addEventListener'],
		registration: {
			showNotification: async (title, options) => {
				shown.push({ title, options });
			}
		},
		clients: {
			matchAll: async () => windows,
			openWindow: async (url) => {
				opened.push(url);
			}
		},
		location: { origin: ORIGIN }
	};
	registerPushHandlers(scope);
	return { listeners, shown, opened };
}

function pushEvent(body: string | null) {
	const waits: Promise<unknown>[] = [];
	const event: PushEventLike = {
		data: body === null ? null : { json: () => JSON.parse(body), text: () => body },
		waitUntil: (p) => void waits.push(p)
	};
	return { event, done: () => Promise.all(waits) };
}

function clickEvent(data: unknown) {
	const waits: Promise<unknown>[] = [];
	const close = vi.fn();
	const event: NotificationEventLike = {
		notification: { data, close },
		waitUntil: (p) => void waits.push(p)
	};
	return { event, close, done: () => Promise.all(waits) };
}

describe('push handlers', () => {
	it('shows a reminder as a notification, tagged by its cut-off', async () => {
		const { listeners, shown } = fakeScope();
		const payload = {
			title: 'Herinnering: wijziging van uw registratie',
			body: 'Uiterlijk woensdag 13 maart 2030.',
			url: `${ORIGIN}/change`,
			tag: 'TK-2030-change',
			lang: 'nl'
		};
		const { event, done } = pushEvent(JSON.stringify(payload));
		listeners.push!(event as never);
		await done();
		expect(shown).toEqual([
			{
				title: payload.title,
				options: expect.objectContaining({
					body: payload.body,
					tag: payload.tag,
					lang: 'nl',
					data: { url: `${ORIGIN}/change` }
				})
			}
		]);
	});

	it('still notifies when the payload is missing or not JSON', async () => {
		const { listeners, shown } = fakeScope();
		for (const body of [null, 'not json']) {
			const { event, done } = pushEvent(body);
			listeners.push!(event as never);
			await done();
		}
		expect(shown).toHaveLength(2);
		expect(shown[0]!.title).toBeTruthy();
		expect(readPayload(null).url).toBe('/');
	});

	it('opens the reminder page on a click, or focuses it when it is already open', async () => {
		const focus = vi.fn(async () => undefined);
		const { listeners, opened } = fakeScope([{ url: `${ORIGIN}/elections`, focus }]);
		const first = clickEvent({ url: `${ORIGIN}/change` });
		listeners.notificationclick!(first.event as never);
		await first.done();
		expect(first.close).toHaveBeenCalled();
		expect(opened).toEqual([`${ORIGIN}/change`]);

		const second = clickEvent({ url: `${ORIGIN}/elections` });
		listeners.notificationclick!(second.event as never);
		await second.done();
		expect(focus).toHaveBeenCalled();
		expect(opened).toHaveLength(1);
	});

	it('never opens another site', async () => {
		expect(targetUrl('https://evil.example/phish', ORIGIN)).toBe(`${ORIGIN}/`);
		expect(targetUrl('javascript:alert(1)', ORIGIN)).toBe(`${ORIGIN}/`);
		expect(targetUrl(42, ORIGIN)).toBe(`${ORIGIN}/`);
		expect(targetUrl('/en/elections', ORIGIN)).toBe(`${ORIGIN}/en/elections`);
		const { listeners, opened } = fakeScope();
		const click = clickEvent({ url: 'https://evil.example/' });
		listeners.notificationclick!(click.event as never);
		await click.done();
		expect(opened).toEqual([`${ORIGIN}/`]);
	});
});
