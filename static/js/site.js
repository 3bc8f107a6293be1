// Text size control and the mobile menu toggle. Works without any framework;
// without JavaScript the menu is simply always open.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

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
    if (toggle && nav) {
      toggle.hidden = false;
      toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        nav.classList.toggle("is-open", open);
      });
    }
  });
})();
