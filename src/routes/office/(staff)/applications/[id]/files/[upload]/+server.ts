import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as m from '$lib/paraglide/messages.js';
import * as auth from '$lib/server/auth';
import * as casework from '$lib/server/casework';

// A scan of the signed form or the ID copy, for staff only; every view is audited (issue 3).
export const GET: RequestHandler = async (event) => {
	const staff = auth.requireStaff(event, 'clerk', 'decider');
	const file = await casework.readUpload(event.params.id, event.params.upload, staff.accountId);
	if (!file) error(404, { message: m.office_application_not_found() });
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'Content-Type': file.mediaType,
			'Content-Disposition': `inline; filename="${file.kind}.${extension(file.mediaType)}"`,
			// Personal data: never kept by the browser or a proxy.
			'Cache-Control': 'no-store',
			'X-Content-Type-Options': 'nosniff'
		}
	});
};

const extension = (type: string) =>
	type === 'application/pdf' ? 'pdf' : type === 'image/png' ? 'png' : 'jpg';
