// Policy packs on the page (issue 17): the catalogue of schemes the widget ships (catalogue.js,
// written by scripts/catalogue.mjs), and each scheme's pack fetched when it is first shown and
// handed to the engine. The engine checks every pack (format, engine version, checksum, the hash
// the catalogue names); here a failure becomes a bilingual error the page shows with a retry.
import { fetchBytes } from './extras.js';

const STATUS = { d: 'document', n: 'notice', v: 'derived', p: 'projection' };
const KIND = { p: 'prefecture', d: 'district', c: 'county' };

/**
 * The catalogue's rows as scheme objects shaped like the engine's catalogue entries, marked
 * `loaded: false` until the scheme's pack is in the engine (then `withLoaded` replaces them).
 */
export function schemesOf(rows) {
  return rows.map(([id, zh, en, from, to, years, hash, regions]) => ({
    id,
    name_zh: zh,
    name_en: en,
    doc: '',
    title_zh: '',
    effective_from: from,
    effective_to: to || undefined,
    years: years ? years.split(' ').map((y) => ({ year: Number(y.slice(0, 4)), status: STATUS[y[4]] || 'notice' })) : [],
    pack: hash ? `${id}.${hash}.pack` : '',
    hash,
    regions: regions.map(([rid, rzh, ren, rules]) => ({ id: rid, name_zh: rzh, name_en: ren, rules })),
    categories: [],
    statuses: [],
    levels: [],
    claim_kinds: [],
    notices: [],
    loaded: false,
  }));
}

/**
 * The list with every scheme the engine has loaded replaced by the engine's entry (keeping the
 * catalogue's pack and region rules); a loaded scheme the catalogue lacks (a portal's own pack)
 * is added at the end.
 */
export function withLoaded(list, loaded) {
  const out = list.map((s) => {
    const full = loaded.find((x) => x.id === s.id);
    if (!full) return s;
    const regions = full.regions.map((r) => ({ ...r, rules: s.regions.find((x) => x.id === r.id)?.rules || '' }));
    return { ...full, regions, pack: s.pack, hash: s.hash, loaded: true };
  });
  for (const full of loaded) if (!out.some((s) => s.id === full.id)) out.push({ ...full, loaded: true });
  return out;
}

/**
 * A division's region in each scheme: the region whose rule (code prefix and kind of division)
 * matches it, the longest prefix winning. `d`: [code, name, parent, kind, …] (divisions.js).
 */
export function regionsOf(list, d) {
  const out = [];
  for (const scheme of list) {
    let best = null;
    let len = -1;
    for (const r of scheme.regions) {
      for (const rule of (r.rules || '').split(' ').filter(Boolean)) {
        const [where, kinds] = rule.split(':');
        const ok = d[0].startsWith(where) && [...kinds].some((k) => KIND[k] === d[3]);
        if (ok && where.length > len) {
          best = r.id;
          len = where.length;
        }
      }
    }
    if (best) out.push({ scheme, region: best });
  }
  return out;
}

const W = {
  offline: [
    '该方案的数据尚未下载过，需要联网才能打开。请连接网络后重试。',
    "This scheme's data has not been downloaded yet and needs the network. Connect and try again.",
  ],
  failed: ['方案数据下载失败（{0}），请重试。', "The scheme's data could not be downloaded ({0}); try again."],
};

/** The error shown when the explaining module cannot be fetched (code `explain_unavailable`). */
export function explainUnavailable(cause) {
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  const zh = offline ? '计算过程的说明尚未下载过，需要联网才能打开。数字与区间不受影响。' : `计算过程的说明下载失败（${(cause && cause.message) || cause}），请重试。`;
  const en = offline ? 'The explanation has not been downloaded yet and needs the network; the figures and ranges are unaffected.' : `The explanation could not be downloaded (${(cause && cause.message) || cause}); try again.`;
  return { code: 'explain_unavailable', message: zh, message_zh: zh, message_en: en };
}

/** The error a failed download is shown as (code `pack_unavailable`). */
export function unavailable(cause) {
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  const why = cause && cause.status ? `HTTP ${cause.status}` : String((cause && cause.message) || cause || '');
  const [zh, en] = offline ? W.offline : W.failed.map((s) => s.replace('{0}', why));
  return { code: 'pack_unavailable', message: zh, message_zh: zh, message_en: en, field: 'pack', retry: true };
}

/**
 * The packs on this page: `load(scheme)` fetches a scheme's pack (from `urlOf(file)`) and hands it
 * to `engine()`'s `loadPack` with the catalogue's hash — one promise per scheme, dropped on
 * failure so that a retry fetches again (past the HTTP cache); the fetch starts at once, beside
 * the engine's own download. `own(bytes, hash)` loads a portal's pack. Each pack's bytes are kept:
 * `into(api)` hands every one to another engine (the explaining module, once it is fetched).
 * Rejects with an engine error (`pack_invalid`, `pack_version`) or `pack_unavailable`.
 */
export function packRegistry(engine, urlOf) {
  const held = new Map();
  const pending = new Map();
  const failed = new Set();
  const given = new WeakMap();
  const keep = (api, info, bytes, hash) => {
    held.set(info.scheme, { bytes, hash });
    if (!given.has(api)) given.set(api, new Set());
    given.get(api).add(info.scheme);
    return info;
  };
  return {
    load(scheme) {
      if (!scheme || !scheme.pack) return Promise.reject(unavailable('no pack'));
      if (!pending.has(scheme.id)) {
        const bytes = fetchBytes(urlOf(scheme.pack), failed.has(scheme.id)).catch((e) => {
          throw unavailable(e);
        });
        const p = Promise.all([engine(), bytes]).then(([api, b]) => {
          try {
            return keep(api, api.loadPack(b, scheme.hash), b, scheme.hash);
          } catch (e) {
            throw Object.assign(e, { retry: true });
          }
        });
        p.catch(() => {
          pending.delete(scheme.id);
          failed.add(scheme.id);
        });
        pending.set(scheme.id, p);
      }
      return pending.get(scheme.id);
    },
    async own(bytes, hash) {
      const api = await engine();
      return keep(api, api.loadPack(bytes, hash), bytes, hash);
    },
    into(api) {
      if (!given.has(api)) given.set(api, new Set());
      const has = given.get(api);
      for (const [id, p] of held) {
        if (!has.has(id)) {
          api.loadPack(p.bytes, p.hash);
          has.add(id);
        }
      }
      return api;
    },
  };
}
