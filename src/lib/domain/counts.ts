/**
 * How an association sees the counts of its guided links (issue 5). A small count can point at a
 * person: "2 forms from our Lisbon poster" tells a board who knows who was at that meeting more
 * than it should. Counts below the threshold are therefore never shown, only "fewer than 10",
 * the usual small-cell rule of statistical disclosure control (CBS, Eurostat; AVG/GDPR art. 5(1)(c)
 * data minimisation and art. 25 data protection by default). The server masks the number, so the
 * real one never leaves it.
 */
export const SMALL_COUNT_THRESHOLD = 10;

export type MaskedCount = { kind: 'exact'; value: number } | { kind: 'fewer_than'; value: number };

export function maskCount(count: number): MaskedCount {
	return count < SMALL_COUNT_THRESHOLD
		? { kind: 'fewer_than', value: SMALL_COUNT_THRESHOLD }
		: { kind: 'exact', value: count };
}
