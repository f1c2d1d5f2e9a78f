// The crisis staff's board: state buttons post without reloading, and every change anyone makes
// arrives as a server-sent event and is drawn at once. Without JavaScript the buttons are plain
// forms and the page reloads.
(function () {
  'use strict';
  var board = document.getElementById('board');
  if (!board || !window.EventSource) return;
  var status = document.getElementById('live-status');
  var headers = {};
  try { headers = JSON.parse(document.body.getAttribute('data-hx-headers') || '{}'); } catch (e) { headers = {}; }

  function draw(d) {
    var row = document.getElementById('item-' + d.id);
    if (!row) return;
    row.setAttribute('data-state', d.state);
    row.querySelector('.state-text').textContent = d.state_label;
    row.querySelector('.who').textContent = d.who;
    row.querySelectorAll('button[name=state]').forEach(function (b) { b.setAttribute('aria-pressed', b.value === d.state ? 'true' : 'false'); });
  }

  board.addEventListener('submit', function (ev) {
    var form = ev.target;
    var button = ev.submitter;
    if (!button || button.name !== 'state') return;
    ev.preventDefault();
    var body = new URLSearchParams(new FormData(form));
    body.set('state', button.value);
    fetch(form.action, { method: 'POST', credentials: 'same-origin', headers: { 'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': headers['X-CSRF-Token'] || '' }, body: body })
      .then(function (r) { if (!r.ok) form.submit(); })
      .catch(function () { form.submit(); });
  });

  var source = new EventSource(board.getAttribute('data-events'));
  source.addEventListener('open', function () { status.textContent = status.getAttribute('data-live') || ''; });
  source.addEventListener('board', function (e) { draw(JSON.parse(e.data)); });
  source.addEventListener('reload', function () { location.reload(); });
  source.addEventListener('error', function () { status.textContent = status.getAttribute('data-offline') || ''; });
})();
