// The terminal's kubectl side, in its own chunk: our kubectl and what Tab completion asks the
// cluster. The terminal shows itself and echoes keys without it; it loads meanwhile.
import type { KubectlCompletionSource } from '../kubectl/shell/completion.ts';
import { runKubectl, type KubectlEnv } from '../kubectl/run.ts';
import { DiscoveryClient } from '../kubectl/discovery.ts';
import { RESTClient } from '../kubectl/rest/client.ts';
import { Klog } from '../kubectl/klog.ts';

export { runKubectl };

/** Completion's view of the cluster: discovery for resource names, `kubectl get -o name` for objects. */
export function completionSource(internalEnv: () => KubectlEnv): KubectlCompletionSource {
  let types: { at: number; names: Promise<string[]> } | undefined;
  return {
    resourceTypes() {
      if (!types || Date.now() - types.at > 10_000) {
        const env = internalEnv();
        const client = new RESTClient(env.fetch, env.server, new Klog(0, { now: () => env.now(), pid: env.pid }, () => undefined), () => env.now());
        const names = new DiscoveryClient(client).serverGroups().then((groups) => {
          const out = new Set<string>();
          for (const g of groups)
            for (const v of g.versions)
              for (const r of v.resources) {
                if (r.name.includes('/')) continue;
                out.add(r.name);
                if (r.singularName) out.add(r.singularName);
                for (const s of r.shortNames) out.add(s);
                if (r.group) out.add(`${r.name}.${r.group}`);
              }
          return [...out];
        });
        types = { at: Date.now(), names };
        names.catch(() => (types = undefined));
      }
      return types.names;
    },
    async objectNames(resourceType, namespace) {
      const argv = ['get', resourceType, '-o', 'name', ...(namespace ? ['-n', namespace] : [])];
      const { stdout, code } = await runKubectl(argv, internalEnv());
      if (code !== 0) return [];
      return stdout.split('\n').filter((l) => l !== '').map((l) => l.slice(l.lastIndexOf('/') + 1));
    },
  };
}
