// The sandbox page's live update: every second it fetches the server-rendered (escaped) live panels
// and swaps each one in when it changed, unless the user is typing in one of its forms (or chose a file there). Served as
// a file because the CSP forbids inline scripts.
export const SANDBOX_JS = `
(function () {
  'use strict';
  var ids = ['live-chat', 'live-tickets'];
  var last = {};
  function busy(region) {
    var active = document.activeElement;
    if (active && region.contains(active) && active.tagName !== 'BUTTON') return true;
    var fields = region.querySelectorAll('input[type=text], textarea');
    for (var i = 0; i < fields.length; i++) { if (fields[i].value !== fields[i].defaultValue) return true; }
    var files = region.querySelectorAll('input[type=file]');
    for (var j = 0; j < files.length; j++) { if (files[j].files && files[j].files.length > 0) return true; }
    return false;
  }
  function swap(doc) {
    ids.forEach(function (id) {
      var region = document.getElementById(id);
      var fresh = doc.getElementById(id);
      if (!region || !fresh || busy(region)) return;
      if (last[id] === undefined) last[id] = region.innerHTML;
      if (fresh.innerHTML === last[id]) return;
      last[id] = fresh.innerHTML;
      region.replaceChildren.apply(region, Array.prototype.slice.call(fresh.childNodes));
      var status = document.getElementById('sandbox-status');
      if (status) status.textContent = (id === 'live-chat' ? 'Channel' : 'Tickets') + ' updated';
      showReplyName();
    });
  }
  function refresh() {
    fetch('/sandbox/live', { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (markup) { if (markup !== null) swap(new DOMParser().parseFromString(markup, 'text/html')); })
      .catch(function () {})
      .then(function () { setTimeout(refresh, 1000); });
  }
  // "Reply as": whatever the "Your name" field says now, also in replies swapped in later.
  function replyName() {
    var field = document.getElementById('post-user');
    return field && field.value.trim() !== '' ? field.value.trim() : null;
  }
  function showReplyName() {
    var name = replyName();
    if (name === null) return;
    document.querySelectorAll('[data-reply-as]').forEach(function (el) { el.textContent = name; });
    document.querySelectorAll('[data-reply-user]').forEach(function (el) { el.value = name; });
  }
  document.addEventListener('input', function (event) { if (event.target && event.target.id === 'post-user') showReplyName(); });
  document.addEventListener('submit', function (event) {
    if (event.target && event.target.classList && event.target.classList.contains('reply-form')) showReplyName();
  }, true);
  showReplyName();
  setTimeout(refresh, 1000);
})();
`;
