// The request-flow diagram on the built site: drawn from the cluster's APIServices, each kubectl
// request shown along its route (proxied to an extension server, or served locally), the last
// requests listed as text, unavailable APIServices as broken links with their reason.
import { expect, test, type Page } from '@playwright/test';
import { openPlayground, runCommand as run, writeFile } from './playground.ts';

const PAGE = '/en/playground/';
const METRICS = 'extension:kube-system/metrics-server:443';

async function openDiagram(page: Page): Promise<void> {
  await openPlayground(page, PAGE);
  await expect(page.locator(`.asl-diagram [data-node="${METRICS}"]`)).toBeVisible({ timeout: 30_000 });
}

async function applyYaml(page: Page, name: string, yaml: string): Promise<void> {
  await writeFile(page, name, yaml);
  await run(page, `kubectl apply -f ${name}`);
}

const log = (page: Page) => page.locator('.asl-diagram__log li');

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (error) => console.error('page error:', error.message));
});

test('draws kubectl, kube-apiserver, the local handlers and each extension server', async ({ page }) => {
  await openDiagram(page);
  const nodes = await page.locator('.asl-diagram [data-node]').evaluateAll((els) => els.map((e) => e.getAttribute('data-node')));
  expect(nodes).toEqual(['kubectl', 'kube-apiserver', 'local', 'extension:default/custom-api-server:443', METRICS]);
  await expect(page.locator('.asl-diagram [data-node="local"]')).toContainText('20 Local APIServices');
  await expect(page.locator(`.asl-diagram [data-node="${METRICS}"]`)).toContainText('v1beta1.metrics.k8s.io');
  await expect(page.locator('.asl-diagram__edge--broken')).toHaveCount(0);
  await expect(page.getByRole('img', { name: /Request flow through the aggregation layer/ })).toBeVisible();
});

test('kubectl top nodes is proxied to kube-system/metrics-server:443; kubectl get pods is served locally', async ({ page }) => {
  await openDiagram(page);
  await run(page, 'kubectl top nodes');
  const proxied = log(page).filter({ hasText: 'GET /apis/metrics.k8s.io/v1beta1/nodes 200' });
  await expect(proxied).toHaveText(['GET /apis/metrics.k8s.io/v1beta1/nodes 200 → proxied to kube-system/metrics-server:443 (v1beta1.metrics.k8s.io)']);
  await expect(proxied).toHaveAttribute('data-route', METRICS);
  await expect(page.locator(`.asl-diagram [data-edge="kube-apiserver->${METRICS}"]`)).toHaveClass(/asl-diagram__edge--active-ok/);

  await run(page, 'kubectl get pods');
  const local = log(page).last();
  await expect(local).toHaveText('GET /api/v1/namespaces/default/pods?limit=500 200 → local v1.');
  await expect(local).toHaveAttribute('data-route', 'local');
  await expect(page.locator('.asl-diagram [data-edge="kube-apiserver->local"]')).toHaveClass(/asl-diagram__edge--active-ok/);
  await expect(page.locator(`.asl-diagram [data-edge="kube-apiserver->${METRICS}"]`)).not.toHaveClass(/active/);
  // The list is live for screen readers, and green/red follow the status.
  await expect(page.locator('.asl-diagram__log')).toHaveAttribute('aria-live', 'polite');
  await expect(local.locator('.asl-diagram__status--ok')).toHaveText('200');
});

test('a 404 is red, and only the last 20 requests are listed', async ({ page }) => {
  await openDiagram(page);
  await run(page, 'kubectl get --raw /apis/nope.example.com/v1');
  const missing = log(page).filter({ hasText: '/apis/nope.example.com/v1' }).last();
  await expect(missing.locator('.asl-diagram__status--error')).toHaveText('404');
  // Three requests each (discovery is cached after the first command): more than 20 in all.
  for (let i = 0; i < 8; i++) await run(page, 'kubectl get pods,services,deployments');
  await expect(log(page)).toHaveCount(20);
});

test('an APIService whose Service is missing is drawn as a broken link with its reason; names are text', async ({ page }) => {
  await openDiagram(page);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.locator('[data-playground-status]')).toContainText('back to the');
  await applyYaml(
    page,
    'broken.yaml',
    `apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  name: v1.broken.example.com
spec:
  group: broken.example.com
  version: v1
  groupPriorityMinimum: 100
  versionPriority: 10
  insecureSkipTLSVerify: true
  service:
    namespace: default
    name: "<img src=x onerror=window.__injected=1>"
`,
  );
  const id = 'extension:default/<img src=x onerror=window.__injected=1>:443';
  const node = page.locator('.asl-diagram [data-node]').filter({ hasText: 'v1.broken.example.com' });
  await expect(node).toHaveAttribute('data-node', id);
  await expect(page.locator('.asl-diagram__edge--broken')).toHaveCount(1);
  await expect(page.locator('.asl-diagram__edge-label')).toContainText('v1.broken.example.com: ServiceNotFound');
  await expect(page.locator('.asl-diagram img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
});

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('the path is highlighted without a moving dot', async ({ page }) => {
    await openDiagram(page);
    await run(page, 'kubectl top nodes');
    await expect(page.locator(`.asl-diagram [data-edge="kube-apiserver->${METRICS}"]`)).toHaveClass(/asl-diagram__edge--active-ok/);
    await expect(page.locator('.asl-diagram__flash')).toContainText(['GET /apis/metrics.k8s.io/v1beta1/nodes 200']);
    await expect(page.locator('.asl-diagram circle')).toHaveCount(0);
  });
});

test('without reduced motion a dot travels the path', async ({ page }) => {
  await openDiagram(page);
  await page.evaluate(() => {
    // Record the dot as soon as it appears: it is removed once it arrives.
    (window as unknown as { __dots: number }).__dots = 0;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if ((n as Element).tagName === 'circle') (window as unknown as { __dots: number }).__dots++;
    }).observe(document.querySelector('.asl-diagram__motion')!, { childList: true });
  });
  await run(page, 'kubectl top nodes');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __dots: number }).__dots)).toBeGreaterThan(0);
});
