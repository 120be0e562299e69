import type { RequestHandler } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import * as registration from '$lib/server/registration';
import { notFound } from '$lib/server/registration/navigation';

export const GET: RequestHandler = async ({ params }) => {
	const result = await registration.renderPdf(params.token, getLocale());
	if (!result) notFound();
	return new Response(result.pdf as BodyInit, {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="registratie-${result.reference}.pdf"`,
			// Personal data: never kept by a shared cache.
			'Cache-Control': 'private, no-store'
		}
	});
};
