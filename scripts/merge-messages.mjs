#!/usr/bin/env node
// A git merge driver for messages/*.json: parallel branches add keys at the end of the same flat
// catalogue, which line-based merging always reports as a conflict. This merges by key instead.
// Set up once per clone:
//   git config merge.messages.driver 'node scripts/merge-messages.mjs %O %A %B'
// (.gitattributes names the driver for messages/*.json). Exit 1 when both sides changed a key
// differently; the file then keeps ours for that key.
import { readFileSync, writeFileSync } from 'node:fs';

const [base, ours, theirs] = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')));
const merged = { ...ours };
let conflicts = 0;
for (const [key, value] of Object.entries(theirs)) {
	if (!(key in base)) {
		if (key in ours && ours[key] !== value) conflicts++;
		else merged[key] = value;
	} else if (base[key] !== value) {
		if (ours[key] === base[key]) merged[key] = value;
		else if (ours[key] !== value) conflicts++;
	}
}
for (const key of Object.keys(base)) {
	if (!(key in theirs) && ours[key] === base[key]) delete merged[key];
}
writeFileSync(process.argv[3], `${JSON.stringify(merged, null, '\t')}\n`);
process.exit(conflicts ? 1 : 0);
