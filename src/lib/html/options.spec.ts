import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape';
import { optionsHtml } from './options';

describe('options as HTML', () => {
	it('escapes what would end an attribute or start an element', () => {
		expect(escapeHtml(`<script>"a" & 'b'</script>`)).toBe(
			'&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;'
		);
	});

	it('marks the selected one, and only that one', () => {
		expect(
			optionsHtml(
				[
					{ value: 'DE', label: 'Duitsland' },
					{ value: 'CW', label: 'Curaçao' },
					{ value: '"x', label: '<b>' }
				],
				'CW'
			)
		).toBe(
			'<option value="DE">Duitsland</option><option value="CW" selected>Curaçao</option><option value="&quot;x">&lt;b&gt;</option>'
		);
		expect(optionsHtml([{ value: 'DE', label: 'Duitsland' }], null)).toBe(
			'<option value="DE">Duitsland</option>'
		);
	});
});
