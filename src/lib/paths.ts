/** Where each part of the registration journey lives (unlocalised; localise with localizeHref). */
export type Where =
	{ kind: 'step'; step: string } | { kind: 'result' } | { kind: 'check' } | { kind: 'done' };

export const registerStart = '/register';

/** A part of a journey that starts at `base` (`/register`, `/change`…), for the draft `token`. */
export function flowPath(base: string, token: string, where?: Where | { kind: 'pdf' }): string {
	const root = `${base}/${token}`;
	if (!where) return root;
	switch (where.kind) {
		case 'step':
			return `${root}/${where.step}`;
		case 'pdf':
			return `${root}/form.pdf`;
		default:
			return `${root}/${where.kind}`;
	}
}

export function registerPath(token: string, where?: Where | { kind: 'pdf' }): string {
	return flowPath(registerStart, token, where);
}

/** The id of a field's first focusable control, for error-summary links. */
export function fieldId(name: string, kind: string): string {
	if (kind === 'date') return `f-${name}_day`;
	if (kind === 'radio' || kind === 'checkboxes') return `f-${name}-0`;
	return `f-${name}`;
}
