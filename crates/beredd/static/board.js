// The crisis staff's board: state buttons post without reloading, and every change anyone makes
// arrives as a server-sent event and is drawn at once, with the counters of its area and of the
// whole board. Without JavaScript the buttons are plain forms, the filters plain links, and the
// page reloads.
(function () {
  'use strict';
  var board = document.getElementById('board');
  if (!board || !window.EventSource) return;
  var status = document.getElementById('live-status');
  var hidden = document.getElementById('hidden-change');
  var filtered = board.getAttribute('data-filtered') === 'true';
  var headers = {};
  try { headers = JSON.parse(document.body.getAttribute('data-hx-headers') || '{}'); } catch (e) { headers = {}; }

  // Writes the numbers of one set of counters; "under way" and "problem" show only when not zero.
  function count(el, c) {
    if (!el || !c) return;
    el.querySelectorAll('[data-n]').forEach(function (n) {
      var v = c[n.getAttribute('data-n')];
      if (v !== undefined) n.textContent = String(v);
    });
    ['under_way', 'problem'].forEach(function (k) {
      var part = el.querySelector('.count-' + k);
      if (part) part.hidden = !c[k];
    });
  }

  function areaOf(name) {
    var areas = board.querySelectorAll('details.area');
    for (var i = 0; i < areas.length; i++) if (areas[i].getAttribute('data-area') === name) return areas[i];
    return null;
  }

  function draw(d) {
    var row = document.getElementById('item-' + d.id);
    var area = areaOf(d.area);
    if (row) {
      row.setAttribute('data-state', d.state);
      // The state's name in this page's language, whatever the writer's.
      row.querySelector('.state-text').textContent = board.getAttribute('data-label-' + d.state) || d.state_label;
      row.querySelector('.who').textContent = d.who;
      row.querySelectorAll('button[name=state]').forEach(function (b) { b.setAttribute('aria-pressed', b.value === d.state ? 'true' : 'false'); });
    } else if (filtered && hidden) {
      hidden.hidden = false;
    }
    if (area) {
      count(area.querySelector('summary .counts'), d.counts);
      if (d.counts && d.counts.problem > 0) area.setAttribute('data-problems', 'true'); else area.removeAttribute('data-problems');
    }
    count(document.querySelector('.board-totals .counts'), d.totals);
    var problems = document.querySelector('.board-filters [data-total=problem]');
    if (problems && d.totals) problems.textContent = '(' + d.totals.problem + ')';
  }

  // Falls back to the plain form, with the state of the button pressed.
  function post(form, button) {
    var input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'state';
    input.value = button.value;
    form.appendChild(input);
    form.submit();
  }

  board.addEventListener('submit', function (ev) {
    var form = ev.target;
    var button = ev.submitter;
    if (!button || button.name !== 'state') return;
    ev.preventDefault();
    var body = new URLSearchParams(new FormData(form));
    body.set('state', button.value);
    fetch(form.action, { method: 'POST', credentials: 'same-origin', headers: { 'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': headers['X-CSRF-Token'] || '' }, body: body })
      .then(function (r) { if (!r.ok) post(form, button); })
      .catch(function () { post(form, button); });
  });

  var source = new EventSource(board.getAttribute('data-events'));
  // When the server stops it says so last; the browser connects again by itself, and until it
  // has, the page says the server is restarting rather than that contact was lost.
  var restarting = false;
  source.addEventListener('open', function () { restarting = false; status.textContent = status.getAttribute('data-live') || ''; });
  source.addEventListener('shutdown', function () { restarting = true; status.textContent = status.getAttribute('data-restarting') || ''; });
  source.addEventListener('board', function (e) { draw(JSON.parse(e.data)); });
  source.addEventListener('reload', function () { location.reload(); });
  source.addEventListener('error', function () { if (!restarting) status.textContent = status.getAttribute('data-offline') || ''; });
})();
