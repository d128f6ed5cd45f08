// The app's service worker (docs/app.md). It keeps the app shell (the page, its scripts, styles and
// icons) so that the app opens with no network at all, and MapLibre once a map has been opened. It
// never answers for the API (/api/...): those calls go to the network as they are and, offline, fail
// at once, so that the app's outbox keeps what the person sent until the network is back.
// VERSION is filled in by the server with a digest of the files below: a new release is a new cache.
const VERSION = '__VERSION__';
const CACHE = 'citygrid-app-' + VERSION;
const RUNTIME = 'citygrid-app-runtime';
const SHELL = [
  './',
  'manifest.webmanifest',
  'css/app.css',
  'icons/icon-192.png',
  'icons/icon-512.png',
  'icons/icon-maskable-512.png',
  'js/api.js',
  'js/catalog.js',
  'js/community.js',
  'js/i18n.js',
  'js/idb.js',
  'js/inbox.js',
  'js/main.js',
  'js/mapview.js',
  'js/mine.js',
  'js/outbox.js',
  'js/patrol.js',
  'js/photos.js',
  'js/position.js',
  'js/report.js',
  'js/session.js',
  'js/tasks.js',
  'js/texts.js',
  'js/timeline.js',
  'js/ui.js'
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('citygrid-app-') && k !== CACHE && k !== RUNTIME)
      .map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/app')) {
    // the start page from the shell, whatever query or fragment it was opened with
    event.respondWith(caches.match('./', { cacheName: CACHE }).then((hit) => hit || fetch(request)));
    return;
  }
  if (url.pathname.startsWith('/app/')) {
    event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
    return;
  }
  if (url.pathname.startsWith('/console/vendor/')) {
    event.respondWith(caches.open(RUNTIME).then((c) => c.match(request).then((hit) => hit || fetch(request).then((res) => {
      if (res.ok) c.put(request, res.clone());
      return res;
    }))));
  }
});
