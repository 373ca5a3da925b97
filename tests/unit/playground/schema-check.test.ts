import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SchemaChecker } from '../../../src/playground/editor/schema/check.ts';
import { schemaFile } from '../../../src/playground/editor/schema/generate.ts';
import { checkText } from '../../../src/playground/editor/semantic.ts';

const schema = new SchemaChecker(JSON.parse(readFileSync(schemaFile, 'utf8')));

const valid = `apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  name: v1alpha1.example.com
  labels:
    app: demo
spec:
  group: example.com
  version: v1alpha1
  groupPriorityMinimum: 1000
  versionPriority: 15
  service:
    namespace: demo
    name: example-api
    port: 443
`;

const problems = (text: string) => checkText(text, { schema }).filter((d) => d.source === 'schema').map((d) => [text.slice(d.start, d.end), d.message]);

describe('the schema rules in the plain editor', () => {
  it('accepts valid objects of the kinds the lessons edit', () => {
    expect(problems(valid)).toEqual([]);
    const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: http
  - port: 443
    targetPort: 8443
`;
    expect(problems(service)).toEqual([]);
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: 80
        resources:
          limits:
            cpu: 500m
            memory: 128Mi
`;
    expect(problems(deployment)).toEqual([]);
  });

  it('reports wrong types, unknown fields and missing required fields in the language service’s words', () => {
    const text = valid.replace('versionPriority: 15', 'versionPriorty: 15').replace('port: 443', 'port: https').replace('app: demo', 'app: 3');
    expect(problems(text)).toEqual([
      ['3', 'Incorrect type. Expected "string".'],
      ['versionPriorty', 'Property versionPriorty is not allowed.'],
      ['https', 'Incorrect type. Expected "integer".'],
      ['spec', 'Missing property "versionPriority".'],
    ]);
  });

  it('checks enums and the kind’s apiVersion; an IntOrString takes either', () => {
    expect(problems(valid.replace('apiregistration.k8s.io/v1', 'apiregistration.k8s.io/v1beta1'))).toEqual([
      ['apiregistration.k8s.io/v1beta1', 'Value is not accepted. Valid values: "apiregistration.k8s.io/v1".'],
      ['apiregistration.k8s.io/v1beta1', 'Value is not accepted. Valid values: "apiextensions.k8s.io/v1", "apiregistration.k8s.io/v1", "apps/v1", "v1".'],
    ]);
    const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  type: Balancer\n  ports:\n  - port: 80\n    targetPort: [1]\n';
    expect(problems(service)).toEqual([
      ['Balancer', 'Value is not accepted. Valid values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort".'],
      ['[1]', 'Incorrect type. Expected "integer | string".'],
    ]);
  });

  it('says nothing about documents it cannot parse or kinds it does not know the shape of', () => {
    expect(problems(valid.replace('group: example.com', 'group: [example.com'))).toEqual([]);
    expect(problems('apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\nwhatever: 1\n')).toEqual([
      ['Secret', 'Value is not accepted. Valid values: "APIService", "ConfigMap", "CustomResourceDefinition", "Deployment", "Namespace", "Pod", "Service".'],
    ]);
  });
});
