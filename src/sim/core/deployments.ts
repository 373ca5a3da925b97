// apps/v1 deployments and replicasets: SetDefaults_Deployment / SetDefaults_ReplicaSet, the
// strategies (status reset on create, kept on update), ValidateDeployment's common checks,
// printDeployment's and printReplicaSet's Tables, and the scale subresource.

import { forbidden, invalid, required, type FieldError } from '../fielderrors.ts';
import type { ResourceType, TableDefinition } from '../resources.ts';
import { ageColumn, ageOf, column, nameColumn } from '../table.ts';
import { clone, isObject, type JsonObject, type KubeObject } from '../types.ts';
import { describe } from './descriptions.ts';
import { arrayOf, defaultTo, formatLabelSelector, labelSelectorString, numberOf, objectOf, orderKeys, selectorMatches, specOf, statusOf, stringMap } from './objects.ts';
import { defaultTemplateMetadata, layoutContainerCells, validatePodSpec } from './podspec.ts';
import { scaleSubresource } from './scale.ts';
import { isDNS1123Subdomain, validateObjectMeta } from './validation.ts';

const deploymentSpecOrder = [
  'replicas', 'selector', 'template', 'strategy', 'minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds',
] as const;
const replicaSetSpecOrder = ['replicas', 'minReadySeconds', 'selector', 'template'] as const;
export const deploymentStatusOrder = [
  'observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas',
  'terminatingReplicas', 'conditions', 'collisionCount',
] as const;
export const replicaSetStatusOrder = [
  'replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'terminatingReplicas', 'observedGeneration', 'conditions',
] as const;

function ensureSpec(obj: KubeObject): JsonObject {
  if (!isObject(obj.spec)) obj.spec = {};
  return obj.spec as JsonObject;
}

/** SetDefaults_Deployment. */
export function defaultDeployment(d: KubeObject): void {
  const spec = ensureSpec(d);
  defaultTo(spec, 'replicas', 1);
  const strategy = objectOf(spec.strategy);
  defaultTo(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = objectOf(strategy.rollingUpdate);
    defaultTo(ru, 'maxUnavailable', '25%');
    defaultTo(ru, 'maxSurge', '25%');
    strategy.rollingUpdate = orderKeys(ru, ['maxUnavailable', 'maxSurge']);
  }
  spec.strategy = orderKeys(strategy, ['type', 'rollingUpdate']);
  defaultTo(spec, 'revisionHistoryLimit', 10);
  defaultTo(spec, 'progressDeadlineSeconds', 600);
  spec.template = objectOf(spec.template);
  defaultTemplateMetadata(spec.template as JsonObject);
  orderKeys(spec, deploymentSpecOrder);
  orderKeys(d, ['kind', 'apiVersion', 'metadata', 'spec', 'status']);
}

/** SetDefaults_ReplicaSet. */
export function defaultReplicaSet(rs: KubeObject): void {
  const spec = ensureSpec(rs);
  defaultTo(spec, 'replicas', 1);
  spec.template = objectOf(spec.template);
  defaultTemplateMetadata(spec.template as JsonObject);
  orderKeys(spec, replicaSetSpecOrder);
  orderKeys(rs, ['kind', 'apiVersion', 'metadata', 'spec', 'status']);
}

/** The checks ValidateDeploymentSpec and ValidateReplicaSetSpec share, in their order. */
function validateWorkloadSpec(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const spec = specOf(obj);
  const replicas = spec.replicas;
  if (typeof replicas === 'number' && replicas < 0) errs.push(invalid('spec.replicas', replicas, 'must be greater than or equal to 0'));
  const selector = spec.selector;
  if (!isObject(selector)) {
    errs.push(required('spec.selector'));
  } else if (labelSelectorString(selector) === '') {
    errs.push(invalid('spec.selector', selector, `empty selector is invalid for ${obj.kind === 'Deployment' ? 'deployment' : 'replicaset'}`));
  }
  const template = objectOf(spec.template);
  const templateLabels = stringMap(objectOf(template.metadata).labels);
  if (isObject(selector) && labelSelectorString(selector) !== '' && !selectorMatches(selector, templateLabels)) {
    errs.push(invalid('spec.template.metadata.labels', templateLabels, '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodSpec(objectOf(template.spec), 'spec.template.spec', ['Always']));
  if (old && JSON.stringify(specOf(old).selector) !== JSON.stringify(selector)) {
    errs.push(invalid('spec.selector', selector, 'field is immutable'));
  }
  if (obj.kind === 'Deployment' && isObject(spec.strategy) && spec.strategy.type === 'Recreate' && spec.strategy.rollingUpdate !== undefined) {
    errs.push(forbidden('spec.strategy.rollingUpdate', 'may not be specified when strategy `type` is \'Recreate\''));
  }
  return errs;
}

const validateWorkload = (obj: KubeObject, old?: KubeObject) => [
  ...validateObjectMeta(obj, true, isDNS1123Subdomain),
  ...validateWorkloadSpec(obj, old),
];

/**
 * Create: a fresh status (an empty ReplicaSetStatus still marshals `replicas: 0`) and
 * generation 1; update: the status stays the controller's.
 */
const strategy = {
  prepareForCreate: (obj: KubeObject) => {
    obj.status = obj.kind === 'ReplicaSet' ? { replicas: 0 } : {};
    obj.metadata.generation = 1;
  },
  prepareForUpdate: (obj: KubeObject, old: KubeObject) => {
    obj.status = clone(old.status);
  },
};

const templateContainers = (obj: KubeObject) => arrayOf(objectOf(objectOf(specOf(obj).template).spec).containers);

export const deploymentTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Ready', 'string', 'Number of the pod with ready state'),
    column('Up-to-date', 'string', describe.deployUpdatedReplicas),
    column('Available', 'string', describe.deployAvailableReplicas),
    ageColumn,
    column('Containers', 'string', describe.containerNames, 1),
    column('Images', 'string', describe.containerImages, 1),
    column('Selector', 'string', describe.deploySelector, 1),
  ],
  cells: (d, ctx) => {
    const status = statusOf(d);
    const [names, images] = layoutContainerCells(templateContainers(d));
    return [
      d.metadata.name ?? '',
      `${numberOf(status.readyReplicas)}/${numberOf(specOf(d).replicas)}`,
      numberOf(status.updatedReplicas),
      numberOf(status.availableReplicas),
      ageOf(d, ctx),
      names,
      images,
      labelSelectorString(specOf(d).selector),
    ];
  },
};

export const replicaSetTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Desired', 'integer', describe.rsSpecReplicas),
    column('Current', 'integer', describe.rsStatusReplicas),
    column('Ready', 'integer', describe.rsReadyReplicas),
    ageColumn,
    column('Containers', 'string', describe.containerNames, 1),
    column('Images', 'string', describe.containerImages, 1),
    column('Selector', 'string', describe.rsSelector, 1),
  ],
  cells: (rs, ctx) => {
    const status = statusOf(rs);
    const [names, images] = layoutContainerCells(templateContainers(rs));
    return [
      rs.metadata.name ?? '',
      numberOf(specOf(rs).replicas),
      numberOf(status.replicas),
      numberOf(status.readyReplicas),
      ageOf(rs, ctx),
      names,
      images,
      formatLabelSelector(specOf(rs).selector),
    ];
  },
};

export const deploymentBehaviour: Partial<ResourceType> = {
  defaults: defaultDeployment,
  ...strategy,
  validate: validateWorkload,
  hasGeneration: true,
  table: deploymentTable,
  scale: scaleSubresource,
};

export const replicaSetBehaviour: Partial<ResourceType> = {
  defaults: defaultReplicaSet,
  ...strategy,
  validate: validateWorkload,
  hasGeneration: true,
  table: replicaSetTable,
  scale: scaleSubresource,
  fieldSelectors: ['status.replicas'],
};
