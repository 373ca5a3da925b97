// The course's own extension API server: custom.example.com/v1beta1, "wrapping a legacy system as
// a Kubernetes API". The legacy system is a data-centre asset database (legacy-inventory.ts) with
// RACK and SERVER tables. This server exposes one resource,
//
//   inventories  Inventory  namespaced  short name inv  verbs get, list
//
// one Inventory per rack, computed from the database on every read and never stored in etcd:
// - names: the rack id made a DNS label (AMS1-A01 → ams1-a01);
// - namespace: the owning team's namespace, by the server's own mapping (PLATFORM → default,
//   STORAGE → storage). The server decides what exists in a namespace; the kube-apiserver never
//   checks that the namespace is real;
// - labels `site` and `row`, so `kubectl get inventories -l site=ams1` works: the server filters;
// - resourceVersion: the database's change counter for the rack's rows, creationTimestamp the
//   rack's commissioning date, uid derived from the rack id (stable across restarts);
// - spec lists the rack's servers, status counts what is in service.
// It answers only get and list: any write is 405 MethodNotAllowed and a watch is refused, as
// from any server whose storage implements only rest.Getter and rest.Lister.

import type { Clock } from '../clock.ts';
import type { FetchHandler } from '../context.ts';
import { age } from '../../lib/duration.ts';
import { notFound } from '../errors.ts';
import { derivedUid } from '../store.ts';
import { ageColumn, nameColumn } from '../table.ts';
import { createGenericApiServer, type ItemObject, type ReadOnlyStorage, type TableColumnDefinition } from './genericapiserver.ts';
import { LegacyInventory, type LegacyRack, type LegacyServer, type LegacyServerState } from './legacy-inventory.ts';
import { memoryQuantity } from './quantity.ts';

export const customGroup = 'custom.example.com';
export const customVersion = 'v1beta1';

export interface CustomApiServerDeps {
  clock: Clock;
  /** The legacy database to read; a fresh copy of the sample data when absent. */
  inventory?: LegacyInventory;
}

/** The adapter's configuration: which namespace each legacy team code maps to. */
export const teamNamespaces: Record<string, string> = { PLATFORM: 'default', STORAGE: 'storage' };

const stateNames: Record<LegacyServerState, string> = { IN_SERVICE: 'InService', MAINT: 'Maintenance', SPARE: 'Spare' };

const inventoriesResource = { group: customGroup, resource: 'inventories' };

const GiB = 2 ** 30;

const inventoryColumns: TableColumnDefinition[] = [
  nameColumn,
  { name: 'Site', type: 'string', format: '', description: 'Data centre the rack stands in.', priority: 0 },
  { name: 'Servers', type: 'string', format: '', description: 'Servers in service out of all servers in the rack.', priority: 0 },
  { name: 'Cores', type: 'integer', format: '', description: 'CPU cores of the servers in service.', priority: 0 },
  { name: 'Memory', type: 'string', format: '', description: 'Memory of the servers in service.', priority: 0 },
  { name: 'Models', type: 'string', format: '', description: 'Server models in the rack.', priority: 1 },
  ageColumn,
];

interface InventoryServer {
  hostname: string;
  assetTag: string;
  slot: number;
  model: string;
  cpuCores: number;
  memory: string;
  state: string;
}

interface InventoryStatus {
  servers: number;
  inService: number;
  cpuCores: number;
  memory: string;
}

const toDnsLabel = (legacyId: string) => legacyId.toLowerCase().replace(/[^a-z0-9-]/g, '-');

/** One rack's rows, translated into an Inventory (as a list item: no kind/apiVersion). */
export function inventoryFromRack(rack: LegacyRack, servers: LegacyServer[]): ItemObject {
  const inService = servers.filter((s) => s.STATE === 'IN_SERVICE');
  const status: InventoryStatus = {
    servers: servers.length,
    inService: inService.length,
    cpuCores: inService.reduce((n, s) => n + s.CPU_CORES, 0),
    memory: memoryQuantity(inService.reduce((n, s) => n + s.RAM_GB, 0) * GiB),
  };
  return {
    metadata: {
      name: toDnsLabel(rack.RACK_ID),
      namespace: teamNamespaces[rack.OWNER] ?? toDnsLabel(rack.OWNER),
      uid: derivedUid(`${customGroup}/inventories/${rack.RACK_ID}`),
      resourceVersion: String(Math.max(0, ...servers.map((s) => s.REV))),
      creationTimestamp: `${rack.COMMISSIONED}T00:00:00Z`,
      labels: { row: rack.ROW.toLowerCase(), site: rack.SITE.toLowerCase() },
    },
    spec: {
      site: rack.SITE,
      rack: rack.RACK_ID,
      servers: servers.map(
        (s): InventoryServer => ({
          hostname: s.HOSTNAME,
          assetTag: s.ASSET_TAG,
          slot: s.SLOT,
          model: s.MODEL,
          cpuCores: s.CPU_CORES,
          memory: memoryQuantity(s.RAM_GB * GiB),
          state: stateNames[s.STATE],
        }),
      ),
    },
    status,
  };
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function createCustomApiServer(deps: CustomApiServerDeps): FetchHandler {
  const { clock } = deps;
  const inventory = deps.inventory ?? new LegacyInventory();

  // Translating is cheap, but there is no need to redo it until the database changes.
  let translated: { revision: number; items: ItemObject[] } | undefined;
  function all(): ItemObject[] {
    if (!translated || translated.revision !== inventory.revision) {
      const items = inventory.racks().map((rack) => inventoryFromRack(rack, inventory.serversIn(rack.RACK_ID)));
      items.sort((a, b) => byteOrder(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || byteOrder(a.metadata.name ?? '', b.metadata.name ?? ''));
      translated = { revision: inventory.revision, items };
    }
    return translated.items;
  }

  const inventories: ReadOnlyStorage = {
    resource: 'inventories',
    kind: 'Inventory',
    singularName: 'inventory',
    namespaced: true,
    shortNames: ['inv'],
    list: (namespace) => (namespace ? all().filter((i) => i.metadata.namespace === namespace) : all()),
    get: (namespace, name) => {
      const found = all().find((i) => i.metadata.namespace === namespace && i.metadata.name === name);
      if (!found) throw notFound(inventoriesResource, name);
      return found;
    },
    convertToTable: (items, now) => ({
      columnDefinitions: inventoryColumns,
      rows: items.map((item) => {
        const spec = item.spec as { site: string; servers: InventoryServer[] };
        const status = item.status as InventoryStatus;
        const models = [...new Set(spec.servers.map((s) => s.model))].join(',');
        return [item.metadata.name, spec.site, `${status.inService}/${status.servers}`, status.cpuCores, status.memory, models, age(item.metadata.creationTimestamp, now)];
      }),
    }),
  };

  return createGenericApiServer({
    group: customGroup,
    version: customVersion,
    storages: [inventories],
    clock,
    cacheToken: () => `${inventory.revision}@${Math.floor(clock.now() / 1000)}`,
  });
}
