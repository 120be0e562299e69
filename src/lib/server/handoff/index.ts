/**
 * From one device to another (issue 6 item 3): the QR code of a journey's resume link, to go on
 * on a phone, and an e-mail with the link to a finished form's page, to print it elsewhere.
 *
 * The e-mail carries the link, not the PDF: the form holds the voter's name, address, date of
 * birth and, when given, their citizen service number, and e-mail is no channel for those
 * (AVG/GDPR art. 32). Whoever opens the link downloads the same PDF, as from the done page. The
 * address typed is used for this one message and kept nowhere else (only in the outbox row until
 * it is sent).
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { firstIssues } from '$lib/journeys/engine';
import { EMAIL } from '$lib/journeys/registration';
import * as m from '$lib/paraglide/messages.js';
import { locales, localizeHref } from '$lib/paraglide/runtime';
import { flowPath } from '$lib/paths';
import { origin } from '$lib/server/config';
import * as drafts from '$lib/server/drafts';
import * as limits from '$lib/server/limits';
import * as mail from '$lib/server/mail';
import { qrSvg } from '$lib/server/links/images';
import { formData } from '$lib/server/journeys/navigation';

const emailForm = z.object({
	email: z
		.string()
		.trim()
		.min(1, 'handoff_email_error_required')
		.max(254, 'handoff_email_error_invalid')
		.refine((v) => EMAIL.test(v), 'handoff_email_error_invalid')
});

type Locale = (typeof locales)[number];
type Draft = { journey: string; base: string; token: string };

/** The resume link of a journey, in a language, as a phone's camera reads it. */
export const resumeLink = ({ base, token }: Draft, locale: Locale) =>
	`${origin()}${localizeHref(flowPath(base, token), { locale })}`;

/** The QR code of the resume link, or null for a draft that does not exist. */
export async function resumeQr(draft: Draft, locale: Locale): Promise<string | null> {
	if (!(await drafts.find(draft.token, draft.journey))) return null;
	return qrSvg(resumeLink(draft, locale), m.handoff_qr_title({}, { locale }));
}

/**
 * The done page's "e-mail me the link" action: the field's error (what was typed kept), or the
 * address it went to. Only for a finished form; limited per client (each sends an e-mail).
 */
export async function emailLink(event: RequestEvent, draft: Draft, locale: Locale) {
	await limits.enforce(event, 'handoffEmail');
	const values = {
		email: String((await formData(event.request)).get('email') ?? '').slice(0, 500)
	};
	const parsed = emailForm.safeParse(values);
	if (!parsed.success) return fail(400, { handoff: { values, errors: firstIssues(parsed.error) } });
	const found = await drafts.find(draft.token, draft.journey);
	if (!found?.reference)
		return fail(404, { handoff: { values, errors: { email: 'draft_not_found' } } });
	const link = `${origin()}${localizeHref(flowPath(draft.base, draft.token, { kind: 'done' }), { locale })}`;
	const subject = m.handoff_mail_subject({}, { locale });
	const rendered = mail.renderEmail({
		locale,
		subject,
		reference: found.reference,
		paragraphs: [
			m.handoff_mail_intro({}, { locale }),
			{ link: { label: m.handoff_mail_link({}, { locale }), href: link } },
			m.handoff_mail_print({}, { locale }),
			m.handoff_mail_private({}, { locale })
		]
	});
	await mail.enqueue({
		channel: 'email',
		recipient: parsed.data.email,
		locale,
		subject,
		text: rendered.text,
		html: rendered.html
	});
	return { handoff: { sentTo: parsed.data.email } };
}

/** The QR code as an image: the draft's token is in it, so no cache may keep it. */
export const svgResponse = (svg: string) =>
	new Response(svg, {
		headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'no-store' }
	});
