import type { RequestHandler } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import * as calendar from '$lib/server/calendar';
import { PUBLIC_HEADERS } from '$lib/server/calendar/http';

// ?election=KNI-2027 and/or ?type=TK narrow the feed; /en/api/v1/elections.ics is in English.
export const GET: RequestHandler = async ({ url }) =>
	new Response(
		await calendar.feed(getLocale(), {
			election: url.searchParams.get('election') ?? undefined,
			type: url.searchParams.get('type') ?? undefined
		}),
		{
			headers: {
				...PUBLIC_HEADERS,
				'Content-Type': 'text/calendar; charset=utf-8',
				'Content-Disposition': 'inline; filename="verkiezingen.ics"'
			}
		}
	);
