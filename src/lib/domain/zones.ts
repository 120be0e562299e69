/**
 * Time zones for showing a Den Haag cut-off in the voter's own time: a cut-off at the end of
 * 13 March in Den Haag is 18:59 on 13 March in New York and 11:59 on 14 March in Auckland. The
 * law's instant never moves (KW D 3: received by Den Haag); only how it reads elsewhere does.
 * Intl only, no time-zone library.
 */
import { AMSTERDAM, formatIsoDate, type IsoDate } from './dates';

/** The default when a voter has not chosen: Den Haag's own zone. */
export const DEFAULT_TIME_ZONE = AMSTERDAM;

// IANA names: 'Europe/Amsterdam', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+5'.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			hourCycle: 'h23'
		});
		formatters.set(timeZone, f);
	}
	return f;
}

/** True for a time zone the runtime knows (an IANA name or alias, e.g. 'Europe/Amsterdam'). */
export function isTimeZone(s: unknown): s is string {
	if (typeof s !== 'string' || s.length > 64 || !ZONE_NAME.test(s)) return false;
	try {
		formatter(s);
		return true;
	} catch {
		return false;
	}
}

/** The runtime's own spelling of a zone ('europe/amsterdam' → 'Europe/Amsterdam'), or null. */
export function canonicalTimeZone(s: unknown): string | null {
	if (!isTimeZone(s)) return null;
	return formatter(s).resolvedOptions().timeZone;
}

let ownZone: string | null | undefined;

/**
 * The time zone this runtime runs in (the browser's, where a page asks), or null if it cannot
 * say. Read once: a page with thirty cut-offs asked thirty times, each a new formatter.
 */
export function runtimeTimeZone(): string | null {
	if (ownZone === undefined) {
		try {
			ownZone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
		} catch {
			ownZone = null;
		}
	}
	return ownZone;
}

export type WallClock = { day: IsoDate; time: string };

/** The calendar day and the time ('HH:MM') an instant reads as in a time zone. */
export function wallClock(instant: Date, timeZone: string): WallClock {
	if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
		throw new RangeError('invalid instant');
	}
	if (!isTimeZone(timeZone)) throw new RangeError(`unknown time zone: ${timeZone}`);
	const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
	for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
	return {
		day: formatIsoDate(Number(parts.year), Number(parts.month), Number(parts.day)),
		time: `${parts.hour!.padStart(2, '0')}:${parts.minute!.padStart(2, '0')}`
	};
}

type LocaleWithZones = Intl.Locale & { getTimeZones?: () => string[]; timeZones?: string[] };

/**
 * The time a country keeps, where it keeps one: the zone of a voter who has chosen their country
 * but not a zone, so the overview shows their own time without JavaScript. Null where the
 * country's zones differ (the United States, Spain with the Canaries) or the runtime does not
 * know its zones: then the voter chooses. Zones that read the same in winter and in summer of
 * `at`'s year count as one (Germany's Berlin and Büsingen).
 */
export function countryTimeZone(country: string, at: Date): string | null {
	let zones: string[];
	try {
		const locale = new Intl.Locale(`und-${country}`) as LocaleWithZones;
		zones = locale.getTimeZones?.() ?? locale.timeZones ?? [];
	} catch {
		return null;
	}
	const known = zones.map(canonicalTimeZone).filter((z) => z !== null);
	if (known.length === 0) return null;
	const year = at.getUTCFullYear();
	const probes = [new Date(Date.UTC(year, 0, 15, 12)), new Date(Date.UTC(year, 6, 15, 12))];
	const reading = (zone: string) =>
		probes.map((p) => Object.values(wallClock(p, zone)).join(' ')).join(' | ');
	const first = reading(known[0]!);
	return known.every((z) => reading(z) === first) ? known[0]! : null;
}
