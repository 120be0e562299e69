/**
 * Answers given offline (issue 6): kept on the device in IndexedDB until the connection is back,
 * then sent, each with the key the server applies once (drafts.saveAnswers). Nothing is kept
 * longer than needed: an entry goes as soon as the server has answered it.
 *
 * Only the page's own script uses this; without JavaScript the form posts as always (and offline
 * the browser says it is offline, as for any site).
 */
import { openDB, type IDBPDatabase } from 'idb';
import { applyAction, deserialize, enhance } from '$app/forms';
import { saving } from './state.svelte';

export type Queued = {
	/** The submission's key (a UUID): the server applies each key once. */
	key: string;
	/** Where the form posts: the step's page. */
	action: string;
	/** The page the answer was given on (its path), to show it there again after a reload. */
	page: string;
	fields: [string, string][];
	savedAt: number;
};

const STORE = 'submissions';
let database: Promise<IDBPDatabase> | null = null;
const open = () =>
	(database ??= openDB('portal-offline', 1, {
		upgrade(db) {
			db.createObjectStore(STORE, { keyPath: 'key' });
		}
	}));

export async function keep(entry: Queued): Promise<void> {
	await (await open()).put(STORE, entry);
}

export async function queued(): Promise<Queued[]> {
	const all = (await (await open()).getAll(STORE)) as Queued[];
	return all.sort((a, b) => a.savedAt - b.savedAt);
}

async function forget(key: string): Promise<void> {
	await (await open()).delete(STORE, key);
}

const isOffline = (result: { type: string; status?: number; error?: unknown }) =>
	result.type === 'error' && result.error instanceof TypeError && !result.status;

/**
 * The step form's enhancement: a key on every submission, and offline (or when the send fails on
 * the way) the answer kept on the device instead of lost.
 */
export function offlineEnhance(form: HTMLFormElement) {
	return enhance(form, ({ formData, action, cancel }) => {
		formData.set('submission', crypto.randomUUID());
		const entry = (): Queued => ({
			key: String(formData.get('submission')),
			action: action.pathname + action.search,
			page: location.pathname,
			fields: [...formData].filter((e): e is [string, string] => typeof e[1] === 'string'),
			savedAt: Date.now()
		});
		if (!navigator.onLine) {
			cancel();
			void keepAndShow(entry());
			return;
		}
		return async ({ result, update }) => {
			if (isOffline(result)) await keepAndShow(entry());
			else await update();
		};
	});
}

async function keepAndShow(entry: Queued): Promise<void> {
	await keep(entry);
	saving.onDevice = (await queued()).length;
	saving.sent = false;
}

/** Puts a kept answer back into the form it was given in (after a reload offline). */
export function restore(form: HTMLFormElement, fields: [string, string][]): void {
	for (const [name, value] of fields) {
		for (const element of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
			`[name="${CSS.escape(name)}"]`
		)) {
			if (
				element instanceof HTMLInputElement &&
				(element.type === 'radio' || element.type === 'checkbox')
			) {
				if (element.value === value) element.checked = true;
			} else if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement) {
				element.value = value;
			}
		}
	}
}

let sending: Promise<void> | null = null;

/**
 * Sends every kept answer, oldest first. What the server says about the answer given on this page
 * is applied here (the next step, or the errors at the fields); the others only leave the queue.
 * An answer that cannot be sent yet stays for the next try.
 */
export function sendKept(): Promise<void> {
	return (sending ??= (async () => {
		try {
			for (const entry of await queued()) {
				const body = new FormData();
				for (const [name, value] of entry.fields) body.append(name, value);
				let text: string;
				try {
					const response = await fetch(entry.action, {
						method: 'POST',
						body,
						headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
					});
					if (response.status >= 500) break;
					text = await response.text();
				} catch {
					break;
				}
				await forget(entry.key);
				saving.onDevice = (await queued()).length;
				if (entry.page === location.pathname) {
					if (saving.onDevice === 0) saving.sent = true;
					await applyAction(deserialize(text));
				}
			}
			saving.onDevice = (await queued()).length;
			if (saving.onDevice === 0 && !saving.sent) saving.sent = true;
		} finally {
			sending = null;
		}
	})());
}
