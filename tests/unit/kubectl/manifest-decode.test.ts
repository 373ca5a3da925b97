// What kubectl's builder refuses before it talks to the server, in the real kubectl 1.32's words
// (each expected text was printed by kubectl 1.32 for the same file): documents that are mostly
// alias expansion or whose anchor contains itself, and documents whose apiVersion, kind or
// metadata do not decode into TypeMeta and ObjectMeta.

import { describe, expect, it } from 'vitest';
import { aliasBomb } from '../robustness/arbitraries.ts';
import { inProcessKubectl } from './fixtures.ts';

async function kubectlWith(file: string, ...argv: string[]) {
  const kubectl = await inProcessKubectl({ server: 'https://127.0.0.1:6443', pid: 1, kubeconfigPath: '', files: { 'm.yaml': file } });
  return kubectl(argv);
}

/** A ConfigMap whose data holds the "billion laughs" to `depth` levels of ten aliases each. */
const laughs = (depth: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n${aliasBomb(depth, '  ')}`;

const namespace = (metadata: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n${metadata}`;

describe('aliases', () => {
  it('a document that is mostly alias expansion is refused before it is built, as go-yaml does', async () => {
    expect(await kubectlWith(laughs(3), 'create', '-f', 'm.yaml', '--dry-run=client', '-o', 'name')).toMatchObject({
      stdout: 'configmap/bomb\n',
      code: 0,
    });
    for (const depth of [4, 9, 30]) {
      expect(await kubectlWith(laughs(depth), 'apply', '-f', 'm.yaml')).toEqual({
        stdout: '',
        stderr: 'error: error parsing m.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing\n',
        code: 1,
      });
    }
  });

  it('an anchor that contains itself', async () => {
    const file = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: selfref\ndata:\n  e: &a [*a]\n';
    expect((await kubectlWith(file, 'apply', '-f', 'm.yaml')).stderr).toBe(
      "error: error parsing m.yaml: error converting YAML to JSON: yaml: anchor 'a' value contains itself\n",
    );
  });
});

describe('decoding each document as the builder does', () => {
  const cases: [string, string][] = [
    [namespace('  name: a\n  labels:\n    x: 1\n'), 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
    [namespace('  name: a\n  labels: [1]\n'), 'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string'],
    [namespace('  name: 5\n'), 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string'],
    [namespace('  name: a\n  generation: 1.5\n'), 'json: cannot unmarshal number 1.5 into Go struct field ObjectMeta.metadata.generation of type int64'],
    [namespace('  name: a\n  ownerReferences:\n  - name: 3\n'), 'json: cannot unmarshal number into Go struct field OwnerReference.metadata.ownerReferences.name of type string'],
    [namespace('  name: a\n  creationTimestamp: xyz\n'), 'parsing time "xyz" as "2006-01-02T15:04:05Z07:00": cannot parse "xyz" as "2006"'],
    [namespace('  name: a\n  creationTimestamp: "2020-13-01T00:00:00Z"\n'), 'parsing time "2020-13-01T00:00:00Z": month out of range'],
    [namespace('  name: a\n  creationTimestamp: "2020-01-01T00:00:00Zabc"\n'), 'parsing time "2020-01-01T00:00:00Zabc": extra text: "abc"'],
    ['apiVersion: v1\nkind: Namespace\nmetadata: 7\n', 'json: cannot unmarshal number into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta'],
    ['apiVersion: v1\nkind: 7\nmetadata:\n  name: a\n', `Object 'Kind' is missing in '{"apiVersion":"v1","kind":7,"metadata":{"name":"a"}}'`],
    ['apiVersion: 7\nkind: Namespace\nmetadata:\n  name: a\n', 'json: cannot unmarshal number into Go struct field metadataOnlyObject.apiVersion of type string'],
    [namespace('  name: a\n  managedFields: [{manager: 3}]\n'), 'json: cannot unmarshal number into Go struct field ManagedFieldsEntry.metadata.managedFields.manager of type string'],
    [namespace('  name: a\n  finalizers: [3]\n'), 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.finalizers of type string'],
    [namespace('  name: a\n  deletionGracePeriodSeconds: "3"\n'), 'json: cannot unmarshal string into Go struct field ObjectMeta.metadata.deletionGracePeriodSeconds of type int64'],
    ['[1,2]\n', 'json: cannot unmarshal array into Go value of type unstructured.detector'],
    ['hello\n', 'json: cannot unmarshal string into Go value of type unstructured.detector'],
  ];
  it.each(cases)('%j', async (file, message) => {
    expect(await kubectlWith(file, 'apply', '-f', 'm.yaml', '--validate=false')).toEqual({
      stdout: '',
      stderr: `error: unable to decode "m.yaml": ${message}\n`,
      code: 1,
    });
  });

  it('goes on with the next document, and reports after it', async () => {
    const file = `[1,2]\n---\n${namespace('  name: zz\n')}`;
    expect(await kubectlWith(file, 'apply', '-f', 'm.yaml', '--validate=false', '--dry-run=server')).toEqual({
      stdout: 'namespace/zz created (server dry run)\n',
      stderr: 'error: unable to decode "m.yaml": json: cannot unmarshal array into Go value of type unstructured.detector\n',
      code: 1,
    });
  });

  it('with validation on, a document that is not an object is not validated', async () => {
    expect((await kubectlWith('[1,2]\n', 'apply', '-f', 'm.yaml', '--dry-run=server')).stderr).toBe(
      'error: error validating "m.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
  });

  it('scale names the document it could not decode', async () => {
    const file = 'apiVersion:\n  value: v1\nkind: Namespace\nmetadata:\n  name: default\n';
    expect((await kubectlWith(file, 'scale', '-f', 'm.yaml', '--replicas=3')).stderr).toBe(
      'error: no objects passed to scale unable to decode "m.yaml": json: cannot unmarshal object into Go struct field metadataOnlyObject.apiVersion of type string\n',
    );
  });
});
