// apply, create, delete and scale against the in-process cluster: the requests they send
// (compared with the real kubectl's recorded request sequences and bodies), what they print,
// and the pieces under them (YAML documents and go-yaml's errors, the three-way patches).

import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/sim/clock.ts';
import { createCluster } from '../../../src/sim/cluster.ts';
import { runKubectl, type KubectlResult } from '../../../src/kubectl/run.ts';
import { Klog } from '../../../src/kubectl/klog.ts';
import { RESTClient } from '../../../src/kubectl/rest/client.ts';
import { goMarshal, readDocuments, splitYAMLDocuments } from '../../../src/kubectl/resource/manifest.ts';
import { OpenAPIV3 } from '../../../src/kubectl/resource/openapi.ts';
import { threeWayJSONMergePatch, threeWayStrategicMergePatch } from '../../../src/kubectl/resource/patch.ts';
import { fidelityOutput } from './fixtures.ts';
import { readScenario } from '../../../scripts/lib/scenarios.ts';

interface RecordedRequest {
  method: string;
  path: string;
  accept: string;
  contentType?: string;
  body?: unknown;
}

const recordings = JSON.parse(readFileSync('/work/shared/fidelity/kubectl-requests.json', 'utf8')) as {
  results: { id: string; requests: RecordedRequest[] }[];
};
/** The recorded requests without the response status (we record requests only). */
const recorded = (id: string) =>
  recordings.results.find((r) => r.id === id)!.requests.map(({ method, path, accept, contentType, body }) => ({
    method,
    path,
    accept,
    ...(contentType ? { contentType } : {}),
    ...(body !== undefined && body !== null ? { body } : {}),
  }));

const metricsYAML = (versionPriority: number) =>
  `apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  labels:
    k8s-app: metrics-server
  name: v1beta1.metrics.k8s.io
spec:
  group: metrics.k8s.io
  groupPriorityMinimum: 100
  insecureSkipTLSVerify: true
  service:
    name: metrics-server
    namespace: kube-system
  version: v1beta1
  versionPriority: ${versionPriority}
`;

const files: Record<string, string> = {
  'metrics-apiservice.yaml': metricsYAML(100),
  'metrics-apiservice-vp50.yaml': metricsYAML(50),
  'wardle-ok.yaml': `apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  name: v1alpha1.wardle.example.com
spec:
  group: wardle.example.com
  groupPriorityMinimum: 1000
  insecureSkipTLSVerify: true
  service:
    name: api
    namespace: wardle
  version: v1alpha1
  versionPriority: 15
`,
  'typo-field.yaml': `apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  name: v1alpha1.wardle.example.com
spec:
  group: wardle.example.com
  groupPriorityMinimun: 1000
  service:
    name: api
    namespace: wardle
  version: v1alpha1
  versionPriority: 15
`,
};

let requests: RecordedRequest[];
let kubectl: (args: string[], stdin?: string) => Promise<KubectlResult>;

beforeEach(async () => {
  const clock = new ManualClock('2026-11-26T12:00:00Z');
  const cluster = await createCluster({ clock, scenario: readScenario('default') });
  requests = [];
  const recordingFetch = async (req: Request) => {
    const url = new URL(req.url);
    const text = req.method === 'GET' ? '' : await req.clone().text();
    const entry: RecordedRequest = { method: req.method, path: url.pathname + url.search, accept: req.headers.get('accept') ?? '' };
    if (req.headers.get('content-type')) entry.contentType = req.headers.get('content-type')!;
    if (text) entry.body = JSON.parse(text);
    requests.push(entry);
    return cluster.fetch(req);
  };
  kubectl = (args, stdin) =>
    runKubectl(args, {
      fetch: recordingFetch,
      server: 'http://127.0.0.1:8080',
      files: { readFile: (name) => files[name] },
      stdin,
      now: () => new Date(clock.now()),
      pid: 4242,
      kubeconfigPath: '',
    });
});

describe('kubectl apply', () => {
  it('creates, leaves unchanged and configures with the requests and bodies the real kubectl sends', async () => {
    await kubectl(['delete', 'apiservice', 'v1beta1.metrics.k8s.io']);
    const steps: [string, string, string][] = [
      ['metrics-apiservice.yaml', 'apply-create', 'apply-create.stdout.txt'],
      ['metrics-apiservice.yaml', 'apply-unchanged', 'apply-unchanged.stdout.txt'],
      ['metrics-apiservice-vp50.yaml', 'apply-configured', 'apply-configured.stdout.txt'],
      ['metrics-apiservice.yaml', 'v6-apply-configured-back-1.32', 'v6-apply-configured-back-1.32.stdout.txt'],
    ];
    for (const [file, id, stdout] of steps) {
      requests = [];
      const result = await kubectl(['apply', '-f', file]);
      expect(result).toEqual({ stdout: fidelityOutput(stdout), stderr: '', code: 0 });
      // The recording's hash belongs to the recorded server's document; ours is the sim's.
      const withoutHash = (rs: RecordedRequest[]) => rs.map((r) => ({ ...r, path: r.path.replace(/hash=[0-9A-F]+/, 'hash=H') }));
      expect(withoutHash(requests)).toEqual(withoutHash(recorded(id)));
    }
  });

  it('warns when the live object has no last-applied configuration, and patches only what differs', async () => {
    const result = await kubectl(['apply', '-f', 'metrics-apiservice-vp50.yaml']);
    expect(result.stdout).toBe('apiservice.apiregistration.k8s.io/v1beta1.metrics.k8s.io configured\n');
    expect(result.stderr).toBe(
      'Warning: resource apiservices/v1beta1.metrics.k8s.io is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
    const patch = requests.find((r) => r.method === 'PATCH')!;
    expect(patch.contentType).toBe('application/strategic-merge-patch+json');
    expect((patch.body as { spec: unknown }).spec).toEqual({ versionPriority: 50 });
  });

  it('reads -f - from stdin and names it STDIN in errors', async () => {
    expect((await kubectl(['apply', '-f', '-'], files['wardle-ok.yaml'])).stdout).toBe('apiservice.apiregistration.k8s.io/v1alpha1.wardle.example.com created\n');
    expect(await kubectl(['apply', '-f', '-'], 'a: b\n c: d\n')).toEqual({
      stdout: '',
      stderr: 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context\n',
      code: 1,
    });
  });

  it('skips the OpenAPI requests with --validate=false and tells the server to ignore unknown fields', async () => {
    const result = await kubectl(['apply', '-f', 'typo-field.yaml', '--validate=false']);
    expect(result).toEqual({ stdout: '', stderr: fidelityOutput('apply-typo-field-validate-false.stderr.txt'), code: 1 });
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(recorded('apply-typo-field-validate-false').map((r) => `${r.method} ${r.path}`));
  });

  it('reports the strict decoding error of an unknown field as the real kubectl does', async () => {
    expect(await kubectl(['apply', '-f', 'typo-field.yaml'])).toEqual({ stdout: '', stderr: fidelityOutput('apply-typo-field-strict.stderr.txt'), code: 1 });
  });
});

describe('kubectl create, delete and scale', () => {
  it('create POSTs without a GET and reports AlreadyExists with the file name', async () => {
    expect((await kubectl(['create', '-f', 'wardle-ok.yaml'])).stdout).toBe(fidelityOutput('create-ok.stdout.txt'));
    expect(requests.map((r) => r.method)).toEqual(recorded('create-ok').map((r) => r.method));
    expect(requests.at(-1)!.body).toEqual(recorded('create-ok').at(-1)!.body);
    expect(await kubectl(['create', '-f', 'wardle-ok.yaml'])).toEqual({ stdout: '', stderr: fidelityOutput('create-already-exists.stderr.txt'), code: 1 });
  });

  it('delete sends the background propagation policy, then waits until the object is gone', async () => {
    await kubectl(['create', '-f', 'wardle-ok.yaml']);
    requests = [];
    expect(await kubectl(['delete', 'apiservice', 'v1alpha1.wardle.example.com'])).toEqual({
      stdout: fidelityOutput('delete-apiservice.stdout.txt'),
      stderr: '',
      code: 0,
    });
    expect(requests).toEqual(recorded('delete-apiservice'));
    expect(await kubectl(['delete', 'apiservice', 'v1alpha1.wardle.example.com', '--ignore-not-found'])).toEqual({ stdout: '', stderr: '', code: 0 });
  });

  it('delete -l lists with the selector and deletes each; --force sends a zero grace period', async () => {
    requests = [];
    expect(await kubectl(['delete', 'pods', '-l', 'app=web', '--force'])).toEqual({
      stdout: 'pod "web-68b8f9876b-rckgn" force deleted\npod "web-68b8f9876b-v95vc" force deleted\n',
      stderr:
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      code: 0,
    });
    expect(requests.find((r) => r.method === 'GET' && r.path.includes('labelSelector'))?.path).toBe('/api/v1/namespaces/default/pods?labelSelector=app%3Dweb');
    expect(requests.filter((r) => r.method === 'DELETE').map((r) => r.body)).toEqual([
      { gracePeriodSeconds: 0, propagationPolicy: 'Background' },
      { gracePeriodSeconds: 0, propagationPolicy: 'Background' },
    ]);
    expect(await kubectl(['delete', 'pods', '-l', 'app=nothing'])).toEqual({ stdout: 'No resources found\n', stderr: '', code: 0 });
  });

  it('scale fetches the object, then merge-patches its scale subresource', async () => {
    expect((await kubectl(['scale', 'deploy/web', '--replicas=3'])).stdout).toBe('deployment.apps/web scaled\n');
    const patch = requests.at(-1)!;
    expect(patch).toMatchObject({ method: 'PATCH', path: '/apis/apps/v1/namespaces/default/deployments/web/scale', contentType: 'application/merge-patch+json', body: { spec: { replicas: 3 } } });
    expect(requests.at(-2)).toMatchObject({ method: 'GET', path: '/apis/apps/v1/namespaces/default/deployments/web' });
    expect((await kubectl(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'])).stdout).toBe('3');
  });
});

describe('YAML documents as kubectl reads them', () => {
  it('splits at --- lines, skipping empty documents', () => {
    expect(splitYAMLDocuments('a: 1\n---\nb: 2\n--- # comment\n---x: 3\n')).toEqual(['a: 1\n', 'b: 2\n', '---x: 3\n']);
    expect(readDocuments('---\na: 1\n---\n\n---\nb: yes\n').values).toEqual([{ a: 1 }, { b: true }]);
  });

  it('reads a stream of JSON objects', () => {
    expect(readDocuments('{"a":1}\n{"b":[2]}').values).toEqual([{ a: 1 }, { b: [2] }]);
  });

  it("gives go-yaml's messages and line numbers for common mistakes", () => {
    const error = (text: string) => readDocuments(text).error?.message;
    // Recorded from kubectl 1.32: a parser error names the 0-based line, a scanner error the 1-based one.
    expect(error('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n spec: 1\n')).toBe('error converting YAML to JSON: yaml: line 4: did not find expected key');
    expect(error('apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n')).toBe('error converting YAML to JSON: yaml: line 4: found character that cannot start any token');
    expect(error('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  a: "x\n')).toBe('error converting YAML to JSON: yaml: line 7: found unexpected end of stream');
    // On the first line go-yaml names no line at all.
    expect(error('a: b: c\n')).toBe('error converting YAML to JSON: yaml: mapping values are not allowed in this context');
    expect(error('a:\n  - x\n  y: 1\n')).toBe("error converting YAML to JSON: yaml: line 2: did not find expected '-' indicator");
    expect(error('a: [1, 2\n')).toBe("error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'");
    expect(error('a: {b: 1\nc: 2\n')).toBe("error converting YAML to JSON: yaml: line 1: did not find expected ',' or '}'");
    expect(error('a: b\n- c\n')).toBe('error converting YAML to JSON: yaml: line 1: did not find expected key');
  });

  it('marshals as Go does: sorted keys, HTML characters escaped', () => {
    expect(goMarshal({ b: 1, a: ['<x>', null, true], c: { '&': 'é' } })).toBe('{"a":["\\u003cx\\u003e",null,true],"b":1,"c":{"\\u0026":"é"}}');
  });
});

describe('three-way patches', () => {
  it('builds the strategic merge patch the real kubectl sent for a Deployment (merge keys, retainKeys, deletions)', async () => {
    const clock = new ManualClock('2026-11-26T12:00:00Z');
    const cluster = await createCluster({ clock, scenario: readScenario('default') });
    const client = new RESTClient(cluster.fetch, 'http://127.0.0.1:8080', new Klog(0, { now: () => new Date(), pid: 1 }, () => {}), () => new Date());
    const schema = await new OpenAPIV3(client).strategicSchema({ group: 'apps', version: 'v1', kind: 'Deployment' });
    if (typeof schema !== 'object') throw new Error(`no Deployment schema: ${schema}`);
    const container = (image: string, extra: Record<string, unknown> = {}) => ({ image, name: 'nginx', ...extra });
    const original = {
      metadata: { labels: { app: 'web' }, name: 'web' },
      spec: {
        replicas: 3,
        strategy: { type: 'Recreate' },
        template: { spec: { containers: [container('nginx:1.28', { ports: [{ containerPort: 80 }] }), { name: 'sidecar', image: 'busybox' }] } },
      },
    };
    const modified = { metadata: { name: 'web' }, spec: { replicas: 2, template: { spec: { containers: [container('nginx:1.27')] } } } };
    const current = {
      metadata: { labels: { app: 'web' }, name: 'web', uid: 'u' },
      spec: {
        replicas: 3,
        strategy: { type: 'Recreate' },
        template: { spec: { containers: [container('nginx:1.28', { ports: [{ containerPort: 80 }], imagePullPolicy: 'IfNotPresent' }), { name: 'sidecar', image: 'busybox' }] } },
      },
    };
    // What kubectl 1.32 sent for the same change (recorded with -v=8, annotation left out).
    expect(goMarshal(threeWayStrategicMergePatch(original, modified, current, schema))).toBe(
      '{"metadata":{"labels":null},"spec":{"replicas":2,"strategy":null,"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.27","name":"nginx","ports":null},{"$patch":"delete","name":"sidecar"}]}}}}',
    );
    expect(goMarshal(threeWayStrategicMergePatch(modified, modified, { ...modified, status: {} }, schema))).toBe('{}');
  });

  it('uses a JSON merge patch without a schema: lists replaced, dropped fields nulled', () => {
    const original = { spec: { rack: 'A', servers: [{ slot: 1 }], note: 'x' } };
    const modified = { spec: { rack: 'B', servers: [{ slot: 2 }] } };
    const current = { spec: { rack: 'A', servers: [{ slot: 1 }], note: 'x', extra: 1 }, status: {} };
    expect(goMarshal(threeWayJSONMergePatch(original, modified, current))).toBe('{"spec":{"note":null,"rack":"B","servers":[{"slot":2}]}}');
  });
});
