/** The part of `fetch` the online importers use, so tests can hand in a fake that reads fixtures. */
export type FetchJson = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export const defaultFetch: FetchJson = (url) => fetch(url, { headers: { accept: 'application/json' } });

export async function getJson(fetchImpl: FetchJson, url: string): Promise<unknown> {
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`${url} gaf HTTP ${response.status}`);
  return response.json();
}
