import { json } from '@sveltejs/kit';
import { message } from '$lib/i18n';

/** Public, cacheable and readable from any origin (the association widget, other sites). */
export const PUBLIC_HEADERS = {
	'Cache-Control': 'public, max-age=300, stale-while-revalidate=3600',
	'Access-Control-Allow-Origin': '*'
};

export const publicJson = (body: unknown) => json(body, { headers: PUBLIC_HEADERS });

/** A bad query: 400 with a message saying what to send instead. */
export const badRequest = (key: string) =>
	json({ error: message(key) }, { status: 400, headers: PUBLIC_HEADERS });
