// What a kubectl command is: its name, its own flags, and a run function that writes to the
// command's stdout/stderr and returns (or throws) like a cobra RunE.

import type { DiscoveryClient } from '../discovery.ts';
import type { FlagSpec, ParsedFlags } from '../flags.ts';
import type { Klog } from '../klog.ts';
import type { RESTClient } from '../rest/client.ts';
import type { RESTMapper } from '../restmapper.ts';
import type { FileSource } from '../env.ts';

export interface CommandContext {
  /** Positional arguments after the command name. */
  args: string[];
  flags: ParsedFlags;
  out(text: string): void;
  err(text: string): void;
  /** The namespace from -n, else the kubeconfig context's, else `default`. */
  namespace: string;
  /** Loads the kubeconfig and builds the client (logging as kubectl does at -v=6). */
  client(): RESTClient;
  discovery(): DiscoveryClient;
  mapper(): Promise<RESTMapper>;
  /**
   * Runs `fn` with the mapper as kubectl's DeferredDiscoveryRESTMapper does: when it finds no
   * such resource and discovery came from the cache, the cache is invalidated, discovery
   * fetched again and `fn` run once more.
   */
  withMapper<T>(fn: (mapper: RESTMapper) => T): Promise<T>;
  /** After a miss on cached discovery: invalidates it and returns a mapper over fresh discovery; undefined when discovery was already fresh. */
  refreshMapper(): Promise<RESTMapper | undefined>;
  log: Klog;
  files: FileSource;
  /** The kubeconfig file in use (--kubeconfig, else the one the environment found); empty when none. */
  kubeconfigPath: string;
  stdin?: string;
  now(): Date;
}

export interface Command {
  name: string;
  aliases?: string[];
  flags: FlagSpec[];
  /** Subcommands (`top node`), found as cobra finds them: the first argument that is not a flag. */
  subcommands?: Command[];
  /** Returns the exit code (0 when omitted); errors it throws are printed as kubectl's CheckErr does. */
  run(ctx: CommandContext): Promise<number | void>;
}

/** cmdutil.UsageErrorf: the message and a pointer to the command's help. */
export class UsageError extends Error {
  constructor(command: string, message: string) {
    super(`${message}\nSee 'kubectl ${command} -h' for help and examples`);
  }
}
