/**
 * The register of postal voting certificates (briefstembewijzen, KW M 5): why a certificate is
 * invalid, and when the extract of invalid ones is due at the postal voting bureaus.
 */
import { addDays, type IsoDate } from './dates';
import { LAW, TERMS, type LegalRef } from './legal';

/** KW M 5(2): the three grounds on which a certificate is invalid, each with its article. */
export const INVALID_REASONS = Object.freeze({
	// (a) a replacement was issued for it (M 6b).
	replaced: LAW.CERTIFICATE_INVALID_REPLACED,
	// (b) its holder should not be registered as a voter, or died before voting.
	not_a_voter: LAW.CERTIFICATE_INVALID_NOT_A_VOTER,
	// (c) it was found stolen or otherwise unlawfully in circulation.
	stolen: LAW.CERTIFICATE_INVALID_STOLEN
} satisfies Record<string, LegalRef>);
export type InvalidReason = keyof typeof INVALID_REASONS;

export function isInvalidReason(s: unknown): s is InvalidReason {
	return typeof s === 'string' && Object.hasOwn(INVALID_REASONS, s);
}

/**
 * KW M 5(3): the mayor of Den Haag draws up the extract of invalid certificates from the register
 * and gives it to every postal voting bureau at the latest on the 8th day before election day.
 */
export function invalidExtractDue(electionDay: IsoDate): { date: IsoDate; basis: LegalRef[] } {
	return {
		date: addDays(electionDay, -TERMS.invalidExtractDaysBefore),
		basis: [LAW.INVALID_CERTIFICATES_EXTRACT]
	};
}
