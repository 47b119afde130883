// dossier serve: reloads this page when the site is rebuilt, swaps stylesheets when
// only CSS changed, and shows a failed build's error over the page, or the problems
// (broken links) of the build served. Only served pages
// carry this script; `dossier build` never does.
(() => {
  "use strict";
  const OVERLAY = "dossier-build-error";
  let server = null;

  // The overlay's own colours, for each scheme: every element it draws takes them,
  // so that neither the site's stylesheet nor the reader's scheme makes it unreadable.
  const PALETTES = {
    light: {
      panel: "#fff4f4", text: "#3d0b0b", edge: "#c62a2f",
      code: "#ffffff", codeText: "#2a0707", button: "#3d0b0b", buttonText: "#ffffff",
    },
    dark: {
      panel: "#2b0b0b", text: "#ffe9e9", edge: "#e5484d",
      code: "#1a0505", codeText: "#fff4f4", button: "#ffe9e9", buttonText: "#2b0b0b",
    },
  };
  const DARK = window.matchMedia("(prefers-color-scheme: dark)");
  const MONO = "14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,'Liberation Mono',monospace";

  /** Sets `rules` on `element` as `!important` inline styles, over anything else. */
  function paint(element, rules) {
    // `all: initial` first: no rule of the page's reaches the overlay's elements.
    element.style.setProperty("all", "initial", "important");
    for (const [name, value] of Object.entries(rules)) {
      element.style.setProperty(name, value, "important");
    }
  }

  /** Gives the overlay `box` and each of its elements the current scheme's colours. */
  function paintOverlay(box) {
    const c = DARK.matches ? PALETTES.dark : PALETTES.light;
    paint(box, {
      display: "block", position: "fixed", inset: "auto 0 0 0", "max-height": "60vh",
      overflow: "auto", "z-index": "2147483647", "box-sizing": "border-box",
      padding: "1em 1.5em", background: c.panel, color: c.text, font: MONO,
      "border-top": `4px solid ${c.edge}`, "box-shadow": "0 -4px 16px rgba(0,0,0,.4)",
      "color-scheme": DARK.matches ? "dark" : "light",
    });
    paint(box.querySelector("strong"), {
      display: "block", color: c.text, font: MONO, "font-weight": "700",
    });
    const button = box.querySelector("button");
    paint(button, {
      float: "right", "margin-left": "1em", padding: ".2em .8em", cursor: "pointer",
      background: c.button, color: c.buttonText, font: MONO,
      border: `1px solid ${c.button}`, "border-radius": "4px", "outline-offset": "2px",
    });
    // `all: initial` took the browser's focus ring too: the overlay draws its own.
    button.onfocus = () => button.style.setProperty("outline", `2px solid ${c.edge}`, "important");
    button.onblur = () => button.style.setProperty("outline", "none", "important");
    paint(box.querySelector("pre"), {
      display: "block", "white-space": "pre-wrap", "overflow-wrap": "anywhere",
      margin: ".75em 0 0", padding: ".75em 1em", background: c.code, color: c.codeText,
      font: MONO, "border-radius": "4px",
    });
  }

  // The overlay's words come with the error (or the problems), in the site's language.
  function showError(text, words) {
    let box = document.getElementById(OVERLAY);
    if (!box) {
      box = document.createElement("div");
      box.id = OVERLAY;
      box.setAttribute("role", "alert");
      const title = document.createElement("strong");
      const close = document.createElement("button");
      close.type = "button";
      close.addEventListener("click", () => box.remove());
      const pre = document.createElement("pre");
      box.append(close, title, pre);
      paintOverlay(box);
      document.body.append(box);
    }
    // textContent, never innerHTML: the error quotes the author's text.
    box.querySelector("strong").textContent =
      words.title || "The last change does not build. This page shows the last good build.";
    box.querySelector("button").textContent = words.hide || "Hide";
    box.querySelector("pre").textContent = text;
  }

  DARK.addEventListener("change", () => {
    const box = document.getElementById(OVERLAY);
    if (box) paintOverlay(box);
  });

  function hideError() {
    const box = document.getElementById(OVERLAY);
    if (box) box.remove();
  }

  function swapStylesheets(version) {
    for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin) continue;
      url.searchParams.set("dossier-reload", version);
      link.href = url.href;
    }
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const socket = new WebSocket(`${scheme}//${location.host}/__dossier/events`);
    socket.addEventListener("message", (event) => {
      const message = JSON.parse(event.data);
      switch (message.type) {
        case "hello":
          // The name of the server and its build: another one after a reconnection
          // means this page missed a rebuild (or the server restarted).
          if (server !== null && server !== message.build) location.reload();
          server = message.build;
          // Lets a test (or a curious author) see that the page listens for rebuilds.
          window.dossierLiveReload = "connected";
          break;
        case "reload":
          location.reload();
          break;
        case "css":
          hideError();
          server = message.build;
          swapStylesheets(message.build);
          break;
        case "error":
        case "problems":
          showError(message.text, message);
          break;
      }
    });
    socket.addEventListener("close", () => {
      window.dossierLiveReload = "disconnected";
      setTimeout(connect, 1000);
    });
  }

  connect();
})();
