// The service worker: after one visit the app opens offline. scripts/finish-dist.mjs writes it
// into dist/service-worker.js with the build's name and its files filled in; boot/boot.js
// registers it at the top level only (never in a frame, never in embed mode), with the page's
// own directory as its scope, so the app works from any sub-path.
//
// - Every file of the build but the opaque-frame script is fetched at install into a cache
//   named after the build; older builds' caches are removed once this one is active.
// - The page (index.html) comes from the network first, from the cache when the network fails.
// - The other files have content-hashed names: the cache answers, the network only if it lacks one.
// - A new build waits until the page asks for it ("Reload to update"): an open page never changes
//   under the user.
var BUILD = "__BUILD__";
var FILES = ["__FILES__"];
var PAGE = "index.html";
var PREFIX = "koom-readiness-";
var CACHE = PREFIX + BUILD;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      // Past the browser's HTTP cache: the page must be the one these files belong to.
      return cache.addAll(
        FILES.map(function (file) {
          return new Request(file, { cache: "reload" });
        })
      );
    })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(
        names
          .filter(function (name) {
            return name.indexOf(PREFIX) === 0 && name !== CACHE;
          })
          .map(function (name) {
            return caches["delete"](name);
          })
      );
    })
  );
});

self.addEventListener("message", function (event) {
  if (event.data === "koom-update") self.skipWaiting();
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  var scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || url.pathname.indexOf(scope.pathname) !== 0) return;
  var path = url.pathname.slice(scope.pathname.length);
  if (path === "" || path === PAGE) {
    event.respondWith(
      fetch(request)["catch"](function () {
        return caches
          .open(CACHE)
          .then(function (cache) {
            return cache.match(PAGE);
          })
          .then(function (page) {
            return page || Response.error();
          });
      })
    );
    return;
  }
  // Anything else (the opaque-frame script, the offline copy): the network, as without a worker.
  if (FILES.indexOf(path) < 0) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then(function (cache) {
        return cache.match(path);
      })
      .then(function (hit) {
        return hit || fetch(request);
      })
  );
});
