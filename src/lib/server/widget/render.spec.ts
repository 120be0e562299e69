import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { WidgetView } from './index';
import { CONTENT_SECURITY_POLICY, STYLE, escapeHtml, render } from './render';

const links = {
	action: 'https://kiezer.example.nl/go/abcdEFGH1234',
	guided: true,
	elections: 'https://kiezer.example.nl/en/elections'
};

const tk: WidgetView['elections'][number] = {
	slug: 'TK-2030',
	type: 'TK',
	electionDay: '2030-05-15',
	provisional: true,
	cutoffs: [
		{ kind: 'proxy_or_voter_pass', day: '2030-02-19', days: 9 },
		{ kind: 'change', day: '2030-03-13', days: 1 },
		{ kind: 'den_haag_return', day: '2030-05-15', days: 0 }
	]
};

const text = (html: string) =>
	html
		.replace(/<style>[\s\S]*?<\/style>/, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ');

describe('render', () => {
	it('is a whole document in the chosen language, its one stylesheet allowed by hash', () => {
		const html = render({ locale: 'en', elections: [tk], links });
		expect(html).toMatch(/^<!doctype html>\n<html lang="en">\n<head>/);
		expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
		const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
		expect(styles).toEqual([STYLE]);
		const hash = createHash('sha256').update(STYLE).digest('base64');
		expect(CONTENT_SECURITY_POLICY).toContain(`style-src 'sha256-${hash}'`);
		// Nothing runs, nothing inline but that stylesheet, no attribute styles.
		expect(html).not.toMatch(/<script|\son\w+=|\sstyle=/i);
	});

	it('shows each cut-off with its day and the days left, under a heading per election', () => {
		const html = render({ locale: 'en', elections: [tk], links });
		expect(html).toContain('<h1>Deadlines for voters abroad</h1>');
		expect(html).toContain(
			'<h2>House of Representatives (Tweede Kamer), election of 15 May 2030</h2>'
		);
		expect(html).toContain('<p class="tag">date not yet final</p>');
		const shown = text(html);
		expect(shown).toContain('Proxy or voter pass: by Tuesday, 19 February 2030. 9 days left.');
		expect(shown).toContain(
			'Change to your registration: by Wednesday, 13 March 2030. Tomorrow is the last day.'
		);
		expect(shown).toContain(
			'Return envelope in The Hague (15:00): by Wednesday, 15 May 2030. Today is the last day.'
		);
		expect(shown).toContain('The Hague must have received it by that day (Dutch time).');
	});

	it('opens every link in a new tab, says so, and gives it no handle on the host page', () => {
		const html = render({ locale: 'en', elections: [tk], links });
		const anchors = [...html.matchAll(/<a\b[^>]*>[\s\S]*?<\/a>/g)].map((m) => m[0]);
		expect(anchors).toHaveLength(2);
		for (const a of anchors) {
			expect(a).toMatch(/ target="_blank" rel="noopener"/);
			expect(a).toContain('(opens in a new tab)');
		}
		expect(anchors[0]).toContain('href="https://kiezer.example.nl/go/abcdEFGH1234"');
		expect(text(anchors[0]!)).toContain('Arrange your vote from abroad');
		expect(anchors[1]).toContain('href="https://kiezer.example.nl/en/elections"');
	});

	it('invites to register when no guided link is given', () => {
		const html = render({
			locale: 'nl',
			elections: [tk],
			links: { ...links, action: 'https://kiezer.example.nl/register', guided: false }
		});
		expect(text(html)).toContain('Registreer u als kiezer in het buitenland');
		expect(html).toContain('href="https://kiezer.example.nl/register"');
	});

	it('speaks every language, Papiamentu with the catalogue’s date names', () => {
		const de = text(render({ locale: 'de', elections: [tk], links }));
		expect(de).toContain('Fristen für Wähler im Ausland');
		expect(de).toContain('Noch 9 Tage.');
		expect(de).toContain('Dienstag, 19. Februar 2030');
		const pap = render({ locale: 'pap', elections: [tk], links });
		expect(pap).toContain('<html lang="pap">');
		expect(text(pap)).toContain('Ta resta 9 dia.');
		expect(text(pap)).toContain('djamars 19 di febrüari 2030');
		for (const locale of ['fr', 'es'] as const) {
			expect(render({ locale, elections: [tk], links })).toContain(`<html lang="${locale}">`);
		}
	});

	it('says so when no election has a known day', () => {
		const html = render({ locale: 'en', elections: [], links });
		expect(text(html)).toContain('No election date is known yet.');
		expect(html).not.toContain('<h2>');
		expect(html).not.toContain('must have received');
	});

	it('escapes everything it writes into HTML', () => {
		expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
			'&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;'
		);
		const html = render({
			locale: 'en',
			elections: [],
			links: { ...links, action: 'https://x.example/"><script>alert(1)</script>' }
		});
		expect(html).not.toContain('<script>');
		expect(html).toContain('href="https://x.example/&quot;&gt;&lt;script&gt;');
	});
});
