// dossier serve: reloads this page when the site is rebuilt, swaps stylesheets when
// only CSS changed, and shows a failed build's error over the page. Only served pages
// carry this script; `dossier build` never does.
(() => {
  "use strict";
  const OVERLAY = "dossier-build-error";
  let server = null;

  function showError(text) {
    let box = document.getElementById(OVERLAY);
    if (!box) {
      box = document.createElement("div");
      box.id = OVERLAY;
      box.setAttribute("role", "alert");
      box.style.cssText =
        "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "margin:0;padding:1em 1.5em;background:#2b0b0b;color:#ffe9e9;border-top:4px solid #e5484d;" +
        "font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 -4px 16px #0006";
      const title = document.createElement("strong");
      title.textContent = "The last change does not build. This page shows the last good build.";
      const close = document.createElement("button");
      close.type = "button";
      close.textContent = "Hide";
      close.style.cssText = "float:right;font:inherit";
      close.addEventListener("click", () => box.remove());
      const pre = document.createElement("pre");
      pre.style.cssText = "white-space:pre-wrap;margin:.75em 0 0";
      box.append(close, title, pre);
      document.body.append(box);
    }
    // textContent, never innerHTML: the error quotes the author's text.
    box.querySelector("pre").textContent = text;
  }

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
          showError(message.text);
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
