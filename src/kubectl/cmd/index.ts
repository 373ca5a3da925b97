// The commands our kubectl runs. Adding a command: one module in this folder, one line here.

import type { Command } from './command.ts';
import { getCommand } from './get.ts';
import { describeCommand } from './describe.ts';
import { apiResourcesCommand } from './api_resources.ts';
import { apiVersionsCommand } from './api_versions.ts';
import { versionCommand } from './version.ts';
import { topCommand } from './top.ts';
import { clusterInfoCommand } from './cluster_info.ts';
import { configCommand } from './config.ts';
import { helpCommand } from './help_topic.ts';
import { explainCommand } from './explain.ts';
import { applyCommand } from './apply.ts';
import { createCommand } from './create.ts';
import { deleteCommand } from './delete.ts';
import { scaleCommand } from './scale.ts';
import { patchCommand } from './patch.ts';

export const commands: Command[] = [getCommand, describeCommand, apiResourcesCommand, apiVersionsCommand, versionCommand, topCommand, clusterInfoCommand, configCommand, helpCommand, applyCommand, createCommand, deleteCommand, scaleCommand, patchCommand, explainCommand];

/** Every command of kubectl 1.32, in the order cobra suggests them ("Did you mean this?"). */
export const kubectlCommandNames = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale',
  'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach',
  'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait',
  'kustomize', 'label', 'annotate', 'completion', 'alpha', 'config', 'plugin', 'version', 'api-versions',
  'api-resources', 'options', 'help',
];
