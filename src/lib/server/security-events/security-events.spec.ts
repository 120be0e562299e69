import { afterEach, describe, expect, it, vi } from 'vitest';
import * as securityEvents from './index';

afterEach(() => vi.restoreAllMocks());

describe('security events', () => {
	it('are one JSON line each, typed and timed, with what happened', () => {
		const info = vi.spyOn(console, 'info').mockImplementation(() => {});
		securityEvents.log(
			{ event: 'sign_in.failed', kind: 'staff', reason: 'account_error_not_verified' },
			new Date('2030-02-10T10:00:00Z')
		);
		expect(info).toHaveBeenCalledTimes(1);
		const line = String(info.mock.calls[0]![0]);
		expect(line).not.toContain('\n');
		expect(JSON.parse(line)).toEqual({
			type: 'security',
			at: '2030-02-10T10:00:00.000Z',
			event: 'sign_in.failed',
			kind: 'staff',
			reason: 'account_error_not_verified'
		});
	});
});
