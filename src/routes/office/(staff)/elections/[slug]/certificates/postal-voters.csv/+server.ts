import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as m from '$lib/paraglide/messages.js';
import * as auth from '$lib/server/auth';
import * as certificates from '$lib/server/certificates';

// The postal voters of the election (M 1, M 5): names and addresses, streamed as CSV.
// Every download is audited (who, which list); the browser and proxies keep nothing.
export const GET: RequestHandler = async (event) => {
	const staff = auth.requireStaff(event, 'clerk', 'decider', 'admin');
	const list = await certificates.download(event.params.slug, 'postal-voters', staff.accountId);
	if (!list) error(404, { message: m.office_certificates_not_found() });
	return new Response(list.body, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${list.filename}"`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff'
		}
	});
};
