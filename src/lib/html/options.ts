/**
 * `<option>` elements as one HTML string, for a select of hundreds (the elections overview's
 * countries and time zones: 650 options). As one `{@html}` block the page hydrates them by taking
 * the server's nodes as they are, instead of walking 650 elements one by one on a phone's CPU.
 */
import { escapeHtml } from './escape';

export function optionsHtml(
	options: readonly { value: string; label: string }[],
	selected: string | null
): string {
	return options
		.map(
			({ value, label }) =>
				`<option value="${escapeHtml(value)}"${value === selected ? ' selected' : ''}>${escapeHtml(label)}</option>`
		)
		.join('');
}
