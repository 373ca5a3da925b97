import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KubectlResult } from '../../../src/kubectl/run.ts';
import { indent, wrapString } from '../../../src/kubectl/explain/wordwrap.ts';
import { resourcesFor, splitResourceRequest, splitWithMatchingPrefix } from '../../../src/kubectl/explain/path.ts';
import { renderPlaintext } from '../../../src/kubectl/explain/plaintext.ts';
import { RESTMapper } from '../../../src/kubectl/restmapper.ts';
import type { APIResource } from '../../../src/kubectl/discovery.ts';
import { inProcessKubectl } from './fixtures.ts';

/** What kubectl 1.32 printed for these commands against the simulated cluster. */
const recorded = (name: string) => readFileSync(new URL(`./explain-recorded/${name}`, import.meta.url), 'utf8');

describe('word wrapping as go-wordwrap does it', () => {
  it.each([
    ['foo', 4, 'foo'],
    ['foobarbaz', 4, 'foobarbaz'],
    ['foo bar baz', 4, 'foo\nbar\nbaz'],
    ['foo\nb ar\nbaz', 4, 'foo\nb ar\nbaz'],
    ['foo       \nb ar\nbaz', 4, 'foo\nb ar\nbaz'],
    ['fo sop       \nb ar\n baz', 4, 'fo\nsop\nb ar\n baz'],
    ['a list:\n\n\t* x\n\t* y', 4, 'a\nlist:\n\n\t* x\n\t* y'],
    ['Bjørn Bjørn', 5, 'Bjørn\nBjørn'],
    ['a\u00a0b c', 3, 'a\u00a0b\nc'],
  ])('wraps %j at %i', (input, lim, output) => {
    expect(wrapString(input, lim)).toBe(output);
  });

  it('keeps two spaces after a full stop and indents every line, the last one too', () => {
    expect(indent(4, wrapString('One.  Two three\n', 9))).toBe('    One.  Two\n    three\n    ');
  });
});

const resource = (name: string, group: string, version: string, kind: string, shortNames: string[] = [], singularName = ''): APIResource => ({
  name,
  singularName,
  namespaced: true,
  group,
  version,
  kind,
  verbs: ['get'],
  shortNames,
  categories: [],
});

const mapper = new RESTMapper([
  { name: '', versions: [{ group: '', version: 'v1', resources: [resource('events', '', 'v1', 'Event', ['ev'], 'event'), resource('nodes', '', 'v1', 'Node', ['no'], 'node'), resource('pods', '', 'v1', 'Pod', ['po'], 'pod'), resource('pods/log', '', 'v1', 'Pod')] }] },
  { name: 'apiregistration.k8s.io', versions: [{ group: 'apiregistration.k8s.io', version: 'v1', resources: [resource('apiservices', 'apiregistration.k8s.io', 'v1', 'APIService', [], 'apiservice')] }] },
  {
    name: 'autoscaling',
    versions: [
      { group: 'autoscaling', version: 'v2', resources: [resource('horizontalpodautoscalers', 'autoscaling', 'v2', 'HorizontalPodAutoscaler', ['hpa'])] },
      { group: 'autoscaling', version: 'v1', resources: [resource('horizontalpodautoscalers', 'autoscaling', 'v1', 'HorizontalPodAutoscaler', ['hpa'])] },
    ],
  },
  { name: 'events.k8s.io', versions: [{ group: 'events.k8s.io', version: 'v1', resources: [resource('events', 'events.k8s.io', 'v1', 'Event', ['ev'], 'event')] }] },
  { name: 'metrics.k8s.io', versions: [{ group: 'metrics.k8s.io', version: 'v1beta1', resources: [resource('nodes', 'metrics.k8s.io', 'v1beta1', 'NodeMetrics', [], 'node')] }] },
]);

describe('reading TYPE[.field.path] as kubectl explain does', () => {
  const noWarnings = (m: string) => {
    throw new Error(`unexpected warning: ${m}`);
  };

  it('matches plural, singular and kind in any case, and short names', () => {
    expect(splitWithMatchingPrefix('apiservice.spec.service', mapper, noWarnings)).toEqual({
      gvr: { group: 'apiregistration.k8s.io', version: 'v1', resource: 'apiservices' },
      fieldsPath: ['spec', 'service'],
    });
    expect(splitWithMatchingPrefix('APIService', mapper, noWarnings).gvr.resource).toBe('apiservices');
    expect(splitWithMatchingPrefix('po.spec', mapper, noWarnings)).toEqual({ gvr: { group: '', version: 'v1', resource: 'pods' }, fieldsPath: ['spec'] });
  });

  it('takes the group from a `resource.group` prefix, and the first match of a bare name otherwise', () => {
    expect(splitWithMatchingPrefix('apiservices.apiregistration.k8s.io.spec', mapper, noWarnings).fieldsPath).toEqual(['spec']);
    expect(resourcesFor(mapper, 'hpa', noWarnings).map((g) => g.version)).toEqual(['v2', 'v1']);
    // `nodes` (core) is a prefix of `nodes.metrics.k8s.io`, so the rest is read as fields.
    expect(splitWithMatchingPrefix('nodes.metrics.k8s.io', mapper, noWarnings)).toEqual({ gvr: { group: '', version: 'v1', resource: 'nodes' }, fieldsPath: ['metrics', 'k8s', 'io'] });
  });

  it('warns once when a short name matches resources of several groups', () => {
    const warnings: string[] = [];
    expect(resourcesFor(mapper, 'ev', (m) => warnings.push(m))).toEqual([{ group: '', version: 'v1', resource: 'events' }]);
    expect(warnings).toEqual(['short name "ev" could also match lower priority resource events.events.k8s.io']);
  });

  it('words errors as kubectl does', () => {
    expect(() => splitWithMatchingPrefix('Foos.bar', mapper, noWarnings)).toThrow(`the server doesn't have a resource type "Foos"`);
    expect(() => splitWithMatchingPrefix('pods.spec[0]', mapper, noWarnings)).toThrow('invalid jsonpath syntax, first node must be field node');
    expect(() => splitWithMatchingPrefix('.pods', mapper, noWarnings)).toThrow('invalid jsonpath syntax, first node must be field node');
    expect(() => splitWithMatchingPrefix('pods.{x}', mapper, noWarnings)).toThrow("unrecognized character in action: U+007B '{'");
    expect(() => splitWithMatchingPrefix('pods.spec[0', mapper, noWarnings)).toThrow('unterminated array');
    expect(() => splitResourceRequest('pods.spec[0]', mapper, noWarnings)).toThrow('invalid jsonpath syntax, all nodes must be field nodes');
  });

  it('ignores one trailing period and an empty step after a recursive descent', () => {
    expect(splitWithMatchingPrefix('pods.spec.', mapper, noWarnings).fieldsPath).toEqual(['spec']);
    expect(splitWithMatchingPrefix('pods..spec', mapper, noWarnings).fieldsPath).toEqual(['spec']);
  });
});

/** A small OpenAPI v3 document with a self-referencing schema, maps, lists and an enum. */
const doc = {
  paths: {
    '/apis/example.com/v1/namespaces/{namespace}/gadgets': { get: { 'x-kubernetes-group-version-kind': { group: 'example.com', version: 'v1', kind: 'Gadget' } } },
  },
  components: {
    schemas: {
      'com.example.v1.Gadget': {
        'x-kubernetes-group-version-kind': [{ group: 'example.com', version: 'v1', kind: 'Gadget' }],
        description: 'A gadget.',
        required: ['spec'],
        properties: {
          spec: { allOf: [{ $ref: '#/components/schemas/com.example.v1.Part' }], description: 'The top part.' },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          sizes: { type: 'array', items: { type: 'integer' } },
          mode: { type: 'string', enum: ['', 'A', 'B', 'C', 'D', 'E'] },
        },
      },
      'com.example.v1.Part': {
        type: 'object',
        description: 'A part holds parts.',
        properties: { parts: { type: 'array', items: { $ref: '#/components/schemas/com.example.v1.Part' } }, name: { type: 'string' } },
      },
    },
  },
};

function render(fieldPath: string[], recursive: boolean): { out: string; error?: string } {
  let out = '';
  try {
    renderPlaintext(doc, { group: 'example.com', version: 'v1', resource: 'gadgets' }, fieldPath, recursive, (t) => (out += t));
    return { out };
  } catch (e) {
    return { out, error: (e as Error).message };
  }
}

describe('the plaintext template', () => {
  it('lists fields with their types, -required- and a short enum', () => {
    const { out } = render([], false);
    expect(out).toContain('  labels\t<map[string]string>\n    <no description>\n\n');
    expect(out).toContain('  mode\t<string>\n  enum: "", A, B, C, ....\n    <no description>\n\n');
    expect(out).toContain('  sizes\t<[]integer>\n');
    expect(out).toContain('  spec\t<Part> -required-\n    The top part.\n\n');
    expect(out.startsWith('GROUP:      example.com\nKIND:       Gadget\nVERSION:    v1\n\nDESCRIPTION:\n    A gadget.\n    \nFIELDS:\n')).toBe(true);
  });

  it('prints the whole enum of a field and both descriptions along a $ref', () => {
    expect(render(['mode'], false).out).toContain('FIELD: mode <string>\nENUM:\n    ""\n    A\n    B\n    C\n    D\n    E\n\nDESCRIPTION:\n    <empty>\n');
    expect(render(['spec'], false).out).toContain('DESCRIPTION:\n    The top part.\n    A part holds parts.\n    \nFIELDS:\n');
  });

  it('stops --recursive where a schema refers back to itself', () => {
    const { out } = render(['spec'], true);
    expect(out.slice(out.indexOf('FIELDS:'))).toBe('FIELDS:\n  name\t<string>\n  parts\t<[]Part>\n\n');
    const top = render([], true).out;
    expect(top.slice(top.indexOf('FIELDS:'))).toBe(
      'FIELDS:\n  labels\t<map[string]string>\n  mode\t<string>\n  enum: "", A, B, C, ....\n  sizes\t<[]integer>\n  spec\t<Part> -required-\n    name\t<string>\n    parts\t<[]Part>\n\n',
    );
  });

  it('prints the header, then fails on the last field of a path that does not exist', () => {
    expect(render(['spec', 'nope', 'deeper'], false)).toEqual({ out: 'GROUP:      example.com\nKIND:       Gadget\nVERSION:    v1\n\n', error: 'error: field "deeper" does not exist' });
  });

  it('fails without output when the document has no path for the resource', () => {
    let out = '';
    expect(() => renderPlaintext(doc, { group: 'example.com', version: 'v1', resource: 'widgets' }, [], false, (t) => (out += t))).toThrow(
      'error: GVR (example.com/v1, Resource=widgets) not found in OpenAPI schema',
    );
    expect(out).toBe('');
  });
});

describe('kubectl explain against the in-process cluster', () => {
  let kubectl: (args: string[]) => Promise<KubectlResult>;
  beforeAll(async () => {
    kubectl = await inProcessKubectl();
  });

  it.each(['apiservice', 'apiservice.spec.service', 'deploy.spec.strategy', 'deploy.spec.strategy.type', 'pods.spec.containers.resources.limits'])(
    'prints what kubectl 1.32 printed for `explain %s`',
    async (arg) => {
      expect(await kubectl(['explain', arg])).toEqual({ stdout: recorded(`${arg}.stdout.txt`), stderr: '', code: 0 });
    },
  );

  it('prints what kubectl 1.32 printed for `explain apiservice --recursive`', async () => {
    expect(await kubectl(['explain', 'apiservice', '--recursive'])).toEqual({ stdout: recorded('apiservice-recursive.stdout.txt'), stderr: '', code: 0 });
  });

  it('prints the header and the error for a field that does not exist', async () => {
    expect(await kubectl(['explain', 'apiservice.spec.foo'])).toEqual({ stdout: recorded('apiservice.spec.foo.stdout.txt'), stderr: recorded('apiservice.spec.foo.stderr.txt'), code: 1 });
  });

  it('asks for /openapi/v3, then the group-version document by its hash, after discovery', async () => {
    const { stderr } = await kubectl(['explain', 'apiservice', '-v=6']);
    const urls = stderr
      .split('\n')
      .filter((l) => l.includes('round_trippers.go'))
      .map((l) => /\] GET (\S+)/.exec(l)![1]!.replace(/hash=[0-9A-F]+/, 'hash=H'));
    expect(urls).toEqual([
      'http://127.0.0.1:8080/api?timeout=32s',
      'http://127.0.0.1:8080/apis?timeout=32s',
      'http://127.0.0.1:8080/openapi/v3?timeout=32s',
      'http://127.0.0.1:8080/openapi/v3/apis/apiregistration.k8s.io/v1?hash=H&timeout=32s',
    ]);
  });

  it('needs a resource type, and only one', async () => {
    expect(await kubectl(['explain'])).toEqual({
      stdout: '',
      stderr: 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
      code: 1,
    });
    expect((await kubectl(['explain', 'a', 'b'])).stderr).toBe('error: We accept only this format: explain RESOURCE\n');
    expect((await kubectl(['explain', 'foos'])).stderr).toBe(`the server doesn't have a resource type "foos"\n`);
  });
});
