// Stands in for tough-cookie in the browser bundle. msw keeps a cookie jar (tough-cookie, which
// brings tldts and the public-suffix list: ~110 KiB gz) for handlers that read or set cookies. The
// simulated cluster does neither, so an always-empty jar is enough and keeps the terminal's
// download small. Only what msw's CookieStore calls is provided.

export class MemoryCookieStore {
  idx: Record<string, unknown> = {};
}

export class CookieJar {
  constructor(_store?: MemoryCookieStore) {}

  getCookiesSync(_url: string): { key: string; value: string }[] {
    return [];
  }

  async setCookie(_cookie: string, _url: string): Promise<void> {}
}

export const Cookie = {
  fromJSON(_json: unknown): undefined {
    return undefined;
  },
};
