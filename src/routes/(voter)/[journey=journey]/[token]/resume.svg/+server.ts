import type { RequestHandler } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import * as handoff from '$lib/server/handoff';
import { notFound } from '$lib/server/journeys/navigation';
import { journeyOf } from '$lib/server/journeys/route';

// The QR code of this journey's resume link: go on with it on a phone.
export const GET: RequestHandler = async ({ params }) => {
	const { def, base } = journeyOf(params.journey);
	const svg = await handoff.resumeQr({ journey: def.id, base, token: params.token }, getLocale());
	if (!svg) notFound();
	return handoff.svgResponse(svg);
};
