import type { RequestHandler } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { registerStart } from '$lib/paths';
import * as handoff from '$lib/server/handoff';
import { notFound } from '$lib/server/registration/navigation';

// The QR code of this registration's resume link: go on with it on a phone.
export const GET: RequestHandler = async ({ params }) => {
	const draft = { journey: 'registration', base: registerStart, token: params.token };
	const svg = await handoff.resumeQr(draft, getLocale());
	if (!svg) notFound();
	return handoff.svgResponse(svg);
};
