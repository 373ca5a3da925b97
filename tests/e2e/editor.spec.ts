// The playground's YAML editor on the built site: Monaco with the Kubernetes schema and the
// apiserver's own checks as markers, Apply through the terminal, edits kept across reloads, and
// the plain editor on narrow screens with the same messages.
import { expect, test, type Page } from '@playwright/test';
import { openPlayground, outputOf, run, terminalText } from './playground.ts';

const PAGE = '/en/playground/';

async function openEditor(page: Page, mode: 'monaco' | 'plain' = 'monaco'): Promise<void> {
  await openPlayground(page, PAGE);
  await expect(page.locator('.asl-editor')).toHaveAttribute('data-mode', mode, { timeout: 30_000 });
  if (mode === 'monaco') await expect(page.locator('.asl-editor .monaco-editor .view-lines')).toContainText('groupPriorityMinimum');
}

const problems = (page: Page) => page.locator('.asl-editor__problems li');

/** Puts the caret at the end of a 1-based line of the Monaco editor. */
async function endOfLine(page: Page, line: number): Promise<void> {
  await page.locator('.asl-editor .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
}

/** Replaces the value after `key: ` on a line of the Monaco editor. */
async function setValueOnLine(page: Page, line: number, key: string, value: string): Promise<void> {
  await endOfLine(page, line);
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type(`${key}: ${value}`);
}

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (error) => console.error('page error:', error.message));
});

test('the lesson file opens in Monaco with no problems; Monaco CSS is linked only now', async ({ page }) => {
  await openEditor(page);
  await expect(page.getByRole('tab', { name: 'apiservice.yaml' })).toHaveAttribute('aria-selected', 'true');
  await expect(problems(page)).toHaveText(['No problems found.']);
  // The stylesheet came with the editor, not with the page.
  await expect(page.locator('link#apiservice-lab-monaco-css')).toHaveAttribute('href', /\/_astro\/monaco\.[0-9a-f]+\.css$/);
  // Only the YAML worker and Monaco's editor worker: no JSON/CSS/HTML/TypeScript workers.
  const workers = page.workers().map((w) => w.url());
  expect(workers.every((u) => /yaml\.worker|editor\.worker/.test(u)), workers.join('\n')).toBe(true);
});

test('groupPriorityMinimum: 0 and a name that is not version.group are marked, in kube-aggregator’s words', async ({ page }) => {
  await openEditor(page);
  await setValueOnLine(page, 8, 'groupPriorityMinimum', '0');
  await expect(problems(page)).toContainText(['Line 8, column 25: spec.groupPriorityMinimum: Invalid value: 0: must be positive and less than 20000']);
  await setValueOnLine(page, 4, 'name', 'example');
  await expect(problems(page)).toContainText([
    'Line 4, column 9: metadata.name: Invalid value: "example": must be `spec.version+"."+spec.group`: "v1alpha1.demo.example.com"',
  ]);
  // Drawn in the editor as error squiggles on those lines.
  await expect(page.locator('.asl-editor .monaco-editor .squiggly-error')).toHaveCount(2);
});

test('the schema from the OpenAPI marks wrong types and unknown fields, offers completion and hover docs', async ({ page }) => {
  await openEditor(page);
  await setValueOnLine(page, 9, 'versionPriority', 'high');
  await expect(problems(page)).toContainText(['Incorrect type. Expected "integer".']);
  await setValueOnLine(page, 9, 'versionPriorty', '15');
  await expect(problems(page)).toContainText(['Property versionPriorty is not allowed.']);
  await setValueOnLine(page, 9, 'versionPriority', '15');
  await expect(problems(page)).toHaveText(['No problems found.']);

  // Completion: a new key under spec offers the APIServiceSpec fields.
  await endOfLine(page, 9);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.asl-editor .suggest-widget');
  await expect(suggest).toBeVisible();
  await expect(suggest).toContainText('caBundle');
  await page.keyboard.press('Escape');

  // Hover on a key shows its description from the OpenAPI.
  await page.locator('.asl-editor .view-line', { hasText: 'groupPriorityMinimum' }).locator('span', { hasText: 'groupPriorityMinimum' }).first().hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'GroupPriorityMinimum is the priority this group should have at least' })).toBeVisible();
});

test('a marker shows its message on hover; find (Ctrl+F) counts matches; undo takes an edit back', async ({ page }) => {
  await openEditor(page);
  await setValueOnLine(page, 8, 'groupPriorityMinimum', '0');
  await expect(page.locator('.asl-editor .monaco-editor .squiggly-error')).toHaveCount(1);
  await page.locator('.asl-editor .view-line', { hasText: 'groupPriorityMinimum: 0' }).locator('span span', { hasText: /^0$/ }).hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'must be positive and less than 20000' })).toBeVisible();

  await page.locator('.asl-editor .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+f');
  const find = page.locator('.asl-editor .find-widget');
  await expect(find).toBeVisible();
  await page.keyboard.type('example.com');
  await expect(find.locator('.matchesCount')).toHaveText(/of 2$/);
  await page.keyboard.press('Escape');
  await expect(find).not.toHaveClass(/visible/);

  await endOfLine(page, 9);
  await page.keyboard.type('7');
  await expect(page.locator('.asl-editor .view-line', { hasText: 'versionPriority' })).toContainText('versionPriority: 157');
  await page.keyboard.press('Control+z');
  await expect(page.locator('.asl-editor .view-line', { hasText: 'versionPriority' })).toContainText(/versionPriority:\s15$/);
});

test('Apply runs kubectl apply -f in the terminal and creates the APIService', async ({ page }) => {
  await openEditor(page);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.locator('[data-playground-status]')).toContainText('back to the');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect.poll(async () => outputOf(await terminalText(page), 'kubectl apply -f apiservice.yaml')).toBe(
    'apiservice.apiregistration.k8s.io/v1alpha1.demo.example.com created',
  );
  expect(await run(page, 'kubectl get apiservice v1alpha1.demo.example.com')).toMatch(/^NAME\s+SERVICE\s+AVAILABLE\s+AGE\nv1alpha1\.demo\.example\.com\s+default\/custom-api-server\s+/);
});

test('Apply sends the edited text; an invalid object is refused by the apiserver with the same words', async ({ page }) => {
  await openEditor(page);
  await setValueOnLine(page, 8, 'groupPriorityMinimum', '0');
  await expect(problems(page)).toContainText(['spec.groupPriorityMinimum: Invalid value: 0']);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect.poll(async () => outputOf(await terminalText(page), 'kubectl apply -f apiservice.yaml')).toContain(
    'spec.groupPriorityMinimum: Invalid value: 0: must be positive and less than 20000',
  );
});

test('edits survive a reload; Revert restores the lesson’s file', async ({ page }) => {
  await openEditor(page);
  await setValueOnLine(page, 8, 'groupPriorityMinimum', '0');
  await expect(problems(page)).toContainText(['spec.groupPriorityMinimum: Invalid value: 0']);
  await page.reload();
  await openEditor(page);
  await expect(page.locator('.asl-editor .monaco-editor .view-lines')).toContainText('groupPriorityMinimum: 0');
  await expect(problems(page)).toContainText(['spec.groupPriorityMinimum: Invalid value: 0']);
  // kubectl reads the edited file too.
  expect(await run(page, 'cat apiservice.yaml | grep groupPriorityMinimum')).toBe('  groupPriorityMinimum: 0');
  await page.getByRole('button', { name: 'Revert' }).click();
  await expect(problems(page)).toHaveText(['No problems found.']);
  await expect(page.locator('.asl-editor .monaco-editor .view-lines')).toContainText('groupPriorityMinimum: 1000');
});

test.describe('on a narrow screen', () => {
  test.use({ viewport: { width: 420, height: 900 }, hasTouch: true, isMobile: true });

  test('a plain textarea with the same checks, listed and tied to it', async ({ page }) => {
    await openEditor(page, 'plain');
    const area = page.getByRole('textbox', { name: 'apiservice.yaml (YAML)' });
    await expect(area).toHaveValue(/groupPriorityMinimum: 1000/);
    await expect(problems(page)).toHaveText(['No problems found.']);
    const text = await area.inputValue();
    await area.fill(text.replace('groupPriorityMinimum: 1000', 'groupPriorityMinimum: 0').replace('name: v1alpha1.demo.example.com', 'name: example'));
    await expect(problems(page)).toHaveText([
      'Line 4, column 9: metadata.name: Invalid value: "example": must be `spec.version+"."+spec.group`: "v1alpha1.demo.example.com"',
      'Line 8, column 25: spec.groupPriorityMinimum: Invalid value: 0: must be positive and less than 20000',
    ]);
    const describedBy = await area.getAttribute('aria-describedby');
    await expect(page.locator(`#${describedBy} li`)).toHaveCount(2);
    // The schema's rules too, in the same words Monaco's YAML worker uses.
    await area.fill(text.replace('versionPriority: 15', 'versionPriority: high').replace('  insecureSkipTLSVerify: true\n', '  insecureSkipTLSVerify: true\n  priority: 1\n'));
    await expect(problems(page)).toContainText([
      'Line 9, column 20: Incorrect type. Expected "integer".',
      'Line 9, column 20: spec.versionPriority: Invalid value: 0: must be positive and less than 1000',
      'Line 15, column 3: Property priority is not allowed.',
    ]);
    await area.fill(text.replace('groupPriorityMinimum: 1000', 'groupPriorityMinimum: 0').replace('name: v1alpha1.demo.example.com', 'name: example'));
    // No Monaco on this page.
    await expect(page.locator('.monaco-editor')).toHaveCount(0);
    await page.reload();
    await openEditor(page, 'plain');
    await expect(page.getByRole('textbox', { name: 'apiservice.yaml (YAML)' })).toHaveValue(/groupPriorityMinimum: 0/);
  });
});
