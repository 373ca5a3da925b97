// The "legacy system" behind the course's custom API server: a data-centre asset database of the
// kind many companies still run, with its own identifiers, upper-case enums, team codes and a
// revision counter, and no idea Kubernetes exists. The custom API server reads it on every request
// and translates; nothing of it is stored in etcd.

export type LegacyServerState = 'IN_SERVICE' | 'MAINT' | 'SPARE';

/** A row of the RACK table. */
export interface LegacyRack {
  RACK_ID: string;
  SITE: string;
  ROW: string;
  OWNER: string;
  COMMISSIONED: string;
}

/** A row of the SERVER table. */
export interface LegacyServer {
  ASSET_TAG: string;
  HOSTNAME: string;
  RACK_ID: string;
  SLOT: number;
  MODEL: string;
  CPU_CORES: number;
  RAM_GB: number;
  STATE: LegacyServerState;
  /** The database's change counter at this row's last update. */
  REV: number;
}

const seedRacks: LegacyRack[] = [
  { RACK_ID: 'AMS1-A01', SITE: 'AMS1', ROW: 'A', OWNER: 'PLATFORM', COMMISSIONED: '2019-04-02' },
  { RACK_ID: 'AMS1-A02', SITE: 'AMS1', ROW: 'A', OWNER: 'PLATFORM', COMMISSIONED: '2020-11-16' },
  { RACK_ID: 'AMS1-B01', SITE: 'AMS1', ROW: 'B', OWNER: 'STORAGE', COMMISSIONED: '2021-06-08' },
  { RACK_ID: 'FRA2-C07', SITE: 'FRA2', ROW: 'C', OWNER: 'PLATFORM', COMMISSIONED: '2023-02-27' },
];

const seedServers: LegacyServer[] = [
  { ASSET_TAG: 'SRV-00142', HOSTNAME: 'ams1a01n01', RACK_ID: 'AMS1-A01', SLOT: 1, MODEL: 'PowerEdge R640', CPU_CORES: 32, RAM_GB: 256, STATE: 'IN_SERVICE', REV: 118 },
  { ASSET_TAG: 'SRV-00143', HOSTNAME: 'ams1a01n02', RACK_ID: 'AMS1-A01', SLOT: 2, MODEL: 'PowerEdge R640', CPU_CORES: 32, RAM_GB: 256, STATE: 'IN_SERVICE', REV: 119 },
  { ASSET_TAG: 'SRV-00151', HOSTNAME: 'ams1a01n03', RACK_ID: 'AMS1-A01', SLOT: 3, MODEL: 'PowerEdge R650', CPU_CORES: 48, RAM_GB: 512, STATE: 'MAINT', REV: 207 },
  { ASSET_TAG: 'SRV-00188', HOSTNAME: 'ams1a02n01', RACK_ID: 'AMS1-A02', SLOT: 1, MODEL: 'PowerEdge R650', CPU_CORES: 48, RAM_GB: 384, STATE: 'IN_SERVICE', REV: 164 },
  { ASSET_TAG: 'SRV-00189', HOSTNAME: 'ams1a02n02', RACK_ID: 'AMS1-A02', SLOT: 2, MODEL: 'PowerEdge R650', CPU_CORES: 48, RAM_GB: 384, STATE: 'IN_SERVICE', REV: 165 },
  { ASSET_TAG: 'SRV-00190', HOSTNAME: 'ams1a02n03', RACK_ID: 'AMS1-A02', SLOT: 3, MODEL: 'PowerEdge R650', CPU_CORES: 48, RAM_GB: 384, STATE: 'SPARE', REV: 166 },
  { ASSET_TAG: 'STO-00031', HOSTNAME: 'ams1b01s01', RACK_ID: 'AMS1-B01', SLOT: 1, MODEL: 'PowerEdge R740xd', CPU_CORES: 24, RAM_GB: 192, STATE: 'IN_SERVICE', REV: 172 },
  { ASSET_TAG: 'STO-00032', HOSTNAME: 'ams1b01s02', RACK_ID: 'AMS1-B01', SLOT: 2, MODEL: 'PowerEdge R740xd', CPU_CORES: 24, RAM_GB: 192, STATE: 'IN_SERVICE', REV: 173 },
  { ASSET_TAG: 'SRV-00301', HOSTNAME: 'fra2c07n01', RACK_ID: 'FRA2-C07', SLOT: 1, MODEL: 'ProLiant DL360 Gen11', CPU_CORES: 64, RAM_GB: 512, STATE: 'IN_SERVICE', REV: 251 },
  { ASSET_TAG: 'SRV-00302', HOSTNAME: 'fra2c07n02', RACK_ID: 'FRA2-C07', SLOT: 2, MODEL: 'ProLiant DL360 Gen11', CPU_CORES: 64, RAM_GB: 512, STATE: 'IN_SERVICE', REV: 252 },
];

/** An in-memory copy of the asset database, with the one write a lesson needs: a server changing state. */
export class LegacyInventory {
  private readonly rackRows: LegacyRack[];
  private readonly serverRows: LegacyServer[];
  private rev: number;

  constructor(racks: LegacyRack[] = seedRacks, servers: LegacyServer[] = seedServers) {
    this.rackRows = racks.map((r) => ({ ...r }));
    this.serverRows = servers.map((s) => ({ ...s }));
    this.rev = Math.max(0, ...this.serverRows.map((s) => s.REV));
  }

  /** The database's current change counter. */
  get revision(): number {
    return this.rev;
  }

  racks(): readonly LegacyRack[] {
    return this.rackRows;
  }

  serversIn(rackId: string): LegacyServer[] {
    return this.serverRows.filter((s) => s.RACK_ID === rackId).sort((a, b) => a.SLOT - b.SLOT);
  }

  /** What an operator does in the legacy UI; the API shows it on the next read. */
  setServerState(assetTag: string, state: LegacyServerState): boolean {
    const row = this.serverRows.find((s) => s.ASSET_TAG === assetTag);
    if (!row) return false;
    row.STATE = state;
    row.REV = ++this.rev;
    return true;
  }
}
