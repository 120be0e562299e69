/** Where each part of the registration journey lives (unlocalised; localise with localizeHref). */
export type Where =
	{ kind: 'step'; step: string } | { kind: 'result' } | { kind: 'check' } | { kind: 'done' };

export const registerStart = '/register';

export function registerPath(token: string, where?: Where | { kind: 'pdf' }): string {
	const base = `/register/${token}`;
	if (!where) return base;
	switch (where.kind) {
		case 'step':
			return `${base}/${where.step}`;
		case 'pdf':
			return `${base}/form.pdf`;
		default:
			return `${base}/${where.kind}`;
	}
}

/** The id of a field's first focusable control, for error-summary links. */
export function fieldId(name: string, kind: string): string {
	if (kind === 'date') return `f-${name}_day`;
	if (kind === 'radio' || kind === 'checkboxes') return `f-${name}-0`;
	return `f-${name}`;
}
