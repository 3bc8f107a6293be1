// Text size control, the mobile menu toggle and click-to-load videos. Works without
// any framework; without JavaScript the menu is simply always open and a video is a
// link to its page at YouTube or Vimeo. A line in base.html's <head> has already set the
// "js" class and the remembered text size before the first paint.
(function () {
  "use strict";
  var root = document.documentElement;

  var KEY = "text-size";
  function applySize(size) {
    if (size === "1" || size === "2") {
      root.setAttribute("data-text-size", size);
    } else {
      root.removeAttribute("data-text-size");
      size = "0";
    }
    document.querySelectorAll("[data-text-size]").forEach(function (button) {
      if (button.tagName === "BUTTON") {
        button.setAttribute("aria-pressed", String(button.getAttribute("data-text-size") === size));
      }
    });
  }
  var stored = null;
  try { stored = window.localStorage.getItem(KEY); } catch (e) { /* storage blocked */ }
  if (stored) { root.setAttribute("data-text-size", stored); }

  document.addEventListener("DOMContentLoaded", function () {
    applySize(stored);
    document.querySelectorAll("button[data-text-size]").forEach(function (button) {
      button.addEventListener("click", function () {
        var size = button.getAttribute("data-text-size");
        applySize(size);
        try { window.localStorage.setItem(KEY, size); } catch (e) { /* storage blocked */ }
      });
    });

    var toggle = document.querySelector(".menu-toggle");
    var nav = document.querySelector(".main-nav");
    var settings = document.querySelector(".header-settings");
    if (toggle && nav) {
      toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        nav.classList.toggle("is-open", open);
        if (open && settings) { settings.open = false; }
      });
    }
    // The phone's "Aa" panel (a <details>): Escape and a click elsewhere close it.
    if (settings) {
      var summary = settings.querySelector("summary");
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && settings.open) {
          settings.open = false;
          summary.focus();
        }
      });
      document.addEventListener("click", function (event) {
        if (settings.open && !settings.contains(event.target)) { settings.open = false; }
      });
    }

    // Page tools and sharing. Without JavaScript "Share" jumps to the list of links.
    document.querySelectorAll(".page-tool-print").forEach(function (button) {
      button.closest("[hidden]").hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    var share = document.querySelector(".share[data-share-url]");
    if (share) {
      var shareData = {
        title: share.getAttribute("data-share-title"),
        url: share.getAttribute("data-share-url")
      };
      var status = share.querySelector(".share-status");
      if (navigator.share) {
        var openSheet = function (event) {
          event.preventDefault();
          navigator.share(shareData).catch(function () { /* dismissed by the visitor */ });
        };
        share.querySelector(".share-native").hidden = false;
        share.querySelector(".share-native-button").addEventListener("click", openSheet);
        document.querySelectorAll(".page-tool-share").forEach(function (link) {
          link.addEventListener("click", openSheet);
        });
      }
      var copy = share.querySelector(".share-copy-button");
      if (copy && navigator.clipboard) {
        copy.closest("[hidden]").hidden = false;
        copy.addEventListener("click", function () {
          navigator.clipboard.writeText(shareData.url).then(function () {
            status.textContent = copy.getAttribute("data-copied");
          }, function () {
            status.textContent = copy.getAttribute("data-failed");
          });
        });
      }
    }

    // Videos: nothing is requested from YouTube or Vimeo until the visitor clicks.
    var PLAYERS = /^https:\/\/(www\.youtube-nocookie\.com\/embed\/|player\.vimeo\.com\/video\/)/;
    document.querySelectorAll(".embed-placeholder[data-embed-url]").forEach(function (placeholder) {
      var url = placeholder.getAttribute("data-embed-url");
      var button = placeholder.querySelector(".embed-load");
      if (!button || !PLAYERS.test(url)) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        var frame = document.createElement("iframe");
        frame.src = url;
        frame.title = placeholder.getAttribute("data-embed-title") || "";
        frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
        frame.allowFullscreen = true;
        frame.referrerPolicy = "strict-origin-when-cross-origin";
        var wrapper = document.createElement("div");
        wrapper.className = "embed-frame";
        wrapper.appendChild(frame);
        placeholder.replaceWith(wrapper);
        // The button is gone: keep keyboard focus where the visitor was.
        frame.focus();
      });
    });
  });
})();
