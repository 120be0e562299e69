import { redirect, type RequestHandler } from '@sveltejs/kit';
import * as links from '$lib/server/links';

// The short link on posters and in QR codes: one more visit on the link's total (nothing about
// the visitor is kept), then the landing page in the link's language. 303: never cached as the
// link's permanent target, so a revoked link shows its friendly page at once.
export const GET: RequestHandler = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	redirect(303, await links.visit(params.code!));
};
