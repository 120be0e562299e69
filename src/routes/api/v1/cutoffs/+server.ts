import type { RequestHandler } from './$types';
import * as calendar from '$lib/server/calendar';
import { badRequest, publicJson } from '$lib/server/calendar/http';

export const GET: RequestHandler = ({ url }) => {
	const parsed = calendar.parseCutoffQuery(url.searchParams);
	return parsed.ok ? publicJson(calendar.cutoffsFor(parsed.query)) : badRequest(parsed.error);
};
