/**
 * The widget as one small HTML document. Written here rather than as a Svelte page: every page
 * of the portal renders inside the root layout (header, language switch, footer) and ships
 * SvelteKit's scripts, and the widget wants none of that in a 300-pixel iframe on someone else's
 * site. Every text comes from messages/ and is escaped; nothing runs, and the one stylesheet is
 * allowed by its hash.
 */
import { createHash } from 'node:crypto';
import { formatDate, message } from '$lib/i18n';
import type { WidgetCutoff, WidgetView } from './index';
import { escapeHtml } from '$lib/html/escape';

/**
 * Readable in a 300-pixel column (long German words hyphenate or wrap), WCAG 2.2 AA: every colour
 * pair has a contrast of at least 7:1 on the white it is drawn on (#154273 and white 10.2:1 either
 * way round, #1b1b1b on #ffdd00 when focused 12.8:1), and a focused link gets a thick outline
 * and a yellow background (the GOV.UK focus style) that any page around it cannot hide. The
 * background is set, so a dark host page cannot show through and spoil the contrast.
 */
export const STYLE = [
	':root{color-scheme:light}',
	'*{box-sizing:border-box}',
	'body{margin:0;padding:.75rem;font:1rem/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;background:#fff;overflow-wrap:break-word;hyphens:auto}',
	'h1{margin:0 0 .5rem;font-size:1.125rem;line-height:1.3}',
	'h2{margin:.75rem 0 .25rem;font-size:1rem;line-height:1.3}',
	'p{margin:.5rem 0}',
	'ul{margin:0;padding:0;list-style:none}',
	'li{padding:.375rem 0;border-top:1px solid #8a8a8a}',
	'.left{display:block;font-weight:700}',
	'.tag{display:inline-block;margin:0 0 .25rem;padding:0 .375rem;border:1px solid #1b1b1b;font-size:.875rem}',
	'.note{font-size:.875rem}',
	'a{color:#154273;text-decoration:underline;text-underline-offset:.15em}',
	'a.cta{display:inline-block;max-width:100%;padding:.5rem .75rem;border-radius:4px;background:#154273;color:#fff;font-weight:700;text-decoration:none}',
	'a.cta:hover{background:#0b2a4a}',
	'a:focus-visible,a.cta:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px;background:#ffdd00;color:#1b1b1b;text-decoration:none}',
	'.new-tab{font-weight:400}'
].join('');

const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'`;

/**
 * Nothing loads or runs; the stylesheet applies by hash (no 'unsafe-inline'); any site may frame
 * it (the reason it exists); links may only be followed, forms never posted.
 */
export const CONTENT_SECURITY_POLICY = [
	"default-src 'none'",
	"script-src 'none'",
	`style-src ${STYLE_HASH}`,
	"base-uri 'none'",
	"object-src 'none'",
	"form-action 'none'",
	'frame-ancestors *'
].join('; ');

export { escapeHtml };

/** "31 days left." in Den Haag's calendar; the last two days by name. */
function countdownText(days: number, locale: string): string {
	if (days <= 0) return message('widget_countdown_today', {}, locale);
	if (days === 1) return message('widget_countdown_tomorrow', {}, locale);
	return message('widget_countdown_days', { count: String(days) }, locale);
}

function cutoffItem(c: WidgetCutoff, locale: string): string {
	const what = message(
		'home_elections_next',
		{
			what: message(`cutoff_${c.kind}`, {}, locale),
			date: formatDate(c.day, locale, true)
		},
		locale
	);
	return `<li>${escapeHtml(what)} <span class="left">${escapeHtml(countdownText(c.days, locale))}</span></li>`;
}

/**
 * A link out of the iframe: a new tab, because inside the frame the portal would be squeezed into
 * the host's column (and a journey should not run inside another site's page). Said in the link's
 * own text, so that nobody is surprised by it (WCAG 3.2.5, technique G201). `noopener`: the new tab
 * gets no handle on the host page.
 */
function linkOut(href: string, text: string, locale: string, cls?: string): string {
	const attrs = cls ? ` class="${cls}"` : '';
	return (
		`<a${attrs} href="${escapeHtml(href)}" target="_blank" rel="noopener">${escapeHtml(text)} ` +
		`<span class="new-tab">${escapeHtml(message('widget_new_tab', {}, locale))}</span></a>`
	);
}

/** The whole document. */
export function render(view: WidgetView): string {
	const { locale } = view;
	const t = (key: string) => escapeHtml(message(key, {}, locale));
	const elections = view.elections.map((e) => {
		const name = message('overview_election_name', { type: e.type, date: e.electionDay }, locale);
		const tag = e.provisional ? `<p class="tag">${t('overview_provisional_tag')}</p>` : '';
		const items = e.cutoffs.map((c) => cutoffItem(c, locale)).join('');
		return `<h2>${escapeHtml(name)}</h2>${tag}<ul>${items}</ul>`;
	});
	const body = elections.length
		? `${elections.join('')}<p class="note">${t('widget_received_note')}</p>`
		: `<p>${t('widget_none')}</p>`;
	const action = message(
		view.links.guided ? 'widget_cta_guided' : 'widget_cta_register',
		{},
		locale
	);
	return [
		'<!doctype html>',
		`<html lang="${escapeHtml(locale)}">`,
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		// The widget is a part of other pages, not a page of its own to be found in a search.
		'<meta name="robots" content="noindex">',
		`<title>${t('widget_heading')}</title>`,
		`<style>${STYLE}</style>`,
		'</head>',
		'<body>',
		'<main>',
		`<h1>${t('widget_heading')}</h1>`,
		body,
		`<p>${linkOut(view.links.action, action, locale, 'cta')}</p>`,
		`<p>${linkOut(view.links.elections, message('home_elections_link', {}, locale), locale)}</p>`,
		'</main>',
		'</body>',
		'</html>',
		''
	].join('\n');
}
