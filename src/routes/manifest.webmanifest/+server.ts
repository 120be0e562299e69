import type { RequestHandler } from './$types';
import * as pwa from '$lib/server/pwa';

// The web app manifest in the page's language (/manifest.webmanifest, /en/manifest.webmanifest…).
export const GET: RequestHandler = () =>
	new Response(JSON.stringify(pwa.manifest()), {
		headers: {
			'content-type': 'application/manifest+json; charset=utf-8',
			'cache-control': 'public, max-age=3600'
		}
	});
