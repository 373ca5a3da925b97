import { describe, expect, it } from 'vitest';
import { invalidObject } from '../../../src/sim/errors.ts';
import { formatFieldError } from '../../../src/sim/fielderrors.ts';
import { decodeAPIService } from '../../../src/sim/apiregistration/decode.ts';
import { createAPIServiceType } from '../../../src/sim/apiregistration/index.ts';
import { validateAPIService, validateAPIServiceUpdate } from '../../../src/sim/apiregistration/validation.ts';
import { ManualClock } from '../../../src/sim/clock.ts';
import type { KubeObject } from '../../../src/sim/types.ts';
import { fidelityJson, recordedBody } from './fixtures.ts';

const vectors = fidelityJson('validation.json');
const apiServiceType = createAPIServiceType(new ManualClock('2026-11-26T16:00:00Z'));

/** What the apiserver runs on a create body: decode, default, PrepareForCreate, Validate. */
function createPipeline(body: unknown): { obj: KubeObject; errors: ReturnType<typeof validateAPIService> } {
  const decoded = decodeAPIService(structuredClone(body));
  if (!decoded.ok) throw new Error(decoded.message);
  apiServiceType.defaults!(decoded.obj);
  apiServiceType.prepareForCreate!(decoded.obj);
  return { obj: decoded.obj, errors: apiServiceType.validate!(decoded.obj) };
}

/** kubectl's rendering of a 422 from details.causes (checkErr / MultilineError). */
function kubectlStderr(status: ReturnType<typeof invalidObject>['status']): string {
  const causes = status.details?.causes ?? [];
  const header = `The ${status.details?.kind} "${status.details?.name}" is invalid: `;
  if (causes.length === 1) return `${header}${causes[0].field}: ${causes[0].message}\n`;
  return `${header}\n${causes.map((c) => `* ${c.field}: ${c.message}\n`).join('')}`;
}

describe('ValidateAPIService against validation.json', () => {
  it('has vectors to check', () => {
    expect(vectors.cases.length).toBeGreaterThanOrEqual(24);
  });

  for (const c of vectors.cases) {
    it(`${c.id}: ${c.description}`, () => {
      const { obj, errors } = createPipeline(c.input);
      expect(errors.map(formatFieldError)).toEqual(c.expectedFieldErrors.map((e: { message: string }) => e.message));
      expect(errors.map((e) => e.type)).toEqual(c.expectedFieldErrors.map((e: { type: string }) => e.type));
      expect(errors.length === 0).toBe(c.valid);
      if (c.expectedStatus) {
        const status = invalidObject('APIService', 'apiregistration.k8s.io', obj.metadata.name ?? '', errors).status;
        expect(status).toEqual(c.expectedStatus);
        expect(JSON.stringify(status)).toBe(JSON.stringify(c.expectedStatus));
      }
      if (c.expectedKubectlStderr) {
        const status = invalidObject('APIService', 'apiregistration.k8s.io', obj.metadata.name ?? '', errors).status;
        expect(kubectlStderr(status)).toBe(c.expectedKubectlStderr);
      }
    });
  }
});

describe('ObjectMeta rules', () => {
  const base = vectors.cases.find((c: { id: string }) => c.id === 'valid-cabundle').input as KubeObject;

  it('reports both "/" and "%" in a name, and skips the version.group check', () => {
    const { errors } = createPipeline({ ...base, metadata: { name: 'v1/x%y' } });
    expect(errors.map(formatFieldError)).toEqual([
      `metadata.name: Invalid value: "v1/x%y": may not contain '/'`,
      `metadata.name: Invalid value: "v1/x%y": may not contain '%'`,
    ]);
  });

  it('fails a generated name on both generateName and name', () => {
    // The apiserver appends five random characters before validating.
    const obj = structuredClone(base);
    obj.metadata = { generateName: 'v1.wardle.example.com-', name: 'v1.wardle.example.com-x7k2q' };
    const messages = validateAPIService(obj).map(formatFieldError);
    expect(messages).toEqual([
      'metadata.generateName: Invalid value: "v1.wardle.example.com-": must be `spec.version+"."+spec.group`: "v1.wardle.example.com"',
      'metadata.name: Invalid value: "v1.wardle.example.com-x7k2q": must be `spec.version+"."+spec.group`: "v1.wardle.example.com"',
    ]);
  });

  it('validates label keys and values, and annotation keys', () => {
    const { errors } = createPipeline({ ...base, metadata: { name: 'v1.wardle.example.com', labels: { 'a/b/c': 'ok', good: '-bad' }, annotations: { '/x': 'anything' } } });
    expect(errors.map(formatFieldError)).toEqual([
      `metadata.labels: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      `metadata.labels: Invalid value: "-bad": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      'metadata.annotations: Invalid value: "/x": prefix part must be non-empty',
    ]);
  });

  it('accepts the labels and annotations kubectl and the control plane write', () => {
    const { errors } = createPipeline({
      ...base,
      metadata: { name: 'v1.wardle.example.com', labels: { 'kube-aggregator.kubernetes.io/automanaged': 'onstart', 'k8s-app': '' }, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
    });
    expect(errors).toEqual([]);
  });

  it('accepts priorities at the inclusive upper bounds', () => {
    const { errors } = createPipeline({ ...base, spec: { ...(base.spec as object), groupPriorityMinimum: 20000, versionPriority: 1000 } });
    expect(errors).toEqual([]);
  });
});

describe('ValidateAPIServiceUpdate', () => {
  const { obj: stored } = createPipeline(vectors.cases.find((c: { id: string }) => c.id === 'valid-metrics-server').input);
  stored.metadata.uid = 'b7a3d3f6-5c1e-4f0b-9a52-8f1c2e9d4a11';
  stored.metadata.resourceVersion = '48213';

  it('lets priorities change', () => {
    const next = structuredClone(stored);
    (next.spec as { versionPriority: number }).versionPriority = 50;
    expect(validateAPIServiceUpdate(next, stored)).toEqual([]);
  });

  it('makes spec.version effectively immutable: the name no longer matches', () => {
    const next = structuredClone(stored);
    (next.spec as { version: string }).version = 'v1';
    expect(validateAPIServiceUpdate(next, stored).map(formatFieldError)).toEqual([
      'metadata.name: Invalid value: "v1beta1.metrics.k8s.io": must be `spec.version+"."+spec.group`: "v1.metrics.k8s.io"',
    ]);
  });

  it('reports a changed uid as immutable before the spec rules', () => {
    const next = structuredClone(stored);
    next.metadata.uid = 'other';
    (next.spec as { groupPriorityMinimum: number }).groupPriorityMinimum = 0;
    expect(validateAPIServiceUpdate(next, stored).map(formatFieldError)).toEqual([
      'metadata.uid: Invalid value: "other": field is immutable',
      'spec.groupPriorityMinimum: Invalid value: 0: must be positive and less than 20000',
    ]);
  });
});

describe('decodeAPIService', () => {
  const body = recordedBody('create-ok', 'POST') as KubeObject;

  it('drops unknown fields, so a typo with --validate=false ends in the 422 of validation.json', () => {
    const typo = recordedBody('apply-typo-field-validate-false', 'POST');
    const decoded = decodeAPIService(typo);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    apiServiceType.defaults!(decoded.obj);
    apiServiceType.prepareForCreate!(decoded.obj);
    const status = invalidObject('APIService', 'apiregistration.k8s.io', decoded.obj.metadata.name!, apiServiceType.validate!(decoded.obj)).status;
    const vector = vectors.decodeErrors.find((d: { id: string }) => d.id === 'unknown-field-validate-false');
    expect(kubectlStderr(status)).toBe(vector.expectedKubectlStderr);
  });

  const typeErrors: [string, (b: any) => void, string][] = [
    ['a string priority', (b) => (b.spec.groupPriorityMinimum = '100'), 'json: cannot unmarshal string into Go struct field APIServiceSpec.spec.groupPriorityMinimum of type int32'],
    ['a fractional priority', (b) => (b.spec.versionPriority = 1.5), 'json: cannot unmarshal number 1.5 into Go struct field APIServiceSpec.spec.versionPriority of type int32'],
    ['an int32 overflow', (b) => (b.spec.versionPriority = 3000000000), 'json: cannot unmarshal number 3000000000 into Go struct field APIServiceSpec.spec.versionPriority of type int32'],
    ['a string port', (b) => (b.spec.service.port = '443'), 'json: cannot unmarshal string into Go struct field ServiceReference.spec.service.port of type int32'],
    ['a string bool', (b) => (b.spec.insecureSkipTLSVerify = 'true'), 'json: cannot unmarshal string into Go struct field APIServiceSpec.spec.insecureSkipTLSVerify of type bool'],
    ['a numeric label', (b) => (b.metadata.labels = { tier: 5 }), 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
    ['a string service', (b) => (b.spec.service = 'api'), 'json: cannot unmarshal string into Go struct field APIServiceSpec.spec.service of type v1.ServiceReference'],
    ['a bad caBundle', (b) => (b.spec.caBundle = 'not base64!'), 'illegal base64 data at input byte 3'],
    ['a caBundle without padding', (b) => (b.spec.caBundle = 'aGVsbG8'), 'illegal base64 data at input byte 4'],
    ['a creationTimestamp that is not RFC 3339', (b) => (b.metadata.creationTimestamp = 'yesterday'), 'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"'],
    ['a numeric creationTimestamp', (b) => (b.metadata.creationTimestamp = 5), 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string'],
    ['a condition time out of range', (b) => (b.status = { conditions: [{ type: 'Available', lastTransitionTime: '2026-13-01T00:00:00Z' }] }), 'parsing time "2026-13-01T00:00:00Z": month out of range'],
  ];
  for (const [what, mutate, error] of typeErrors) {
    it(`rejects ${what} with the decoder's 400 message`, () => {
      const bad = structuredClone(body) as any;
      mutate(bad);
      expect(decodeAPIService(bad)).toEqual({ ok: false, message: `APIService in version "v1" cannot be handled as a APIService: ${error}` });
    });
  }

  it('reports the first bad field in document order', () => {
    const bad = structuredClone(body) as any;
    bad.spec = { version: 5, groupPriorityMinimum: 'x' };
    const decoded = decodeAPIService(bad);
    expect(decoded.ok || decoded.message).toMatch(/APIServiceSpec\.spec\.version of type string$/);
  });

  it('a time that does not parse stops decoding, so it wins over an earlier type error', () => {
    const bad = structuredClone(body) as any;
    bad.metadata = { name: bad.metadata.name, generation: 'x', creationTimestamp: 'yesterday' };
    const decoded = decodeAPIService(bad);
    expect(decoded.ok || decoded.message).toMatch(/: parsing time "yesterday" as /);
  });

  it('accepts a valid caBundle and null fields', () => {
    const good = structuredClone(body) as any;
    good.spec.caBundle = 'aGVsbG8=';
    good.spec.insecureSkipTLSVerify = null;
    const decoded = decodeAPIService(good);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect((decoded.obj.spec as any).insecureSkipTLSVerify).toBeUndefined();
  });
});
