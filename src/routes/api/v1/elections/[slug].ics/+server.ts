import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { CUTOFF_KINDS } from '$lib/domain';
import { getLocale } from '$lib/paraglide/runtime';
import * as calendar from '$lib/server/calendar';
import { PUBLIC_HEADERS, badRequest } from '$lib/server/calendar/http';
import * as elections from '$lib/server/elections';

// One election's cut-offs as a calendar a phone can subscribe to, without an account;
// ?kind=change narrows it to one cut-off (the "add to calendar" link beside it).
export const GET: RequestHandler = async ({ params, url }) => {
	const kind = url.searchParams.get('kind') ?? undefined;
	if (kind !== undefined && !(CUTOFF_KINDS as readonly string[]).includes(kind)) {
		return badRequest('api_error_kind');
	}
	if (!(await elections.get(params.slug))) error(404);
	return new Response(await calendar.feed(getLocale(), { election: params.slug, kind }), {
		headers: {
			...PUBLIC_HEADERS,
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': `inline; filename="${encodeURIComponent(params.slug)}.ics"`
		}
	});
};
