/**
 * Plain text and minimal HTML for the messages a status request sends. Every word comes from the
 * catalogue (`message()`); this only lays the blocks out. When the mail area's `renderEmail`
 * (house layout, both parts) is available, `render` is the one place to switch to it.
 */
export type Block =
	| { kind: 'paragraph'; text: string }
	| { kind: 'list'; items: string[] }
	| { kind: 'address'; lines: string[] };

export type Rendered = { subject: string; text: string; html: string };

const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
export const blocks = { paragraph };

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function textOf(block: Block): string {
	switch (block.kind) {
		case 'paragraph':
			return block.text;
		case 'list':
			return block.items.map((item) => `- ${item}`).join('\n');
		case 'address':
			return block.lines.map((line) => `    ${line}`).join('\n');
	}
}

function htmlOf(block: Block): string {
	switch (block.kind) {
		case 'paragraph':
			return `<p>${escapeHtml(block.text)}</p>`;
		case 'list':
			return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
		case 'address':
			return `<p>${block.lines.map(escapeHtml).join('<br>')}</p>`;
	}
}

/** Subject and blocks → the message's plain-text and HTML parts, in `locale`. */
export function render(subject: string, body: Block[], locale: string): Rendered {
	return {
		subject,
		text: `${body.map(textOf).join('\n\n')}\n`,
		html:
			`<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8">` +
			`<title>${escapeHtml(subject)}</title></head><body>${body.map(htmlOf).join('')}</body></html>`
	};
}
