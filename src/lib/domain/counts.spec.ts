import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskCount, SMALL_COUNT_THRESHOLD } from './counts';

describe('maskCount', () => {
	it('hides every count below ten, zero included', () => {
		for (const n of [0, 1, 2, 9]) {
			expect(maskCount(n)).toEqual({ kind: 'fewer_than', value: 10 });
		}
	});

	it('shows ten and above as they are', () => {
		expect(maskCount(10)).toEqual({ kind: 'exact', value: 10 });
		expect(maskCount(12_345)).toEqual({ kind: 'exact', value: 12_345 });
	});

	it('never reveals a number below the threshold', () => {
		fc.assert(
			fc.property(fc.nat({ max: 1_000_000 }), (n) => {
				const masked = maskCount(n);
				expect(masked.value).toBeGreaterThanOrEqual(SMALL_COUNT_THRESHOLD);
				expect(masked.kind === 'exact').toBe(n >= SMALL_COUNT_THRESHOLD);
			})
		);
	});
});
