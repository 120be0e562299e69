import type { RequestHandler } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import * as widget from '$lib/server/widget';

// The embeddable deadline widget (README, "Deadline widget"): a whole small HTML document from an
// endpoint, not a page, so that none of the portal's layout, scripts or styles come with it.
// `?lang=` chooses the language; without it, the URL's (Dutch at /widget/deadlines).
export const GET: RequestHandler = async ({ url }) =>
	widget.respond(widget.parseQuery(url.searchParams, getLocale()));
