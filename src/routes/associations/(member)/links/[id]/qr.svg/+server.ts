import { error, type RequestHandler } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages.js';
import * as auth from '$lib/server/auth';
import * as links from '$lib/server/links';

// The link's QR code as SVG, to place in a newsletter or on a website.
export const GET: RequestHandler = async (event) => {
	const member = auth.requireAssociation(event);
	const link = await links.get(member.associationId, event.params.id!);
	if (!link) error(404, { message: m.links_not_found() });
	return new Response(await links.qrSvg(link.url), {
		headers: {
			'content-type': 'image/svg+xml; charset=utf-8',
			'content-disposition': `attachment; filename="qr-${link.code}.svg"`,
			'cache-control': 'private, no-store'
		}
	});
};
