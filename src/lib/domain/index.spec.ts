import { describe, expect, it } from 'vitest';
import * as domain from './index';
import * as brp from './brp';
import * as checklist from './checklist';
import * as countdown from './countdown';
import * as countries from './countries';
import * as dates from './dates';
import * as deadlines from './deadlines';
import * as decisions from './decisions';
import * as electionCalendar from './election-calendar';
import * as elections from './elections';
import * as eligibility from './eligibility';
import * as legal from './legal';
import * as lookup from './lookup';
import * as overview from './overview';
import * as status from './status';
import * as submission from './submission';
import * as zones from './zones';

describe('index', () => {
	it('re-exports every export of every module', () => {
		const modules = {
			brp,
			checklist,
			countdown,
			countries,
			dates,
			deadlines,
			decisions,
			electionCalendar,
			elections,
			eligibility,
			legal,
			lookup,
			overview,
			status,
			submission,
			zones
		};
		for (const [name, mod] of Object.entries(modules)) {
			for (const [key, value] of Object.entries(mod)) {
				expect(domain[key as keyof typeof domain], `${name}.${key}`).toBe(value);
			}
		}
	});
});
