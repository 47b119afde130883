/* dossier: "/" focuses the search field from any page (the page's own, or the
   header's), unless the reader is typing in a field already. */
document.addEventListener("keydown", function (event) {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  var target = event.target;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  var field = document.getElementById("search-q") || document.getElementById("site-search-q");
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.select();
});
