/**
 * Where an application for registration may be submitted (KB D 5).
 */
import { classifyResidence } from './countries';
import { LAW, type LegalRef } from './legal';

export type SubmissionChannel =
	'den_haag_upload' | 'den_haag_post' | 'consular_post' | 'caribbean_representation' | 'minister';

export const SUBMISSION_CHANNELS: readonly SubmissionChannel[] = Object.freeze([
	'den_haag_upload',
	'den_haag_post',
	'consular_post',
	'caribbean_representation',
	'minister'
]);

export type SubmissionFacts = {
	residence: string;
	caribbeanTenYears?: boolean;
	caribbeanPublicService?: boolean;
};

export type ChannelOption = { channel: SubmissionChannel; basis: LegalRef[] };

/**
 * The channels open to an applicant, Den Haag first.
 *
 * KB D 5(1): Den Haag, or the head of the consular post for the place of
 * residence, or (for residents of Aruba, Curaçao, Sint Maarten) the Dutch
 * representative there. KB D 5(4): only Den Haag takes electronic submissions
 * (the upload or e-mail of the scanned signed form).
 *
 * KB D 5(2): a person in Dutch public service in Aruba, Curaçao or Sint Maarten
 * (or a household member, KW B 1(2)(b)) without ten years' residence in the
 * Netherlands submits "in afwijking van het eerste lid" to the Minister they work
 * under: instead of, not beside, the channels of (1). So that is their only
 * channel, on paper (D 5(4) keeps electronic submission to Den Haag).
 *
 * Residents of the Netherlands (incl. BES) have no consular post: only Den Haag.
 */
export function submissionChannels(facts: SubmissionFacts): ChannelOption[] {
	const residenceClass = classifyResidence(facts.residence);
	if (
		residenceClass === 'caribbean' &&
		facts.caribbeanPublicService === true &&
		facts.caribbeanTenYears !== true
	) {
		return [{ channel: 'minister', basis: [LAW.SUBMISSION_MINISTER] }];
	}
	const channels: ChannelOption[] = [
		{ channel: 'den_haag_upload', basis: [LAW.SUBMISSION, LAW.SUBMISSION_ELECTRONIC] },
		{ channel: 'den_haag_post', basis: [LAW.SUBMISSION] }
	];
	if (residenceClass === 'caribbean') {
		channels.push({ channel: 'caribbean_representation', basis: [LAW.SUBMISSION] });
	} else if (residenceClass === 'eu' || residenceClass === 'other') {
		channels.push({ channel: 'consular_post', basis: [LAW.SUBMISSION] });
	}
	return channels;
}

/** KB D 5(4): electronic submission only at Den Haag. */
export function electronic(channel: SubmissionChannel): boolean {
	return channel === 'den_haag_upload';
}
