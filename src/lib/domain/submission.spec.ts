import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from './countries';
import {
	SUBMISSION_CHANNELS,
	electronic,
	submissionChannels,
	type ChannelOption
} from './submission';

const channelsOf = (options: ChannelOption[]) => options.map((o) => o.channel);
const basisOf = (options: ChannelOption[], channel: string) =>
	options.find((o) => o.channel === channel)?.basis.map((b) => b.code);

describe('submissionChannels (KB D 5)', () => {
	it('offers Den Haag (upload and post) and the consular post to a resident of another country', () => {
		const options = submissionChannels({ residence: 'JP' });
		expect(channelsOf(options)).toEqual(['den_haag_upload', 'den_haag_post', 'consular_post']);
		expect(basisOf(options, 'den_haag_upload')).toEqual(['KB D 5(1)', 'KB D 5(4)']);
		expect(basisOf(options, 'den_haag_post')).toEqual(['KB D 5(1)']);
		expect(basisOf(options, 'consular_post')).toEqual(['KB D 5(1)']);
		expect(channelsOf(submissionChannels({ residence: 'BE' }))).toContain('consular_post');
	});

	it('offers the Dutch representation instead of a consular post in Aruba, Curaçao, Sint Maarten', () => {
		for (const residence of ['AW', 'CW', 'SX']) {
			const options = submissionChannels({ residence });
			expect(channelsOf(options)).toEqual([
				'den_haag_upload',
				'den_haag_post',
				'caribbean_representation'
			]);
			expect(basisOf(options, 'caribbean_representation')).toEqual(['KB D 5(1)']);
		}
	});

	it('sends the public servant there without ten years to the Minister only (KB D 5(2))', () => {
		const options = submissionChannels({ residence: 'CW', caribbeanPublicService: true });
		expect(options).toEqual([
			{ channel: 'minister', basis: [expect.objectContaining({ code: 'KB D 5(2)' })] }
		]);
		expect(
			channelsOf(
				submissionChannels({
					residence: 'CW',
					caribbeanPublicService: true,
					caribbeanTenYears: false
				})
			)
		).toEqual(['minister']);
	});

	it('keeps the ordinary channels for a public servant with ten years in the Netherlands', () => {
		expect(
			channelsOf(
				submissionChannels({
					residence: 'SX',
					caribbeanPublicService: true,
					caribbeanTenYears: true
				})
			)
		).toEqual(['den_haag_upload', 'den_haag_post', 'caribbean_representation']);
	});

	it('ignores public service outside Aruba, Curaçao and Sint Maarten', () => {
		expect(
			channelsOf(submissionChannels({ residence: 'SR', caribbeanPublicService: true }))
		).toEqual(['den_haag_upload', 'den_haag_post', 'consular_post']);
	});

	it('has no consular post for residents of the Netherlands or BES: Den Haag only', () => {
		expect(channelsOf(submissionChannels({ residence: 'NL' }))).toEqual([
			'den_haag_upload',
			'den_haag_post'
		]);
		expect(channelsOf(submissionChannels({ residence: 'BQ' }))).toEqual([
			'den_haag_upload',
			'den_haag_post'
		]);
	});

	it('throws on an unknown country', () => {
		expect(() => submissionChannels({ residence: 'XK' })).toThrow(RangeError);
	});

	it('always offers at least one channel, and electronic ones only at Den Haag (property)', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...COUNTRY_CODES),
				fc.option(fc.boolean()),
				fc.option(fc.boolean()),
				(residence, tenYears, publicService) => {
					const options = submissionChannels({
						residence,
						caribbeanTenYears: tenYears ?? undefined,
						caribbeanPublicService: publicService ?? undefined
					});
					expect(options.length).toBeGreaterThan(0);
					for (const o of options) {
						expect(o.basis.length).toBeGreaterThan(0);
						if (electronic(o.channel)) expect(o.channel.startsWith('den_haag')).toBe(true);
					}
				}
			)
		);
	});
});

describe('electronic', () => {
	it('is true only for the Den Haag upload (KB D 5(4))', () => {
		expect(SUBMISSION_CHANNELS.filter(electronic)).toEqual(['den_haag_upload']);
	});
});
