// kubectl cluster-info: the control plane's URL and a proxy URL for every service labelled
// kubernetes.io/cluster-service=true in kube-system (or -n). kubectl 1.32 prints no colours.

import { str } from '../flags.ts';
import { accept } from '../rest/client.ts';
import { encodeQuery, pathEscape } from '../rest/paths.ts';
import { KubectlError } from '../rest/errors.ts';
import type { Command } from './command.ts';
import { caller } from '../rest/body_log.ts';

interface Service {
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
  spec?: { ports?: { name?: string; port?: number }[] };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

/** utilnet.JoinSchemeNamePort */
function joinSchemeNamePort(scheme: string, name: string, port: string): string {
  if (scheme !== '') return `${scheme}:${name}:${port}`;
  if (port !== '') return `${name}:${port}`;
  return name;
}

function serviceLink(host: string, service: Service): string {
  const ingress = service.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) {
    const ip = ingress[0]!.ip || ingress[0]!.hostname || '';
    return (service.spec?.ports ?? []).map((p) => `http://${ip}:${p.port ?? 0} `).join('');
  }
  let name = service.metadata?.name ?? '';
  const port = service.spec?.ports?.[0];
  if (port) name = joinSchemeNamePort(port.name === 'https' || port.port === 443 ? 'https' : '', name, port.name ?? '');
  return `${host}/api/v1/namespaces/${service.metadata?.namespace ?? ''}/services/${name}/proxy`;
}

export const clusterInfoCommand: Command = {
  name: 'cluster-info',
  flags: [],
  subcommands: [
    {
      name: 'dump',
      flags: [],
      run: () => Promise.reject(new KubectlError('"kubectl cluster-info dump" is not available here yet')),
    },
  ],
  // Arguments other than `dump` are ignored, as kubectl ignores them.
  async run(ctx) {
    const namespace = str(ctx.flags, 'namespace') || 'kube-system';
    const client = ctx.client();
    try {
      await ctx.mapper();
      const list = await client.getJSON<{ items?: Service[] }>({ caller: caller.resourceList,
        path: `/api/v1/namespaces/${pathEscape(namespace)}/services${encodeQuery({ labelSelector: 'kubernetes.io/cluster-service=true' })}`,
        accept: accept.raw,
        resource: { group: '', resource: 'services' },
      });
      ctx.out(`Kubernetes control plane is running at ${client.server}\n`);
      for (const service of list.items ?? []) {
        const name = service.metadata?.labels?.['kubernetes.io/name'] || service.metadata?.name || '';
        ctx.out(`${name} is running at ${serviceLink(client.server, service)}\n`);
      }
    } finally {
      ctx.out("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
    }
  },
};
