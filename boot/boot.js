// Loads the app, and says why on the page when it cannot: no WebAssembly, a file that does not
// arrive, a frame that may not load it, a start that fails. Inlined into index.html by
// scripts/finish-dist.mjs (which fills in the file names and allows exactly this script in the
// Content-Security-Policy by its hash). Plain ES5: it must run even where the app cannot.
(function () {
  var WASM = "__WASM__";
  var OPAQUE = "__OPAQUE__";
  // The module that starts the app (import the glue, start it with the .wasm asked for below),
  // inserted as an inline module script: the Content-Security-Policy allows it by its hash, and
  // with 'strict-dynamic' what it imports. (A dynamic import() from this script would be
  // refused: under 'strict-dynamic' it counts as parser-inserted.)
  var START = "__START__";
  var started = false;
  var problem = null;
  // Lets the stylesheet show "Loading…" only where a script runs at all.
  document.documentElement.className += " js";

  function show(text) {
    problem = problem || text;
    var status = document.getElementById("boot-status");
    if (status && !started) {
      status.className = "boot-problem";
      status.textContent = problem;
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      if (problem) show(problem);
    });
  }
  window.__koomStarted = function () {
    if (started) return;
    started = true;
    whenIdle(installWorker);
  };

  function whenIdle(task) {
    function idle() {
      if (window.requestIdleCallback) requestIdleCallback(task, { timeout: 3000 });
      else setTimeout(task, 500);
    }
    if (document.readyState === "complete") idle();
    else window.addEventListener("load", idle);
  }

  // The service worker (dist/service-worker.js) and the manifest, once the app has started: the
  // app then opens offline after one visit, and can be installed. Only on a page of its own,
  // served over HTTP(S): never in a frame, in embed mode or from a file.
  function installWorker() {
    var workers = null;
    try {
      // Reading it throws in a sandboxed document without allow-same-origin.
      if (window.top === window.self) workers = navigator.serviceWorker;
    } catch (e) {
      // Not the top, or no workers here.
    }
    if (!workers || !/^https?:$/.test(location.protocol) || /[?&]embed=(1|true)(&|$)/.test(location.search)) return;
    var manifest = document.createElement("link");
    manifest.rel = "manifest";
    manifest.href = "manifest.webmanifest";
    document.head.appendChild(manifest);
    var reloading = false;
    workers.addEventListener("controllerchange", function () {
      // Only when this page asked for the new version; another tab's choice does not reload it.
      if (reloading) location.reload();
    });
    function offer(worker) {
      if (document.getElementById("update-notice")) return;
      var box = document.createElement("div");
      box.id = "update-notice";
      box.className = "notice notice-info update-notice";
      box.setAttribute("role", "status");
      box.setAttribute("data-notice", "update");
      var text = document.createElement("p");
      text.textContent = "A new version of KOOM Readiness is ready. Reloading keeps your answers: they are saved first, and the browser asks before anything that cannot be saved is lost.";
      var actions = document.createElement("div");
      actions.className = "notice-actions";
      var update = document.createElement("button");
      update.type = "button";
      update.className = "secondary";
      update.textContent = "Reload to update";
      update.onclick = function () {
        reloading = true;
        worker.postMessage("koom-update");
      };
      var later = document.createElement("button");
      later.type = "button";
      later.className = "link-button";
      later.textContent = "Later";
      later.onclick = function () {
        box.parentNode.removeChild(box);
      };
      actions.appendChild(update);
      actions.appendChild(later);
      box.appendChild(text);
      box.appendChild(actions);
      document.body.appendChild(box);
    }
    workers
      .register("service-worker.js", { scope: "./" })
      .then(function (registration) {
        if (!registration) return;
        if (registration.waiting && workers.controller) offer(registration.waiting);
        registration.addEventListener("updatefound", function () {
          var worker = registration.installing;
          if (!worker) return;
          worker.addEventListener("statechange", function () {
            if (worker.state === "installed" && workers.controller) offer(worker);
          });
        });
      })
      ["catch"](function () {
        // No worker (private mode, a refusing browser): the app works online as before.
      });
  }

  if (typeof WebAssembly !== "object" || typeof Promise !== "function") {
    show("This browser cannot run KOOM Readiness: it has no WebAssembly. Open the page in a current browser (Chrome, Edge, Firefox or Safari from 2021 on).");
    return;
  }

  function failed(what, advice) {
    return function (error) {
      var detail = error && error.message ? " (" + error.message + ")" : "";
      show("KOOM Readiness could not " + what + detail + ". Reload the page. " + advice);
    };
  }
  var inAWiki = "If it is embedded in a wiki, the wiki's frame may not allow it to load: open the tool on its own page.";

  window.__koomFailed = failed("start", inAWiki);

  // The offline copy: the app is inlined at the end of the page (scripts/finish-dist.mjs).
  if (!WASM) return;

  // A sandboxed frame without allow-same-origin has an opaque origin: the app's module and its
  // WebAssembly are cross-origin requests there, which a plain static server refuses. A classic
  // script is not, so the app comes in one (the WebAssembly and the stylesheet inside it).
  if (self.origin === "null") {
    var script = document.createElement("script");
    script.src = OPAQUE;
    script.onerror = failed(
      "load its files in this frame",
      "If it still does not start, open the tool on its own page, or ask the wiki's administrators to add allow-same-origin to the frame's sandbox."
    );
    document.head.appendChild(script);
    return;
  }

  // The .wasm, by far the largest file, is asked for as soon as the browser reports the first
  // screen's paint (on a slow phone its download is most of the time to the first question).
  // Not before: Lighthouse's simulation counts every request begun before the largest paint as
  // something that paint waited for. Asked for once the stylesheet was in, the .wasm made the
  // simulated LCP 2.1-2.3 s instead of 0.75 s, and two frames after the stylesheet it still did
  // in 3 of 5 runs (docs/size.md).
  var fetching = false;
  function fetchWasm() {
    if (fetching) return;
    fetching = true;
    window.__koomWasm = fetch(WASM);
    // Its failure is reported once, by the start below; this keeps it from also being an
    // unhandled rejection in the console.
    window.__koomWasm["catch"](function () {});
  }
  function load() {
    fetchWasm();
    var start = document.createElement("script");
    start.type = "module";
    start.textContent = START;
    // The module or what it imports did not arrive (an error inside it is reported by the start).
    start.onerror = failed("load its files", inAWiki);
    document.head.appendChild(start);
  }
  // Calls `then` once the browser reports a paint of this type ("paint": the first contentful
  // one; "largest-contentful-paint"), or, where it reports none, once the first frame has been
  // painted (a frame's callbacks run before it is painted, the second one once the first has
  // been). Returns whether it waits for a report.
  function whenPainted(type, then) {
    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (types && types.indexOf(type) >= 0) {
      try {
        var observer = new PerformanceObserver(function (list) {
          if (type === "paint" && !list.getEntriesByName("first-contentful-paint").length) return;
          observer.disconnect();
          then();
        });
        observer.observe({ type: type, buffered: true });
        return true;
      } catch (e) {
        // An observer refused: the frames below.
      }
    }
    requestAnimationFrame(function () {
      requestAnimationFrame(then);
    });
    return false;
  }

  // The first screen is painted from the HTML before the app starts and takes it over: the
  // .wasm is asked for once that paint is reported, the module once the largest paint is (the
  // app moves the first screen's text into its own page, and text moved before its paint was
  // reported would count as painted only when the app has started).
  function afterFirstPaint() {
    whenPainted("paint", fetchWasm);
    var asked = false;
    function go() {
      if (!asked) {
        asked = true;
        setTimeout(load, 0);
      }
    }
    if (whenPainted("largest-contentful-paint", go)) {
      // A page opened in a background tab reports no paint until it is shown.
      setTimeout(go, 1000);
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", afterFirstPaint);
  } else {
    afterFirstPaint();
  }

  setTimeout(function () {
    if (!started) show("KOOM Readiness is taking long to start. If nothing happens, reload the page.");
  }, 20000);
})();
