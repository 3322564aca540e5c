/**
 * AFAS Profit GetConnector: GET {base}/connectors/{connector}?skip=N&take=M → { skip, take, rows: [...] },
 * authenticated with `Authorization: AfasToken <base64 of the token XML>`. As AFAS documents, pages are read
 * until one comes back without rows (a short page does not prove the end: Profit may cap `take`), sorted on
 * `orderBy` when set so skip/take never skips or repeats a row. Field ids stay as the connector names them
 * (Medewerker, Roepnaam, Voorvoegsel, Achternaam, E-mail werk, Datum in dienst, …).
 */
import type { AfasSource } from '../../../shared/mapping/schema';
import type { SourceRecord } from '../../../shared/source/types';
import { rowLabel } from '../../../shared/issues';
import { afasToken } from './auth';
import { recordsOf, type ReadState } from './context';
import { flattenRecord, valueAt } from './flatten';
import { requestJson } from './http';

export function afasUrl(source: AfasSource, skip: number, take: number): string {
  const base = source.baseUrl.replace(/\/+$/, '');
  const query = new URLSearchParams({ skip: String(skip), take: String(take) });
  if (source.orderBy) query.set('orderbyfieldids', source.orderBy);
  return `${base}/connectors/${encodeURIComponent(source.connector)}?${query.toString()}`;
}

/** Every row of the GetConnector (row = 1-based position, ref = "row N"). */
export async function* readAfas(
  state: ReadState,
  source: AfasSource,
  token: string,
  limit: number | undefined,
): AsyncGenerator<SourceRecord> {
  const auth = afasToken(token);
  let skip = 0;
  let row = 0;
  for (;;) {
    const take = limit !== undefined ? Math.min(source.pageSize, Math.max(1, limit - row)) : source.pageSize;
    const url = afasUrl(source, skip, take);
    const body = await requestJson(state.ctx, { url, auth, phase: 'read' });
    const rows = recordsOf(body, 'rows', url, valueAt);
    state.progress.pages++;
    for (const r of rows) {
      row++;
      state.progress.records = row;
      yield { row, ref: rowLabel(row), values: flattenRecord(r) };
      if (limit !== undefined && row >= limit) {
        state.report();
        return;
      }
    }
    state.report();
    if (rows.length === 0) return;
    skip += rows.length;
  }
}
