import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as m from '$lib/paraglide/messages.js';
import * as auth from '$lib/server/auth';
import * as mail from '$lib/server/mail';

// The letter to print, as a PDF in the voter's language; every opening is audited.
export const GET: RequestHandler = async (event) => {
	const staff = auth.requireStaff(event, 'clerk', 'admin');
	const pdf = await mail.openLetter(event.params.id, staff.accountId);
	if (!pdf) error(404, { message: m.office_letters_not_found() });
	return new Response(new Uint8Array(pdf), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `inline; filename="letter-${event.params.id}.pdf"`,
			// Name and address: never kept by the browser or a proxy.
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff'
		}
	});
};
