/**
 * One way to write a notice: the same content as plain text and as accessible HTML, in the
 * voter's language (every string from `messages/`). The HTML has the `lang` of the message so a
 * screen reader speaks it in the right language (WCAG 3.1.1), real headings and lists, no images,
 * no remote resources and no tracking: a notice about someone's registration tells nobody when
 * it was opened.
 */
import { message } from '$lib/i18n';
import { resolveLocale } from '$lib/server/pdf/locale';
import { escapeHtml } from '$lib/html/escape';

/** A paragraph, a heading, a bulleted list, or a link on its own line. */
export type EmailBlock =
	string | { heading: string } | { list: string[] } | { link: { label: string; href: string } };

export type EmailContent = {
	/** The voter's language tag; an unknown one falls back to Dutch. */
	locale: string;
	subject: string;
	paragraphs: EmailBlock[];
	/** Replaces the neutral salutation (`mail_greeting`), e.g. with the voter's name. */
	greeting?: string;
	/** The reference of the application, quoted in every notice so replies find it. */
	reference?: string;
};

export type RenderedEmail = { locale: string; subject: string; text: string; html: string };

export { escapeHtml };

// Only links a voter can follow safely: no javascript:, data: or relative URLs in an e-mail.
function safeHref(href: string): string {
	const url = new URL(href);
	if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'mailto:') {
		throw new Error(`Refusing a ${url.protocol} link in an e-mail`);
	}
	return url.href;
}

const STYLE = {
	body: 'margin:0;padding:0;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5',
	wrapper: 'max-width:40em;margin:0 auto;padding:24px 16px',
	h1: 'font-size:24px;line-height:1.25;margin:0 0 24px',
	h2: 'font-size:19px;line-height:1.3;margin:24px 0 8px',
	p: 'margin:0 0 16px',
	ul: 'margin:0 0 16px;padding-left:24px',
	// #154273 on white: contrast 10.4:1; underlined, so a link is not told by colour alone.
	a: 'color:#154273;text-decoration:underline'
};

function blockText(block: EmailBlock): string {
	if (typeof block === 'string') return block;
	if ('heading' in block) return block.heading;
	if ('list' in block) return block.list.map((item) => `• ${item}`).join('\n');
	return `${block.link.label}: ${safeHref(block.link.href)}`;
}

function blockHtml(block: EmailBlock): string {
	if (typeof block === 'string') return `<p style="${STYLE.p}">${escapeHtml(block)}</p>`;
	if ('heading' in block) return `<h2 style="${STYLE.h2}">${escapeHtml(block.heading)}</h2>`;
	if ('list' in block) {
		const items = block.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('');
		return `<ul style="${STYLE.ul}">${items}</ul>`;
	}
	const href = escapeHtml(safeHref(block.link.href));
	return `<p style="${STYLE.p}"><a href="${href}" style="${STYLE.a}">${escapeHtml(block.link.label)}</a></p>`;
}

/**
 * Renders a notice as text and HTML, with the salutation, the reference, the closing and the
 * sender in the voter's language. The result goes straight into `enqueue` (with a recipient), or
 * its `text` into a letter.
 */
export function renderEmail(content: EmailContent): RenderedEmail {
	const locale = resolveLocale(content.locale);
	const greeting = content.greeting ?? message('mail_greeting', {}, locale);
	const reference = content.reference
		? message('mail_reference', { reference: content.reference }, locale)
		: undefined;
	const closing = message('mail_closing', {}, locale);
	const sender = message('mail_sender', {}, locale);

	const blocks: EmailBlock[] = [greeting, ...content.paragraphs];
	const text = [
		...blocks.map(blockText),
		...(reference ? [reference] : []),
		`${closing}\n${sender}`
	].join('\n\n');

	const html = [
		'<!DOCTYPE html>',
		`<html lang="${locale}" dir="ltr">`,
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		'<meta name="color-scheme" content="light">',
		`<title>${escapeHtml(content.subject)}</title>`,
		'</head>',
		`<body style="${STYLE.body}">`,
		`<div style="${STYLE.wrapper}">`,
		`<h1 style="${STYLE.h1}">${escapeHtml(content.subject)}</h1>`,
		...blocks.map(blockHtml),
		...(reference ? [`<p style="${STYLE.p}">${escapeHtml(reference)}</p>`] : []),
		`<p style="${STYLE.p}">${escapeHtml(closing)}<br>${escapeHtml(sender)}</p>`,
		'</div>',
		'</body>',
		'</html>'
	].join('\n');

	return { locale, subject: content.subject, text, html };
}
