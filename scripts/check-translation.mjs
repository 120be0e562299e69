#!/usr/bin/env node
// Checks one translation: keys and placeholders against messages/nl.json, values left identical
// to Dutch, and the glossary (docs/glossary.json merged with docs/glossary/LOCALE.json).
// Usage: node scripts/check-translation.mjs de
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const locale = process.argv[2];
if (!locale) throw new Error('usage: check-translation.mjs LOCALE');
const read = (p) => JSON.parse(readFileSync(path.join(root, p), 'utf8'));
const nl = read('messages/nl.json');
const target = read(`messages/${locale}.json`);
const problems = [];
const placeholders = (t) =>
	[...String(t).matchAll(/\{(\w+)\}/g)]
		.map((m) => m[1])
		.sort()
		.join(',');
for (const key of Object.keys(nl)) {
	if (key === '$schema') continue;
	if (!(key in target)) problems.push(`missing key ${key}`);
	else if (placeholders(nl[key]) !== placeholders(target[key]))
		problems.push(`placeholders differ in ${key}`);
	else if (nl[key] === target[key] && /\p{L}/u.test(nl[key].replace(/\{\w+\}/g, '')))
		problems.push(`identical to Dutch: ${key}`);
}
for (const key of Object.keys(target)) if (!(key in nl)) problems.push(`extra key ${key}`);
const glossary = read('docs/glossary.json');
const own = existsSync(path.join(root, `docs/glossary/${locale}.json`))
	? read(`docs/glossary/${locale}.json`)
	: {};
const uses = (text, forms) =>
	forms.some((f) => String(text).toLocaleLowerCase().includes(f.toLocaleLowerCase()));
for (const term of glossary.terms) {
	const entry = term[locale] ?? own[term.id];
	if (!entry) {
		problems.push(`glossary: no ${locale} entry for ${term.id}`);
		continue;
	}
	for (const [key, text] of Object.entries(nl)) {
		if (key === '$schema' || !uses(text, term.nl.forms)) continue;
		if (entry.exceptions?.includes(key)) continue;
		if (!uses(target[key] ?? '', entry.forms))
			problems.push(`glossary ${term.id}: ${key} does not use ${entry.forms.join(' / ')}`);
	}
}
console.log(problems.length ? problems.join('\n') : `${locale}: no problems`);
process.exitCode = problems.length ? 1 : 0;
