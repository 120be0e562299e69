import { describe, expect, it } from 'vitest';
import { sameSite } from './language';

describe('sameSite', () => {
	it('keeps a redirect on this site whatever the path starts with', () => {
		expect(sameSite('//evil.example/')).toBe('/evil.example/');
		expect(sameSite('/\\evil.example/')).toBe('/evil.example/');
		expect(sameSite('\\\\evil.example')).toBe('/evil.example');
		expect(sameSite('/en/register?x=1')).toBe('/en/register?x=1');
	});
});
