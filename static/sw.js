// Service worker: keeps the calculator working offline. scripts/postbuild.mjs fills in
// the list of built files and a cache name that changes with every build.
const PRECACHE = /*PRECACHE*/[];
const CACHE = "yj-rating-/*VERSION*/";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("yj-rating-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Cache first: every built file is precached, and file names change when content does.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.match(request, { ignoreSearch: true }).then(
      (hit) =>
        hit ||
        fetch(request).catch(() =>
          request.mode === "navigate" ? caches.match("./index.html") : Response.error(),
        ),
    ),
  );
});
