// The sandbox page's live update: every second it fetches the server-rendered (escaped) live panels
// and swaps each one in when it changed, unless the user is typing in one of its forms. Served as
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
    });
  }
  function refresh() {
    fetch('/sandbox/live', { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (markup) { if (markup !== null) swap(new DOMParser().parseFromString(markup, 'text/html')); })
      .catch(function () {})
      .then(function () { setTimeout(refresh, 1000); });
  }
  setTimeout(refresh, 1000);
})();
`;
