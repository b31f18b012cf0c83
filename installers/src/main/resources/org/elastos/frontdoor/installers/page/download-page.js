// Picks the offer for the visitor's machine. Without this script the page still lists every file; with it, only the
// default offer and the order of the list change. Apple silicon or Intel: Chromium-based browsers say so through
// User-Agent Client Hints; others are asked for their graphics renderer; Safari says "Apple GPU" on both, and then
// Apple silicon, what most Macs in use have, is offered with the Intel file beside it.
(function () {
  "use strict";
  var offers = JSON.parse(document.getElementById("offers").textContent);
  var link = document.getElementById("download");

  function show(id, visible) {
    var node = document.getElementById(id);
    if (node) {
      node.hidden = !visible;
    }
  }

  function choose(target) {
    var offer = target && offers[target];
    if (offer) {
      link.href = offer.href;
      link.textContent = offer.label;
      link.setAttribute("data-target", target);
      document.getElementById("download-file").textContent = offer.file;
      show("other-mac-x64", target === "macos-arm64");
      show("other-mac-arm64", target === "macos-x64");
      var section = document.getElementById("target-" + target);
      if (section) {
        section.parentNode.insertBefore(section, section.parentNode.firstElementChild);
      }
    }
    show("ios-note", target === "ios-arm64");
    document.documentElement.setAttribute("data-chosen", offer ? target : "none");
  }

  function rendererSaysIntel() {
    try {
      var gl = document.createElement("canvas").getContext("webgl");
      var info = gl && gl.getExtension("WEBGL_debug_renderer_info");
      return /Intel|AMD|Radeon|NVIDIA/i.test(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : "");
    } catch (e) {
      return false;
    }
  }

  function chooseMac() {
    var fallback = function () {
      choose(rendererSaysIntel() ? "macos-x64" : "macos-arm64");
    };
    var hints = navigator.userAgentData;
    if (!hints || !hints.getHighEntropyValues) {
      fallback();
      return;
    }
    hints.getHighEntropyValues(["architecture"]).then(function (values) {
      if (values.architecture === "x86") {
        choose("macos-x64");
      } else if (values.architecture === "arm") {
        choose("macos-arm64");
      } else {
        fallback();
      }
    }, fallback);
  }

  var agent = navigator.userAgent || "";
  var platform = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || "";
  if (/Android/i.test(agent)) {
    choose("android-arm64");
  } else if (/iPhone|iPad|iPod/.test(agent) || (/Mac/.test(platform) && navigator.maxTouchPoints > 1)) {
    choose("ios-arm64");
  } else if (/Mac/i.test(platform) || /Macintosh/.test(agent)) {
    chooseMac();
  } else if (/Win/i.test(platform) || /Windows/.test(agent)) {
    choose("windows-x64");
  } else if (/Linux|X11/i.test(platform + " " + agent)) {
    choose("linux-x64");
  } else {
    choose(null);
  }
})();
