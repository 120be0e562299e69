/**
 * The service worker's part of the reminders (issue 6 item 2): show a pushed reminder as a
 * notification, and open its page when the notification is clicked. The service worker
 * (src/service-worker.ts) calls `registerPushHandlers(self)` once.
 *
 * The payload is the server's (src/lib/server/reminders/compose.ts `reminderPush`): JSON with
 * title, body, url, tag and lang, encrypted for this browser (RFC 8291), so only this browser can
 * read it. A notification opens a page of this origin only, whatever a payload says.
 */

/** What the handlers use of the service worker's global scope (a ServiceWorkerGlobalScope). */
export type PushWorkerScope = {
	addEventListener(type: 'push', listener: (event: PushEventLike) => void): void;
	addEventListener(
		type: 'notificationclick',
		listener: (event: NotificationEventLike) => void
	): void;
	registration: {
		showNotification(title: string, options?: NotificationOptions): Promise<void>;
	};
	clients: {
		matchAll(options?: {
			type?: 'window' | 'worker' | 'sharedworker' | 'all';
			includeUncontrolled?: boolean;
		}): Promise<readonly { url: string; focus?: () => Promise<unknown> }[]>;
		openWindow(url: string): Promise<unknown>;
	};
	location: { origin: string };
};

type ExtendableEventLike = { waitUntil(promise: Promise<unknown>): void };
export type PushEventLike = ExtendableEventLike & {
	data: { json(): unknown; text(): string } | null;
};
export type NotificationEventLike = ExtendableEventLike & {
	notification: { data: unknown; close(): void };
};

export type ReminderNotification = {
	title: string;
	body: string;
	url: string;
	tag?: string;
	lang?: string;
};

const ICON = '/icons/icon-192.png';

/** The payload as the server sends it; anything else still shows something (push must notify). */
export function readPayload(data: PushEventLike['data']): ReminderNotification {
	let parsed: unknown;
	try {
		parsed = data?.json() ?? null;
	} catch {
		parsed = null;
	}
	const p = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
	const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
	return {
		title: str(p.title) ?? 'Stemmen vanuit het buitenland',
		body: str(p.body) ?? '',
		url: str(p.url) ?? '/',
		tag: str(p.tag),
		lang: str(p.lang)
	};
}

/** A page of this origin to open: the payload's, or the start page if it names another site. */
export function targetUrl(url: unknown, origin: string): string {
	try {
		const target = new URL(typeof url === 'string' ? url : '/', origin);
		return target.origin === origin ? target.href : new URL('/', origin).href;
	} catch {
		return new URL('/', origin).href;
	}
}

export function registerPushHandlers(self: PushWorkerScope): void {
	self.addEventListener('push', (event) => {
		const reminder = readPayload(event.data);
		event.waitUntil(
			self.registration.showNotification(reminder.title, {
				body: reminder.body,
				// A later reminder of the same cut-off replaces the earlier one.
				tag: reminder.tag,
				lang: reminder.lang,
				icon: ICON,
				data: { url: targetUrl(reminder.url, self.location.origin) }
			})
		);
	});

	self.addEventListener('notificationclick', (event) => {
		event.notification.close();
		const data = event.notification.data as { url?: unknown } | null;
		const url = targetUrl(data?.url, self.location.origin);
		event.waitUntil(
			(async () => {
				// The page already open in a tab: bring it forward instead of opening another.
				const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
				const same = open.find((client) => client.url === url);
				if (same?.focus) return same.focus();
				return self.clients.openWindow(url);
			})()
		);
	});
}
