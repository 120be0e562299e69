import { error, type RequestHandler } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages.js';
import * as auth from '$lib/server/auth';
import * as associations from '$lib/server/associations';
import * as clock from '$lib/server/clock';
import * as links from '$lib/server/links';

// The A4 poster in the link's language, with its QR code and the next cut-off.
export const GET: RequestHandler = async (event) => {
	const member = auth.requireAssociation(event);
	const link = await links.get(member.associationId, event.params.id!);
	const association = await associations.get(member.associationId);
	if (!link || !association) error(404, { message: m.links_not_found() });
	const pdf = await links.posterPdf({
		association: association.name,
		journey: link.journey,
		locale: link.locale,
		url: link.url,
		electionSlug: link.electionSlug,
		campaign: link.campaign,
		now: clock.now()
	});
	return new Response(Buffer.from(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="poster-${link.code}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
};
