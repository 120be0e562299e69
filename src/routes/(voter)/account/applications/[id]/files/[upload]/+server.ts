import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as m from '$lib/paraglide/messages.js';
import * as auth from '$lib/server/auth';
import * as casework from '$lib/server/casework';

// The voter's own scan, until it is deleted after the decision; anyone else's is not found.
export const GET: RequestHandler = async (event) => {
	const voter = auth.requireVoter(event);
	const file = await casework.uploadFor(voter.accountId, event.params.id, event.params.upload);
	if (!file) error(404, { message: m.account_application_not_found() });
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'Content-Type': file.mediaType,
			'Content-Disposition': `inline; filename="${file.kind}.${extension(file.mediaType)}"`,
			'Cache-Control': 'no-store',
			'X-Content-Type-Options': 'nosniff'
		}
	});
};

const extension = (type: string) =>
	type === 'application/pdf' ? 'pdf' : type === 'image/png' ? 'png' : 'jpg';
