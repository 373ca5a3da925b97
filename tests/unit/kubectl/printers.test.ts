import { describe, expect, it } from 'vitest';
import { toYAML, resolvesToNonString } from '../../../src/kubectl/printers/yaml.ts';
import { printJSON } from '../../../src/kubectl/printers/json.ts';
import { tabwrite, kubectlTableOptions, describeOptions } from '../../../src/kubectl/printers/tabwriter.ts';
import { TablePrinter, formatLabels } from '../../../src/kubectl/printers/table.ts';
import { executeJSONPath, parseJSONPathTemplate } from '../../../src/kubectl/printers/jsonpath.ts';
import { describeGeneric, smartLabelFor } from '../../../src/kubectl/describe/generic.ts';
import { tabwrite as expectedTable } from '../../conformance/tabwriter.ts';
import { fidelityOutput } from './fixtures.ts';

const metricsAPIService = JSON.parse(fidelityOutput('get-apiservice-metrics-json.stdout.txt')) as Record<string, unknown>;

describe('the JSON printer', () => {
  it('prints an object as kubectl -o json printed it', () => {
    expect(printJSON(metricsAPIService)).toBe(fidelityOutput('get-apiservice-metrics-json.stdout.txt'));
  });

  it('sorts keys and escapes HTML characters as Go does', () => {
    expect(printJSON({ b: '<a & b>', a: [], c: {} })).toBe('{\n    "a": [],\n    "b": "\\u003ca \\u0026 b\\u003e",\n    "c": {}\n}\n');
  });
});

describe('the YAML printer', () => {
  it('prints an object as kubectl -o yaml printed it', () => {
    expect(toYAML(metricsAPIService)).toBe(fidelityOutput('get-apiservice-metrics-yaml.stdout.txt'));
  });

  it('quotes what go-yaml v2 would read back as another type', () => {
    for (const s of ['true', 'True', 'yes', 'no', 'on', 'Off', 'y', 'N', '~', 'null', '', '123', '-1', '0x1F', '1_000', '1.5', '1e3', '.5', '2025-05-31', '2025-05-31T05:00:00Z', '0b101']) {
      expect(resolvesToNonString(s), s).toBe(true);
    }
    for (const s of ['v1', 'kube-system', '10.96.0.1', '1.2.3', 'Local', '443/TCP', 'abc123']) {
      expect(resolvesToNonString(s), s).toBe(false);
    }
    expect(toYAML({ a: 'true', b: '1141', c: 'x' })).toBe('a: "true"\nb: "1141"\nc: x\n');
  });

  it('single-quotes strings plain YAML cannot hold and folds long scalars at column 80', () => {
    expect(toYAML({ m: '*star', p: 'a: b', o: "it's" })).toBe("m: '*star'\no: it's\np: 'a: b'\n");
    // Keys are scalars too: go-yaml v2 reads `n` and `on` as booleans.
    expect(toYAML({ n: 1, on: 2 })).toBe('"n": 1\n"on": 2\n');
    const long = 'failing or missing response from https://10.96.108.185:443/apis/metrics.k8s.io/v1beta1: connection refused now';
    expect(toYAML({ message: long })).toBe(
      "message: 'failing or missing response from https://10.96.108.185:443/apis/metrics.k8s.io/v1beta1:\n  connection refused now'\n",
    );
  });

  it('writes multi-line strings as literal blocks with chomping indicators', () => {
    expect(toYAML({ a: 'x\ny\n', b: 'x\ny' })).toBe('a: |\n  x\n  y\nb: |-\n  x\n  y\n');
    expect(toYAML({ list: [{ a: 1, b: [] }, 'two'] })).toBe('list:\n- a: 1\n  b: []\n- two\n');
  });
});

describe('the tabwriter', () => {
  it('lays out tables as kubectl does (minwidth 6, padding 3)', () => {
    const rows = [
      ['NAME', 'SERVICE', 'AVAILABLE', 'AGE'],
      ['v1.', 'Local', 'True', '100d'],
      ['v1beta1.metrics.k8s.io', 'kube-system/metrics-server', 'False (MissingEndpoints)', '2d4h'],
    ];
    expect(tabwrite(rows.map((r) => r.join('\t') + '\n').join(''), kubectlTableOptions)).toBe(expectedTable(rows));
  });

  it('aligns each column block separately: a line without tabs ends the block', () => {
    expect(tabwrite('a:\t1\nlonger:\t2\nbreak:\n  x:\t3\n', describeOptions)).toBe('a:       1\nlonger:  2\nbreak:\n  x:  3\n');
  });
});

describe('the table printer', () => {
  const table = {
    columnDefinitions: [
      { name: 'Name', format: 'name', priority: 0 },
      { name: 'Ready', priority: 0 },
      { name: 'IP', priority: 1 },
    ],
    rows: [{ cells: ['web-1', '1/1', '10.0.0.1'], object: { metadata: { name: 'web-1', namespace: 'default', labels: { b: '2', a: '1' } } } }],
  };

  it('hides priority columns unless wide, adds NAMESPACE, LABELS and kind prefixes', () => {
    expect(new TablePrinter({}).print(table)).toBe('NAME\tREADY\nweb-1\t1/1\n');
    expect(new TablePrinter({ wide: true }).print(table)).toBe('NAME\tREADY\tIP\nweb-1\t1/1\t10.0.0.1\n');
    expect(new TablePrinter({ withNamespace: true, showLabels: true, kindPrefix: 'pod' }).print(table)).toBe(
      'NAMESPACE\tNAME\tREADY\tLABELS\ndefault\tpod/web-1\t1/1\ta=1,b=2\n',
    );
    expect(new TablePrinter({}).print({ ...table, rows: [] })).toBe('');
    expect(formatLabels({})).toBe('<none>');
  });

  it('prints headers once for tables with the same columns', () => {
    const p = new TablePrinter({});
    expect(p.print(table) + p.print(table)).toBe('NAME\tREADY\nweb-1\t1/1\nweb-1\t1/1\n');
  });
});

describe('jsonpath', () => {
  const run = (t: string, obj: unknown) => executeJSONPath(parseJSONPathTemplate(t), obj);
  const list = { items: [{ metadata: { name: 'a' }, status: { conditions: [{ type: 'Available', status: 'True' }] } }, { metadata: { name: 'b' } }] };

  it('selects fields, wildcards, indexes, ranges and filters', () => {
    expect(run('{.items[*].metadata.name}', list)).toBe('a b');
    expect(run('{.items[0].metadata.name}', list)).toBe('a');
    expect(run('{.items[-1].metadata.name}', list)).toBe('b');
    expect(run('{range .items[*]}{.metadata.name}{"\\n"}{end}', list)).toBe('a\nb\n');
    expect(run('{.items[0].status.conditions[?(@.type=="Available")].status}', list)).toBe('True');
    expect(run('{..name}', list)).toBe('a b');
    expect(run('{.items[0].metadata}', list)).toBe('{"name":"a"}');
    expect(run('name: {.items[1].metadata.name}', list)).toBe('name: b');
    expect(run('{.missing}', list)).toBe('');
  });
});

describe('the generic describer', () => {
  it('describes an APIService as kubectl describe printed it', () => {
    expect(describeGeneric(metricsAPIService, [], new Date('2025-06-01T00:00:00Z'))).toBe(fidelityOutput('describe-apiservice-metrics.stdout.txt'));
  });

  it('splits camelCase field names into words, keeping acronyms', () => {
    expect(smartLabelFor('insecureSkipTLSVerify')).toBe('Insecure Skip TLS Verify');
    expect(smartLabelFor('uid')).toBe('UID');
    expect(smartLabelFor('apiVersion')).toBe('API Version');
    expect(smartLabelFor('groupPriorityMinimum')).toBe('Group Priority Minimum');
    expect(smartLabelFor('k8s-app')).toBe('k8s-app');
  });

  it('prints events in their own aligned block', () => {
    const out = describeGeneric({ metadata: { name: 'x' } }, [{ type: 'Normal', reason: 'Scaled', message: 'done ', count: 1, firstTimestamp: '2025-01-01T00:00:00Z', lastTimestamp: '2025-01-01T00:00:00Z', source: { component: 'deployment-controller' } }], new Date('2025-01-01T00:01:00Z'));
    expect(out.endsWith('Events:\n  Type    Reason  Age   From                   Message\n  ----    ------  ----  ----                   -------\n  Normal  Scaled  60s   deployment-controller  done\n')).toBe(true);
  });
});
