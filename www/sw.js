// The calculator offline (issue 17): a service worker for the page (index.html) and the iframe
// (embed.html), registered by app.js and embed.js. scripts/sw.mjs writes dist/sw.js from this file
// with the build's VERSION and SHELL (the pages, their scripts and styles, the catalogue and the
// figures engine): cached when it installs. Each scheme's pack is cached the first time it is used
// (packs/<id>.<hash>.pack: a changed pack is a new name, so a cached one is never stale) and kept
// across versions while the catalogue still names it; every other file of the site the page uses
// (the explaining module, the city picker…) is cached as it is fetched. Pages are asked of the
// network first, so a new version is seen when online; everything else is served from the cache.
/* global self, caches */
const VERSION = '__VERSION__';
const SHELL = ['__SHELL__'];
const SITE = `yibao-${VERSION}`;
const PACKS = 'yibao-packs';

self.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(SITE)
      .then((c) => c.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

/** The pack names the new catalogue gives (its hashes), to drop the packs it no longer names. */
async function namedPacks() {
  const res = await caches.match('catalogue.js', { cacheName: SITE });
  if (!res) return null;
  const text = await res.text();
  const names = new Set();
  for (const m of text.matchAll(/\["([a-z0-9_-]+)",(?:"(?:[^"\\]|\\.)*",){5}"([0-9a-f]{12})"/g)) names.add(`${m[1]}.${m[2]}.pack`);
  return names;
}

self.addEventListener('activate', (e) => {
  e.waitUntil(
    (async () => {
      for (const k of await caches.keys()) if (k !== SITE && k !== PACKS && k.startsWith('yibao-')) await caches.delete(k);
      const names = await namedPacks();
      if (names) {
        const packs = await caches.open(PACKS);
        for (const req of await packs.keys()) {
          const name = new URL(req.url).pathname.split('/').pop();
          if (!names.has(name)) await packs.delete(req);
        }
      }
      await self.clients.claim();
    })(),
  );
});

/** `req` from the cache, else the network (and kept); `cacheName`: where it is kept. */
async function cached(req, cacheName) {
  const hit = await caches.match(req, { ignoreSearch: true });
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok) {
    const c = await caches.open(cacheName);
    await c.put(req, res.clone());
  }
  return res;
}

/** A page: the network when it answers, else the cached copy of the same page. */
async function page(req) {
  try {
    const res = await fetch(req);
    if (res.ok) {
      const c = await caches.open(SITE);
      await c.put(req.url.split(/[?#]/)[0], res.clone());
    }
    return res;
  } catch (err) {
    const hit = (await caches.match(req, { ignoreSearch: true })) || (await caches.match('./', { cacheName: SITE }));
    if (hit) return hit;
    throw err;
  }
}

self.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    e.respondWith(page(req));
  } else if (/\/packs\/[^/]+\.pack$/.test(url.pathname)) {
    e.respondWith(cached(req, PACKS));
  } else {
    e.respondWith(cached(req, SITE));
  }
});

// The page names the packs and files it used before this worker controlled it (the first visit).
self.addEventListener('message', (e) => {
  const urls = e.data && e.data.type === 'yibao:cache' && Array.isArray(e.data.urls) ? e.data.urls : [];
  e.waitUntil(
    Promise.all(
      urls
        .filter((u) => typeof u === 'string' && new URL(u, self.location.href).origin === self.location.origin)
        .map((u) => cached(new Request(u), /\/packs\/[^/]+\.pack$/.test(u) ? PACKS : SITE).catch(() => {})),
    ),
  );
});
