import { error, type RequestHandler } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages.js';
import * as auth from '$lib/server/auth';
import * as links from '$lib/server/links';

// The link's QR code as PNG, for print and for tools that take no SVG.
export const GET: RequestHandler = async (event) => {
	const member = auth.requireAssociation(event);
	const link = await links.get(member.associationId, event.params.id!);
	if (!link) error(404, { message: m.links_not_found() });
	return new Response(Buffer.from(await links.qrPng(link.url)), {
		headers: {
			'content-type': 'image/png',
			'content-disposition': `attachment; filename="qr-${link.code}.png"`,
			'cache-control': 'private, no-store'
		}
	});
};
