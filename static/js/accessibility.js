/*
 * Display options of the public site: larger text and high contrast.
 * Each option is a class on <html>, stored in localStorage so that it applies to every page
 * without a request to the server. base.html re-applies the stored classes before the first
 * paint; this file shows the toolbar and toggles the options.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "muongte-a11y";
  var root = document.documentElement;

  function storedOptions() {
    try {
      return (window.localStorage.getItem(STORAGE_KEY) || "").split(" ").filter(Boolean);
    } catch (error) {
      return [];
    }
  }

  function storeOptions(options) {
    try {
      window.localStorage.setItem(STORAGE_KEY, options.join(" "));
    } catch (error) {
      // Private browsing may refuse storage: the option then lasts until the page changes.
    }
  }

  function setUp() {
    var toolbar = document.querySelector("[data-a11y-toolbar]");
    if (!toolbar) {
      return;
    }
    var buttons = toolbar.querySelectorAll("[data-a11y-option]");
    var active = storedOptions();

    Array.prototype.forEach.call(buttons, function (button) {
      var option = button.getAttribute("data-a11y-option");
      button.setAttribute("aria-pressed", String(active.indexOf(option) !== -1));
      button.addEventListener("click", function () {
        var enabled = !root.classList.contains(option);
        root.classList.toggle(option, enabled);
        button.setAttribute("aria-pressed", String(enabled));
        var options = storedOptions().filter(function (name) { return name !== option; });
        if (enabled) {
          options.push(option);
        }
        storeOptions(options);
      });
    });
    toolbar.hidden = false;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
