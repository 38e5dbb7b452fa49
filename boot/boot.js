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
    started = true;
  };

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

  function load() {
    window.__koomWasm = fetch(WASM);
    // Its failure is reported once, by the start below; this keeps it from also being an
    // unhandled rejection in the console.
    window.__koomWasm["catch"](function () {});
    var start = document.createElement("script");
    start.type = "module";
    start.textContent = START;
    // The module or what it imports did not arrive (an error inside it is reported by the start).
    start.onerror = failed("load its files", inAWiki);
    document.head.appendChild(start);
  }
  // The first screen is painted from the HTML before the app's files are asked for, so they
  // never compete with the stylesheet for the first paint.
  function afterFirstPaint() {
    var asked = false;
    function go() {
      if (!asked) {
        asked = true;
        setTimeout(load, 0);
      }
    }
    // Where the browser reports the largest paint, wait for that report: the app moves the
    // first screen's text into its own page, and text moved before its paint was reported
    // would count as painted only when the app has started.
    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (types && types.indexOf("largest-contentful-paint") >= 0) {
      try {
        var observer = new PerformanceObserver(function () {
          observer.disconnect();
          go();
        });
        observer.observe({ type: "largest-contentful-paint", buffered: true });
        // A page opened in a background tab reports no paint until it is shown.
        setTimeout(go, 1000);
        return;
      } catch (e) {
        // An observer refused: the frames below.
      }
    }
    // A frame's callbacks run before it is painted: the second one runs once the first frame
    // (the first screen) has been painted.
    requestAnimationFrame(function () {
      requestAnimationFrame(go);
    });
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
