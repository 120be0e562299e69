#!/usr/bin/env node
// Merges docs/glossary/<locale>.json into docs/glossary.json (when present) and writes
// docs/glossary.md, the table translators and officials read. Run after changing either.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8'));
const glossary = JSON.parse(readFileSync('docs/glossary.json', 'utf8'));
for (const locale of settings.locales) {
	const file = `docs/glossary/${locale}.json`;
	if (!existsSync(file)) continue;
	const column = JSON.parse(readFileSync(file, 'utf8'));
	for (const term of glossary.terms) if (column[term.id]) term[locale] = column[term.id];
	rmSync(file);
}
writeFileSync('docs/glossary.json', JSON.stringify(glossary, null, '\t') + '\n');

const names = {
	nl: 'Nederlands',
	en: 'English',
	de: 'Deutsch',
	fr: 'Français',
	es: 'Español',
	pap: 'Papiamentu'
};
const locales = settings.locales;
const row = (cells) => `| ${cells.join(' | ')} |`;
const lines = [
	'# Glossary of legal terms',
	'',
	'The portal keeps Dutch legal terms recognisable because officials, forms and voters use them.',
	'Each language uses one term for each concept, everywhere; `tests/unit/glossary.spec.ts` checks',
	'that every message using the Dutch term uses the translation. Source: `docs/glossary.json`',
	'(this page is generated from it by `node scripts/glossary.mjs`).',
	'',
	row(['Concept', ...locales.map((l) => names[l] ?? l)]),
	row(['---', ...locales.map(() => '---')]),
	...glossary.terms.map((t) => row([t.note, ...locales.map((l) => t[l]?.term ?? '')]))
];
writeFileSync('docs/glossary.md', lines.join('\n') + '\n');
console.log(
	`glossary: ${glossary.terms.length} terms in ${locales.filter((l) => glossary.terms.every((t) => t[l])).join(', ')}`
);
