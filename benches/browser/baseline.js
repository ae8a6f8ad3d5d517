// The plain-JavaScript baseline of a complete load (issue #13): the same `sessions/list.all`
// pages the app's fetch plan reads, at the same concurrency, with `fetch` + `JSON.parse` and
// nothing else — no retries, no de-duplication, no rows built. The first page alone (it says
// `total` and the page size the server grants for a `count` of 1,000), then the rest
// `concurrency` at a time.
//
// `parse` false stops at `response.text()`: the network's and the browser's share alone.
// Resolves to the number of rows read (with `parse`) or of characters received.
export async function jsLoad(userId, authToken, concurrency, parse) {
  const headers = { 'X-User-Id': userId, 'X-Auth-Token': authToken };
  const get = async (offset, count) => {
    const r = await fetch(`/api/v1/sessions/list.all?offset=${offset}&count=${count}`, { headers });
    if (!r.ok) throw new Error(`list.all offset ${offset}: HTTP ${r.status}`);
    return r.text();
  };
  const first = JSON.parse(await get(0, 1000));
  const size = first.sessions.length;
  const total = first.total;
  if (!size || !Number.isFinite(total)) throw new Error('the first page had no rows or no total');
  let amount = parse ? size : 0;
  let next = size;
  const worker = async () => {
    while (next < total) {
      const offset = next;
      next += size;
      const text = await get(offset, 1000);
      amount += parse ? JSON.parse(text).sessions.length : text.length;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return amount;
}
