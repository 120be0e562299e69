/**
 * Prints one plain closing line, "vitest: N passed, N failed, N skipped", after every run, so
 * that CI (which reads that line for runners it does not know) can tell what ran.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
	onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
		const counts = { passed: 0, failed: 0, skipped: 0 };
		for (const module of modules) {
			for (const test of module.children.allTests()) {
				const state = test.result().state;
				if (state === 'passed') counts.passed++;
				else if (state === 'failed') counts.failed++;
				else counts.skipped++;
			}
			if (module.state() === 'failed' && module.children.size === 0) counts.failed++;
		}
		process.stdout.write(
			`\nvitest: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`
		);
	}
}
