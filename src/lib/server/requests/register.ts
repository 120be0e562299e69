/**
 * The register of postal voting certificates (KW M 5) as the office's decisions use it: is a
 * certificate issued to this voter for this election, issue one to a resident temporarily abroad
 * (M 1(2), M 4), replace one (M 6b, M 5(2)(a)), find one by its number. The register is
 * `$lib/server/certificates`; this forwards to it, with the look-up by number inside the
 * decision's transaction (one connection: PGlite would wait on a read outside it).
 */
import { and, eq } from 'drizzle-orm';
import * as certificates from '$lib/server/certificates';
import type { Db } from '$lib/server/db';
import { elections, postalCertificates, type PostalCertificate } from '$lib/server/db/schema';

export type { PostalCertificate };
export type Holder = certificates.CertificateHolder;
export const { current, issueOne, replace, CertificateError } = certificates;

/** A certificate by the number printed on it, for an election given by its slug. */
export async function findByNumber(
	slug: string,
	number: number,
	tx: Db
): Promise<PostalCertificate | null> {
	if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return null;
	const [row] = await tx
		.select({ certificate: postalCertificates })
		.from(postalCertificates)
		.innerJoin(elections, eq(elections.id, postalCertificates.electionId))
		.where(and(eq(elections.slug, slug), eq(postalCertificates.number, number)))
		.limit(1);
	return row?.certificate ?? null;
}
