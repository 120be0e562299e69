import type { RequestHandler } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import * as journeys from '$lib/server/journeys';
import { notFound } from '$lib/server/journeys/navigation';
import { journeyOf } from '$lib/server/journeys/route';

export const GET: RequestHandler = async ({ params }) => {
	const { def } = journeyOf(params.journey);
	const result = await journeys.renderPdf(def, params.token, getLocale());
	if (!result) notFound();
	return new Response(result.pdf as BodyInit, {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="${result.fileName}"`,
			// Personal data: never kept by a shared cache.
			'Cache-Control': 'private, no-store'
		}
	});
};
