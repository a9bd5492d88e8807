// Live updates (server-sent events): when an agent or a mediator acts on this journey, the page fetches its
// own HTML again and swaps in the new state, without a reload and without losing what the person is typing
// unless the step itself changed.
(function () {
  var script = document.currentScript;
  var source = script && script.getAttribute('data-source');
  if (!source || !window.EventSource || !window.fetch) {
    return;
  }
  var busy = false;
  var again = false;

  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(window.location.pathname, { credentials: 'same-origin', headers: { 'Accept': 'text/html', 'X-Relais-Live-Refresh': '1' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        var now = document.getElementById('etat');
        var next = fresh.getElementById('etat');
        if (!now || !next) { return; }
        var changed = now.getAttribute('data-status') !== next.getAttribute('data-status')
          || now.getAttribute('data-step') !== next.getAttribute('data-step');
        if (changed) {
          document.getElementById('contenu').innerHTML = fresh.getElementById('contenu').innerHTML;
        } else {
          var list = document.getElementById('historique');
          var freshList = fresh.getElementById('historique');
          if (list && freshList) { list.innerHTML = freshList.innerHTML; }
        }
      })
      .catch(function () { /* the next event tries again */ })
      .then(function () {
        busy = false;
        if (again) { again = false; refresh(); }
      });
  }

  var events = new EventSource(source, { withCredentials: true });
  events.onmessage = refresh;
})();
