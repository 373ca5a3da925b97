// GET /version: the build the simulated kube-apiserver claims, written indented as the real
// handler writes it.

export const serverVersion = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.5',
  gitCommit: '9894294ef13a5b32803e3ca2c0d620a088cc84d1',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T08:59:59Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export function versionResponse(): Response {
  return new Response(JSON.stringify(serverVersion, null, 2) + '\n', { headers: { 'Content-Type': 'application/json' } });
}
