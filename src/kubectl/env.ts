// What our kubectl is given by whoever runs it: the cluster's fetch and where it is, files for
// -f, stdin, a clock and a pid for log lines.

export interface FileSource {
  readFile(name: string): string | undefined;
}

export interface KubectlEnv {
  fetch: (req: Request) => Promise<Response>;
  /** Server URL, e.g. `http://127.0.0.1:8080`. */
  server: string;
  /** The current context's namespace; `default` when absent. */
  namespace?: string;
  files: FileSource;
  stdin?: string;
  now(): Date;
  pid: number;
  /** The kubeconfig kubectl says it loaded at -v=6; empty when none was read. */
  kubeconfigPath: string;
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number;
}
