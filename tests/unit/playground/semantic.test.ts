import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkText, parseFieldPath, rangeForField } from '../../../src/playground/editor/semantic.ts';

const valid = `apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  name: v1alpha1.example.com
spec:
  group: example.com
  version: v1alpha1
  groupPriorityMinimum: 1000
  versionPriority: 15
  service:
    namespace: demo
    name: example-api
`;

/** The text a diagnostic covers. */
const covered = (text: string, d: { start: number; end: number }) => text.slice(d.start, d.end);

describe('parseFieldPath', () => {
  it('splits dots, indices and bracketed keys', () => {
    expect(parseFieldPath('spec.service.port')).toEqual(['spec', 'service', 'port']);
    expect(parseFieldPath('status.conditions[0].status')).toEqual(['status', 'conditions', 0, 'status']);
    expect(parseFieldPath('metadata.labels[app.kubernetes.io/name]')).toEqual(['metadata', 'labels', 'app.kubernetes.io/name']);
  });
});

describe('the apiserver checks in the editor', () => {
  it('finds nothing in a valid APIService', () => {
    expect(checkText(valid, { syntax: true })).toEqual([]);
  });

  it('marks groupPriorityMinimum: 0 on the value, worded as kube-aggregator does', () => {
    const text = valid.replace('groupPriorityMinimum: 1000', 'groupPriorityMinimum: 0');
    const [d, ...rest] = checkText(text);
    expect(rest).toEqual([]);
    expect(d.message).toBe('spec.groupPriorityMinimum: Invalid value: 0: must be positive and less than 20000');
    expect(covered(text, d)).toBe('0');
    expect([d.startLine, d.startColumn, d.endLine, d.endColumn]).toEqual([8, 25, 8, 26]);
    expect(d.source).toBe('apiserver');
  });

  it('marks a name that is not version.group on the name', () => {
    const text = valid.replace('name: v1alpha1.example.com', 'name: example');
    const ds = checkText(text);
    expect(ds.map((d) => d.message)).toEqual(['metadata.name: Invalid value: "example": must be `spec.version+"."+spec.group`: "v1alpha1.example.com"']);
    expect(covered(text, ds[0])).toBe('example');
    expect(ds[0].startLine).toBe(4);
  });

  it('points a missing required field at the object that lacks it', () => {
    const text = valid.replace('    name: example-api\n', '');
    const [d] = checkText(text);
    expect(d.message).toBe('spec.service.name: Required value');
    expect(covered(text, d)).toBe('service');
  });

  it('points a missing metadata.name at the document start, and an empty one at its key', () => {
    const noName = valid.replace('metadata:\n  name: v1alpha1.example.com\n', '');
    const [a] = checkText(noName);
    expect(a.message).toBe('metadata.name: Required value: name or generateName is required');
    expect(a.startLine).toBe(1);
    const empty = valid.replace('name: v1alpha1.example.com', 'name:');
    const [b] = checkText(empty);
    expect(b.message).toBe('metadata.name: Required value: name or generateName is required');
    expect(covered(empty, b)).toBe('name');
  });

  it('points a bad label key at that key', () => {
    const text = valid.replace('metadata:\n', 'metadata:\n  labels:\n    ok: fine\n    "bad key!": x\n');
    const ds = checkText(text);
    expect(ds).toHaveLength(1);
    expect(ds[0].message).toMatch(/^metadata\.labels: Invalid value: "bad key!": name part must consist of/);
    expect(covered(text, ds[0])).toBe('"bad key!"');
  });

  it('reports several errors in the real order, in every APIService of a multi-document file', () => {
    const second = valid.replace('name: v1alpha1.example.com', 'name: v1.other.io').replace('version: v1alpha1', 'version: v1').replace('group: example.com', 'group: other.io').replace('versionPriority: 15', 'versionPriority: 0');
    const text = `${valid.replace('groupPriorityMinimum: 1000', 'groupPriorityMinimum: 20001')}---\n${second}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: not-checked-here\n`;
    const ds = checkText(text);
    expect(ds.map((d) => [d.startLine, d.message])).toEqual([
      [8, 'spec.groupPriorityMinimum: Invalid value: 20001: must be positive and less than 20000'],
      [22, 'spec.versionPriority: Invalid value: 0: must be positive and less than 1000'],
    ]);
  });

  it('checks a Local APIService for fields only a service-backed one may have', () => {
    const text = valid.replace('  service:\n    namespace: demo\n    name: example-api\n', '  insecureSkipTLSVerify: true\n');
    const ds = checkText(text);
    expect(ds.map((d) => d.message)).toEqual(['spec.insecureSkipTLSVerify: Invalid value: true: local APIServices may not have insecureSkipTLSVerify']);
    expect(covered(text, ds[0])).toBe('true');
  });

  it('reports YAML syntax errors only when asked, and no apiserver errors for a broken document', () => {
    const text = valid.replace('  group: example.com', '  group: [example.com');
    expect(checkText(text)).toEqual([]);
    const ds = checkText(text, { syntax: true });
    expect(ds.length).toBeGreaterThan(0);
    expect(ds.every((d) => d.source === 'yaml')).toBe(true);
  });

  it('leaves other kinds and other versions alone', () => {
    expect(checkText(valid.replace('kind: APIService', 'kind: Service'))).toEqual([]);
    expect(checkText(valid.replace('apiregistration.k8s.io/v1', 'apiregistration.k8s.io/v1beta1'))).toEqual([]);
  });
});

describe('rangeForField', () => {
  it('walks sequences by index', () => {
    const text = 'status:\n  conditions:\n  - type: Available\n    status: Maybe\n';
    const doc = parseDocument(text);
    const [s, e] = rangeForField(doc, 'status.conditions[0].status');
    expect(text.slice(s, e)).toBe('Maybe');
    const [s2, e2] = rangeForField(doc, 'status.conditions[3].status');
    expect(text.slice(s2, e2)).toBe('conditions');
  });
});
