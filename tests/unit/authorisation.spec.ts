/**
 * Every back-office entry point checks a role itself (issue 3 item 7): each exported `load`,
 * each form action and each HTTP handler under src/routes/office calls `requireStaff(` in its
 * own body, unconditionally (not in a nested function, not behind an `if`). The layout's guard
 * is not enough: actions and endpoints run without the layout's load. Read with the TypeScript
 * compiler, so a comment or a string that mentions requireStaff does not count.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const OFFICE = 'src/routes/office';
const ROUTE_FILE = /^\+(page\.server|layout\.server|server)\.ts$/;
const HTTP = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'fallback']);

/**
 * The public pages of the office: signing in and enrolling with a one-time link. They are outside
 * the guarded layout (office/(public)) and may import only what signing in needs, so that none of
 * them can read a voter's data.
 */
const PUBLIC = [
	'src/routes/office/(public)/sign-in/options/+server.ts',
	'src/routes/office/(public)/sign-in/verify/+server.ts',
	'src/routes/office/(public)/enrol/[token]/+page.server.ts',
	'src/routes/office/(public)/enrol/[token]/options/+server.ts',
	'src/routes/office/(public)/enrol/[token]/verify/+server.ts'
];
const PUBLIC_IMPORTS = new Set([
	'@sveltejs/kit',
	'./$types',
	'zod',
	'$lib/server/auth',
	// Counts attempts per client; reads no one's data.
	'$lib/server/limits',
	'$lib/paraglide/runtime',
	'$lib/paraglide/messages.js'
]);

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		return statSync(full).isDirectory() ? files(full) : [full];
	});
}

type Finding = string;

const unwrap = (node: ts.Expression): ts.Expression =>
	ts.isParenthesizedExpression(node) ||
	ts.isAsExpression(node) ||
	ts.isSatisfiesExpression(node) ||
	ts.isTypeAssertionExpression(node) ||
	ts.isNonNullExpression(node)
		? unwrap(node.expression)
		: node;

const isFunction = (node: ts.Node): node is ts.FunctionLikeDeclaration =>
	ts.isFunctionDeclaration(node) ||
	ts.isFunctionExpression(node) ||
	ts.isArrowFunction(node) ||
	ts.isMethodDeclaration(node);

const isGuardCall = (node: ts.Node) =>
	ts.isCallExpression(node) &&
	((ts.isIdentifier(node.expression) && node.expression.text === 'requireStaff') ||
		(ts.isPropertyAccessExpression(node.expression) &&
			node.expression.name.text === 'requireStaff'));

// Where a call may not count: it runs only sometimes, or in another function.
function isConditional(node: ts.Node): boolean {
	if (isFunction(node) || ts.isClassLike(node)) return true;
	if (
		ts.isIfStatement(node) ||
		ts.isConditionalExpression(node) ||
		ts.isSwitchStatement(node) ||
		ts.isCatchClause(node) ||
		ts.isIterationStatement(node, false)
	) {
		return true;
	}
	return (
		ts.isBinaryExpression(node) &&
		[
			ts.SyntaxKind.AmpersandAmpersandToken,
			ts.SyntaxKind.BarBarToken,
			ts.SyntaxKind.QuestionQuestionToken
		].includes(node.operatorToken.kind)
	);
}

/** Does the function call requireStaff in its own body, whatever path it takes? */
function guards(fn: ts.FunctionLikeDeclaration): boolean {
	if (!fn.body) return false;
	let found = false;
	const visit = (node: ts.Node) => {
		if (found) return;
		if (isGuardCall(node)) {
			found = true;
			return;
		}
		if (isConditional(node)) return;
		ts.forEachChild(node, visit);
	};
	visit(fn.body);
	return found;
}

/** The findings for one route file's source: every entry point that does not check a role. */
function uncheckedEntryPoints(source: string, file = 'route.ts'): Finding[] {
	const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const locals = new Map<string, ts.Node>();
	for (const statement of sf.statements) {
		if (ts.isFunctionDeclaration(statement) && statement.name) {
			locals.set(statement.name.text, statement);
		}
		if (ts.isVariableStatement(statement)) {
			for (const d of statement.declarationList.declarations) {
				if (ts.isIdentifier(d.name) && d.initializer) locals.set(d.name.text, d.initializer);
			}
		}
	}
	const findings: Finding[] = [];
	const resolve = (node: ts.Node | undefined, seen = 0): ts.Node | undefined => {
		if (!node || seen > 5) return node;
		if (ts.isExpression(node)) {
			const bare = unwrap(node);
			if (ts.isIdentifier(bare)) return resolve(locals.get(bare.text), seen + 1);
			return bare;
		}
		return node;
	};
	const check = (name: string, node: ts.Node | undefined) => {
		const target = resolve(node);
		if (!target || !isFunction(target)) {
			findings.push(`${name}: not a function declared in this file, so it cannot be checked`);
		} else if (!guards(target)) {
			findings.push(`${name}: does not call requireStaff( unconditionally in its own body`);
		}
	};
	const checkActions = (node: ts.Node | undefined) => {
		const target = resolve(node);
		if (!target || !ts.isObjectLiteralExpression(target)) {
			findings.push('actions: not an object literal in this file, so it cannot be checked');
			return;
		}
		for (const property of target.properties) {
			const name = `actions.${property.name && ts.isIdentifier(property.name) ? property.name.text : (property.name?.getText(sf) ?? '…')}`;
			if (ts.isMethodDeclaration(property)) check(name, property);
			else if (ts.isPropertyAssignment(property)) check(name, property.initializer);
			else if (ts.isShorthandPropertyAssignment(property)) check(name, property.name);
			else findings.push(`${name}: a spread or accessor cannot be checked`);
		}
	};
	const exported = (node: ts.Node) =>
		ts.canHaveModifiers(node) &&
		(ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
	const entry = (name: string, node: ts.Node | undefined) => {
		if (name === 'actions') checkActions(node);
		else if (name === 'load' || HTTP.has(name)) check(name, node);
	};
	for (const statement of sf.statements) {
		if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) {
			findings.push(`${statement.getText(sf)}: export entry points where they are declared`);
		} else if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.name) {
			entry(statement.name.text, statement);
		} else if (ts.isVariableStatement(statement) && exported(statement)) {
			for (const d of statement.declarationList.declarations) {
				if (ts.isIdentifier(d.name)) entry(d.name.text, d.initializer);
				else findings.push('a destructured export cannot be checked');
			}
		}
	}
	return findings;
}

const importsOf = (source: string) =>
	[...source.matchAll(/^\s*import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

describe('office authorisation coverage', () => {
	const routeFiles = files(OFFICE).filter((f) => ROUTE_FILE.test(path.basename(f)));
	const guarded = routeFiles.filter((f) => !PUBLIC.includes(f));

	it('finds the office routes and the guarded layout', () => {
		expect(guarded).toContain('src/routes/office/(staff)/+layout.server.ts');
		expect(guarded.length).toBeGreaterThan(3);
	});

	it('has every office route file inside (staff), except the listed public ones', () => {
		for (const file of routeFiles) {
			expect(
				file.startsWith(`${OFFICE}/(staff)/`) || PUBLIC.includes(file),
				`${file} is outside office/(staff) and not on the public list`
			).toBe(true);
		}
		// Universal load functions also run in the browser, where no guard can run.
		for (const file of files(OFFICE))
			expect(path.basename(file), file).not.toMatch(/^\+(page|layout)\.ts$/);
	});

	for (const file of guarded) {
		it(`checks a role in every entry point of ${file}`, () => {
			expect(uncheckedEntryPoints(readFileSync(file, 'utf8'), file)).toEqual([]);
		});
	}

	it('keeps the public list current', () => {
		for (const file of PUBLIC) expect(routeFiles, file).toContain(file);
	});

	for (const file of PUBLIC) {
		it(`lets the public ${file} read nothing but sign-in data`, () => {
			for (const spec of importsOf(readFileSync(file, 'utf8'))) {
				expect(PUBLIC_IMPORTS.has(spec), `${file} imports ${spec}`).toBe(true);
			}
		});
	}
});

describe('the coverage check itself', () => {
	const good = `
		import * as auth from '$lib/server/auth';
		export const load = async (event) => {
			const staff = auth.requireStaff(event, 'admin');
			return { staff };
		};
		export const actions = {
			invite: async (event) => { auth.requireStaff(event, 'admin'); },
			async disable(event) { requireStaff(event, 'admin'); }
		} satisfies Actions;
		export const POST = (event) => ({ staff: requireStaff(event, 'clerk') });
		export async function GET(event) { await requireStaff(event, 'clerk'); }
	`;

	it('passes entry points that all check a role', () => {
		expect(uncheckedEntryPoints(good)).toEqual([]);
	});

	it('fails an action added without the check', () => {
		const bad = good.replace(
			'async disable(event)',
			'forget: async ({ request }) => { await request.formData(); },\n\t\t\tasync disable(event)'
		);
		expect(uncheckedEntryPoints(bad)).toEqual([
			'actions.forget: does not call requireStaff( unconditionally in its own body'
		]);
	});

	it('fails a load that checks only in a callback, behind an if, or in a comment', () => {
		const sources = [
			`export const load = (event) => { [1].forEach(() => requireStaff(event, 'admin')); };`,
			`export const load = (event) => { if (event.url.search) requireStaff(event, 'admin'); };`,
			`export const load = (event) => event.locals.session && requireStaff(event, 'admin');`,
			`export const load = (event) => { /* requireStaff(event, 'admin') */ return {}; };`,
			`export const load = (event) => ({ note: 'requireStaff(event)' });`
		];
		for (const source of sources) {
			expect(uncheckedEntryPoints(source), source).toEqual([
				'load: does not call requireStaff( unconditionally in its own body'
			]);
		}
	});

	it('fails handlers it cannot see into', () => {
		expect(
			uncheckedEntryPoints(`import { handler } from './x'; export const DELETE = handler;`)
		).toEqual(['DELETE: not a function declared in this file, so it cannot be checked']);
		expect(uncheckedEntryPoints(`const load = () => ({}); export { load };`)).toEqual([
			'export { load };: export entry points where they are declared'
		]);
		expect(
			uncheckedEntryPoints(`import { more } from './x'; export const actions = { ...more };`)
		).toEqual(['actions.…: a spread or accessor cannot be checked']);
	});

	it('follows a handler declared in the same file', () => {
		const source = `
			async function remove(event) { requireStaff(event, 'admin'); }
			const rename = async (event) => { return 1; };
			export const actions = { remove, rename: rename };
		`;
		expect(uncheckedEntryPoints(source)).toEqual([
			'actions.rename: does not call requireStaff( unconditionally in its own body'
		]);
	});
});
