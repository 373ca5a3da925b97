// Stands in for msw's in-page fetch and XMLHttpRequest interceptors in the browser bundle. msw
// uses them only when service workers are unsupported; the playground never starts msw then (it
// calls the cluster's handler directly, see worker.ts), so they are dead weight (~6 KiB gz).
// Constructing one fails loudly, and worker.ts falls back to the in-page handler.

class UnusedInterceptor {
  constructor() {
    throw new Error('in-page request interception is not available: the playground answers in the page itself');
  }
}

export const FetchInterceptor = UnusedInterceptor;
export const XMLHttpRequestInterceptor = UnusedInterceptor;
