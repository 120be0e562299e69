import { describe, expect, it } from 'vitest';
import { permissionsPolicy } from './permissions';

describe('permissionsPolicy', () => {
	it('allows the camera for this origin on the intake page, in any language', () => {
		for (const path of [
			'/office/intake',
			'/office/intake/',
			'/en/office/intake',
			'/pap/office/intake'
		]) {
			expect(permissionsPolicy(path)).toMatch(/^camera=\(self\), microphone=\(\),/);
		}
	});

	it('blocks the camera everywhere else, the rest of the office included', () => {
		for (const path of [
			'/',
			'/register/start',
			'/office',
			'/office/intake/K7QX-2M9P-4TZA',
			'/office/intakes',
			'/office/outbox',
			'/status/office/intake'
		]) {
			expect(permissionsPolicy(path)).toBe(
				'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'
			);
		}
	});
});
