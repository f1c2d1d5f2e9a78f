// Beredd's offline crisis kit. Everything runs in this one file: the content is decrypted with
// WebCrypto (PBKDF2-SHA-256 → AES-256-GCM) and drawn with DOM calls only, never as HTML, so a
// name that looks like markup is shown as text. Ticks and the crisis log stay in this browser,
// encrypted with AES-GCM under a key derived from the same passphrase (HKDF from the PBKDF2
// output, a fresh random IV for every write, the storage key's name as associated data). Before
// the passphrase is typed the kit shows its fingerprint: the SHA-256 of its sealed part, which
// Beredd's kit page lists.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var headerText = $('kit-header').textContent;
  var header = JSON.parse(headerText);
  var H = header.labels;
  var enc = new TextEncoder();
  var hasCrypto = !!(window.crypto && crypto.subtle);
  var data = null;
  var L = null;
  var index = [];

  function bytes(b64) {
    var bin = atob(b64.replace(/\s+/g, ''));
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  function base64(buf) {
    var a = new Uint8Array(buf), s = '';
    for (var i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);
    return btoa(s);
  }
  function hex(buf) {
    return Array.prototype.map.call(new Uint8Array(buf), function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }

  // ---- The fingerprint: SHA-256 of the header, the check block and the content, joined by line
  // feeds (the server computes the same). The first twenty hex digits, in groups of four.
  if (hasCrypto) {
    var sealed = headerText + '\n' + $('kit-check').textContent + '\n' + $('kit-data').textContent;
    crypto.subtle.digest('SHA-256', enc.encode(sealed)).then(function (d) {
      $('fp').textContent = hex(d).slice(0, 20).match(/.{4}/g).join(' ');
      $('fp-line').hidden = false;
      $('fp-note').hidden = false;
    }, function () {});
  }

  // ---- Keys. ------------------------------------------------------------------------------------
  var STORAGE_INFO = enc.encode('beredd-kit-storage-v1');
  function passBits(pass, salt, iterations) {
    return crypto.subtle.importKey('raw', enc.encode(pass), 'PBKDF2', false, ['deriveBits']).then(function (base) {
      return crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: bytes(salt), iterations: iterations }, base, 256);
    });
  }
  // The key what the kit stores is encrypted under: HKDF-SHA-256 of the passphrase's key, so the
  // content's key itself never encrypts anything in the browser.
  function storageKey(bits, salt) {
    return crypto.subtle.importKey('raw', bits, 'HKDF', false, ['deriveKey']).then(function (k) {
      return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: bytes(salt), info: STORAGE_INFO }, k, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    });
  }

  // Resolves with the content and the storage key (null when this browser cannot make one), or
  // rejects with 'wrong' (passphrase), 'altered' (file) or 'nocrypto'.
  function unlock(pass) {
    if (!hasCrypto) return Promise.reject('nocrypto');
    var bits, key;
    return passBits(pass, header.salt, header.iterations).then(function (b) {
      bits = b;
      return crypto.subtle.importKey('raw', bits, { name: 'AES-GCM' }, false, ['decrypt']);
    }).then(function (k) {
      key = k;
      var check;
      try { check = bytes($('kit-check').textContent); } catch (e) { return Promise.reject('altered'); }
      return crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes(header.check_iv) }, key, check).catch(function () { return Promise.reject('wrong'); });
    }).then(function () {
      var content;
      try { content = bytes($('kit-data').textContent); } catch (e) { return Promise.reject('altered'); }
      return crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes(header.iv), additionalData: enc.encode(headerText) }, key, content).catch(function () { return Promise.reject('altered'); });
    }).then(function (plain) {
      var content = JSON.parse(new TextDecoder().decode(plain));
      return storageKey(bits, header.salt).then(function (sk) { return { content: content, storage: sk }; }, function () { return { content: content, storage: null }; });
    });
  }

  // A count in a sentence: the label for one (key_one) when n is 1, else the plural.
  function counted(key, n) {
    return ((n === 1 && L[key + '_one']) || L[key]).replace('%n', n);
  }

  // ---- Small DOM helpers: text is always a text node. --------------------------------------
  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) continue;
      if (k === 'class') e.className = attrs[k];
      else if (k === 'text') e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
    }
    for (var i = 2; i < arguments.length; i++) add(e, arguments[i]);
    return e;
  }
  function add(parent, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { add(parent, c); }); return; }
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  function tel(phone) {
    var out = 'tel:';
    for (var i = 0; i < phone.length; i++) { var c = phone[i]; if ((c >= '0' && c <= '9') || (c === '+' && i === 0)) out += c; }
    return out;
  }
  function field(label, value, anchor) {
    if (!value) return null;
    return el('div', { class: 'field', id: anchor }, el('strong', { text: label }), el('span', { class: 'pre', text: value }));
  }
  // A free text with each Swedish phone number in it as a tap-to-call link.
  var PHONE = /(?:\+46|0)\d{1,3}[- ]?\d{2,3}(?:[ -]?\d{2,3}){1,3}/g;
  function withPhones(text) {
    var out = [], last = 0, m;
    PHONE.lastIndex = 0;
    while ((m = PHONE.exec(text)) !== null) {
      out.push(text.slice(last, m.index), el('a', { href: tel(m[0]), text: m[0] }));
      last = m.index + m[0].length;
    }
    out.push(text.slice(last));
    return out;
  }
  function fieldWithPhones(label, value) {
    if (!value) return null;
    return el('div', { class: 'field' }, el('strong', { text: label }), el('span', { class: 'pre' }, withPhones(value)));
  }
  function slug(s) { return String(s).replace(/[^a-zA-Z0-9]+/g, '-'); }

  // ---- What persists in this browser, encrypted. ---------------------------------------------
  // Every record is {"v": 2, "kit", "salt", "iterations", "iv", "data"}: the salt and rounds say
  // which passphrase key opens it, so a later kit made with the same passphrase can take over
  // an earlier kit's log. The ticks are this kit's own.
  var PREFIX = 'beredd-kit';
  var ticksKey = 'beredd-kit:' + header.kit_id + ':ticks';
  var logKey = 'beredd-kit:' + header.kit_id + ':log';
  // What kits before the encryption kept in clear: the log per organisation and the last name.
  var OLD_LOG = 'beredd-kit-log:' + header.org, OLD_AUTHOR = 'beredd-kit-author';
  var vault = { key: null };
  var state = { ticks: {}, log: { entries: [], author: '' }, merged: 0, foreign: 0 };

  function raw(name) { try { return localStorage.getItem(name); } catch (e) { return null; } }
  function parse(text) { try { return JSON.parse(text); } catch (e) { return undefined; } }
  function isSealed(v) { return !!v && typeof v === 'object' && v.v === 2 && typeof v.iv === 'string' && typeof v.data === 'string'; }
  function storedNames(test) {
    var out = [];
    try { for (var i = 0; i < localStorage.length; i++) { var k = localStorage.key(i); if (k && test(k)) out.push(k); } } catch (e) {}
    return out;
  }

  function sealValue(key, name, value) {
    var iv = new Uint8Array(12);
    crypto.getRandomValues(iv);
    return crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv, additionalData: enc.encode(name) }, key, enc.encode(JSON.stringify(value))).then(function (c) {
      return JSON.stringify({ v: 2, kit: header.kit_id, salt: header.salt, iterations: header.iterations, iv: base64(iv), data: base64(c) });
    });
  }
  function openValue(key, name, rec) {
    return crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes(rec.iv), additionalData: enc.encode(name) }, key, bytes(rec.data)).then(function (p) {
      return JSON.parse(new TextDecoder().decode(p));
    });
  }

  // Writes one after the other, so an older value never lands after a newer one. Resolves when
  // the value is stored; rejects when it could not be.
  var writing = Promise.resolve();
  function save(name, value) {
    var done = writing.then(function () {
      if (!vault.key) throw new Error('no key');
      return sealValue(vault.key, name, value);
    }).then(function (text) { localStorage.setItem(name, text); });
    writing = done.catch(function () {});
    return done;
  }
  function storeFailed() { var e = $('store-error'); if (e && L) e.textContent = L.store_failed; }

  // This kit's record: {value} when read, {clear: true} as well when an earlier kit kept it in
  // clear, {unreadable: true} when it does not open.
  function readOwn(name) {
    var v = parse(raw(name));
    if (v === undefined || v === null) return Promise.resolve({});
    if (isSealed(v)) return openValue(vault.key, name, v).then(function (x) { return { value: x }; }, function () { return { unreadable: true }; });
    return Promise.resolve({ value: v, clear: true });
  }

  function merge(entries) {
    var have = {}, n = 0;
    state.log.entries.forEach(function (e) { have[e.id] = true; });
    entries.forEach(function (e) {
      if (e && typeof e === 'object' && typeof e.id === 'string' && !have[e.id]) { state.log.entries.push(e); have[e.id] = true; n++; }
    });
    state.log.entries.sort(function (a, b) { return String(a.at) < String(b.at) ? -1 : String(a.at) > String(b.at) ? 1 : 0; });
    return n;
  }

  // The logs of other kits on this device: those that open with this passphrase are taken
  // over (and removed once this kit's log is stored); the others are counted.
  function takeOverOtherLogs(pass, done) {
    var names = storedNames(function (k) { var m = /^beredd-kit:([0-9a-f]+):log$/.exec(k); return !!m && m[1] !== header.kit_id; });
    return names.reduce(function (p, name) {
      return p.then(function () {
        var rec = parse(raw(name));
        if (!isSealed(rec) || typeof rec.salt !== 'string' || !(rec.iterations >= 100000 && rec.iterations <= 10000000)) { state.foreign++; return; }
        return passBits(pass, rec.salt, rec.iterations).then(function (b) { return storageKey(b, rec.salt); }).then(function (k) {
          return openValue(k, name, rec);
        }).then(function (v) {
          if (v && Array.isArray(v.entries)) state.merged += merge(v.entries);
          if (v && v.author && !state.log.author) state.log.author = String(v.author);
          done.push(name);
        }, function () { state.foreign++; });
      });
    }, Promise.resolve());
  }

  // Reads what this device holds for the kit; what an earlier kit kept in clear is read once,
  // written encrypted, and only then removed.
  function loadStored(pass) {
    if (!vault.key) return Promise.resolve();
    var ticksInClear = false, logChanged = false, remove = [];
    return readOwn(ticksKey).then(function (t) {
      if (t.value && typeof t.value === 'object' && !Array.isArray(t.value)) state.ticks = t.value;
      ticksInClear = !!t.clear;
      return readOwn(logKey);
    }).then(function (l) {
      if (l.value && Array.isArray(l.value.entries)) state.log = { entries: l.value.entries, author: String(l.value.author || '') };
      if (l.unreadable) state.foreign++;
      var old = parse(raw(OLD_LOG));
      if (old !== undefined && old !== null) { if (Array.isArray(old)) state.merged += merge(old); remove.push(OLD_LOG); logChanged = true; }
      var author = parse(raw(OLD_AUTHOR));
      if (author !== undefined && author !== null) { if (typeof author === 'string' && !state.log.author) state.log.author = author; remove.push(OLD_AUTHOR); logChanged = true; }
      return takeOverOtherLogs(pass, remove);
    }).then(function () {
      var writes = [];
      if (ticksInClear) writes.push(save(ticksKey, state.ticks));
      if (logChanged || remove.length) writes.push(save(logKey, state.log));
      return Promise.all(writes);
    }).then(function () {
      remove.forEach(function (k) { try { localStorage.removeItem(k); } catch (e) {} });
    }).catch(function () { state.storeFailed = true; });
  }

  // "Töm den här enheten": removes what every Beredd kit has kept in this browser.
  function clearDevice() {
    return writing.then(function () {
      storedNames(function (k) { return k.indexOf(PREFIX) === 0; }).forEach(function (k) { try { localStorage.removeItem(k); } catch (e) {} });
      state.ticks = {};
      state.log = { entries: [], author: '' };
      state.merged = 0;
      state.foreign = 0;
    });
  }

  // Times are written as UTC (toISOString) and shown in Swedish time, whatever zone the phone or
  // computer that opens the kit is set to; a browser that knows no time zones shows its own.
  var ZONE = 'Europe/Stockholm';
  function inSweden(d, locale, opts) {
    try { return d.toLocaleString(locale, Object.assign({ timeZone: ZONE }, opts)); } catch (e) { return d.toLocaleString(locale, opts); }
  }
  function time(iso) { var d = new Date(iso); return isNaN(d) ? '' : inSweden(d, header.lang === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'short', timeStyle: 'short' }); }
  // "2026-11-24-10-05": now in Swedish time, for a file name.
  function fileStamp() {
    var t = inSweden(new Date(), 'sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(t) ? t.replace(/[: ]/g, '-') : new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
  }

  function tick(id, text, extra) {
    var box = el('input', { type: 'checkbox', id: id });
    box.checked = !!state.ticks[id];
    var when = el('span', { class: 'meta' });
    var row = el('li', { class: 'tick' + (box.checked ? ' done' : '') }, box, el('label', { for: id }, extra || null, text, ' ', when));
    if (box.checked) when.textContent = '(' + L.done_at + ' ' + time(state.ticks[id]) + ')';
    box.addEventListener('change', function () {
      if (box.checked) state.ticks[id] = new Date().toISOString(); else delete state.ticks[id];
      save(ticksKey, state.ticks).catch(storeFailed);
      row.className = 'tick' + (box.checked ? ' done' : '');
      when.textContent = box.checked ? '(' + L.done_at + ' ' + time(state.ticks[id]) + ')' : '';
    });
    return row;
  }

  // ---- The views. -----------------------------------------------------------------------------
  var views = ['plans', 'calls', 'contacts', 'comm', 'works', 'forms', 'log', 'search'];

  function viewPlans() {
    var out = [];
    data.plans.forEach(function (p, pi) {
      var pid = 'p' + p.id;
      out.push(el('h2', { id: pid, text: p.name }));
      out.push(el('p', { class: 'meta', text: p.units + ' · ' + L.version + ' ' + p.version + ', ' + L.approved + ' ' + p.approved_at }));
      out.push(fieldWithPhones(L.lead, p.lead));
      (p.elsewhere || []).forEach(function (e) { out.push(el('p', { class: 'meta', text: e })); });
      p.routines.forEach(function (r, ri) {
        var rid = pid + '-r' + ri;
        out.push(el('h3', { id: rid, text: r.activity }));
        if (r.facts) out.push(el('p', { class: 'meta', text: r.facts }));
        out.push(field(L.trigger, r.trigger));
        out.push(el('h4', { text: L.steps }));
        out.push(el('ol', { class: 'steps' }, r.steps.map(function (s, si) {
          return tick(rid + '-s' + si, s.text, [el('span', { text: (si + 1) + '. ' }), s.role ? el('strong', { text: s.role + ': ' }) : null]);
        })));
        if (r.resources.length) {
          out.push(el('h4', { text: L.resources }));
          out.push(el('ul', { class: 'ticks' }, r.resources.map(function (x, xi) { return tick(rid + '-x' + xi, x); })));
        }
        out.push(field(L.switch_back, r.switch_back));
        if (r.reentry.length) {
          out.push(el('h4', { text: L.reentry }));
          out.push(el('ul', { class: 'ticks' }, r.reentry.map(function (x, xi) { return tick(rid + '-e' + xi, x); })));
        }
      });
      p.checklists.forEach(function (c, ci) {
        out.push(el('h3', { id: pid + '-c' + ci, text: c.title }));
        out.push(el('ul', { class: 'ticks' }, c.items.map(function (x, xi) { return tick(pid + '-c' + ci + '-' + xi, x); })));
      });
    });
    if (!data.plans.length) out.push(el('p', { text: L.no_plans }));
    return out;
  }

  function viewCalls() {
    var out = [el('p', { class: 'meta', text: L.calls_intro })];
    data.plans.forEach(function (p) {
      out.push(el('h2', { id: 'calls-p' + p.id, text: p.name }));
      out.push(el('ul', { class: 'ticks' }, p.call_list.map(function (c, i) {
        var who = el('span', {}, el('strong', { text: c.name }), c.role ? ', ' + c.role : '', ' ', el('a', { href: tel(c.phone), text: c.phone }), c.calls ? el('span', { class: 'meta', text: ' · ' + L.calls + ': ' + c.calls }) : null);
        return tick('reach-p' + p.id + '-' + i, '', who);
      })));
    });
    return out;
  }

  function viewContacts() {
    var out = [el('h2', { text: L.externals })];
    var seen = {};
    data.plans.forEach(function (p) {
      p.externals.forEach(function (c) {
        var k = c.name + '|' + c.phone;
        if (seen[k]) return;
        seen[k] = true;
        out.push(el('div', { class: 'contact' }, el('strong', { text: c.name }), c.phone ? [' ', el('a', { href: tel(c.phone), text: c.phone })] : null, c.purpose ? el('div', { class: 'meta', text: c.purpose }) : null));
      });
    });
    out.push(el('h2', { text: L.hotline }));
    data.plans.forEach(function (p) {
      out.push(el('h3', { text: p.name }));
      if (p.hotline.number) out.push(el('p', {}, el('a', { href: tel(p.hotline.number), text: p.hotline.number })));
      out.push(field(L.hotline_hours, p.hotline.hours));
      out.push(field(L.hotline_answered_by, p.hotline.answered_by));
      out.push(field(L.hotline_script, p.hotline.script));
    });
    return out;
  }

  function viewComm() {
    var out = [];
    data.plans.forEach(function (p) {
      out.push(el('h2', { text: p.name }));
      out.push(field(L.comm_spokesperson, p.communication.spokesperson));
      out.push(field(L.comm_web, p.communication.web));
      out.push(field(L.comm_hotline, p.communication.hotline));
      out.push(field(L.comm_media, p.communication.media));
    });
    return out;
  }

  function viewWorks() {
    var out = [el('p', { text: L.works_intro })];
    var groups = [['down', L.works_down, 'state-down'], ['degraded', L.works_degraded, 'state-degraded'], ['working', L.works_working, 'state-working']];
    groups.forEach(function (g) {
      var rows = data.works[g[0]] || [];
      out.push(el('h2', { text: g[1] + ' (' + rows.length + ')' }));
      out.push(el('ul', {}, rows.map(function (w) {
        return el('li', {}, el('span', { class: g[2], text: w.name }), w.detail ? el('div', { class: 'meta', text: w.detail }) : null);
      })));
    });
    return out;
  }

  function sheet(title, note, cols, rows) {
    // A form wider than a phone scrolls sideways in its own region, reachable by keyboard.
    return el('section', { class: 'form-sheet' }, el('h2', { text: title }), el('p', { class: 'meta', text: note }),
      el('div', { class: 'sheet-scroll', tabindex: '0', role: 'region', 'aria-label': title },
        el('table', {}, el('thead', {}, el('tr', {}, cols.map(function (c) { return el('th', { scope: 'col', text: c }); }))),
          el('tbody', {}, Array.apply(null, Array(rows)).map(function () { return el('tr', {}, cols.map(function () { return el('td'); })); })))));
  }

  function viewForms() {
    var print = el('button', { type: 'button', text: L.print });
    print.addEventListener('click', function () { window.print(); });
    var f = L.forms;
    return [el('p', { text: L.forms_intro }), print,
      sheet(f.visit, f.visit_note, [f.client, f.time, f.done, f.signature, f.entered], 12),
      sheet(f.meeting, f.meeting_note, [f.area, f.state, f.comment], 10),
      sheet(f.decisions, f.decisions_note, [f.time, f.decision, f.decided_by, f.grounds], 12),
      sheet(f.calls, f.calls_note, [f.time, f.caller, f.errand, f.answer, f.callback], 12)]
      // The forms the plans' templates bring, each once, as plain tables to print.
      .concat((data.forms || []).map(function (x) { return sheet(x.l.title, x.l.note + ' ' + f.protected, x.columns, x.rows); }));
  }

  function randomId() {
    var b = new Uint8Array(12);
    crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }

  function viewLog() {
    var kinds = L.log_kinds;
    var kind = el('select', { id: 'log-kind', name: 'kind' }, Object.keys(kinds).map(function (k) { return el('option', { value: k, text: kinds[k] }); }));
    var author = el('input', { id: 'log-author', type: 'text', autocomplete: 'name', value: state.log.author });
    var text = el('textarea', { id: 'log-text', rows: '4' });
    var decidedBy = el('input', { id: 'log-decided-by', type: 'text' });
    var grounds = el('input', { id: 'log-grounds', type: 'text' });
    var error = el('p', { id: 'log-error', class: 'error', role: 'alert' });
    var saved = el('p', { id: 'log-saved', role: 'status', class: 'meta' });
    var form = el('form', { id: 'log-form', novalidate: true },
      el('label', { for: 'log-kind', text: L.log_kind }), kind,
      el('label', { for: 'log-text', text: L.log_text }), text,
      el('label', { for: 'log-author', text: L.log_author }), author,
      el('label', { for: 'log-decided-by', text: L.log_decided_by }), decidedBy,
      el('label', { for: 'log-grounds', text: L.log_grounds }), grounds,
      error, el('button', { type: 'submit', class: 'primary', text: L.log_add }), saved);
    var list = el('div', { id: 'log-list' });
    function draw() {
      list.textContent = '';
      var all = state.log.entries;
      add(list, el('p', { class: 'meta', text: counted('log_count', all.length) }));
      all.slice().reverse().forEach(function (e) {
        add(list, el('div', { class: 'entry ' + e.kind }, el('div', { class: 'meta', text: time(e.at) + ' · ' + (kinds[e.kind] || e.kind) + ' · ' + e.author }), el('div', { class: 'pre', text: e.text }),
          e.decided_by ? el('div', { class: 'meta', text: L.log_decided_by + ': ' + e.decided_by }) : null, e.grounds ? el('div', { class: 'meta', text: L.log_grounds + ': ' + e.grounds }) : null));
      });
    }
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      error.textContent = '';
      saved.textContent = '';
      if (!text.value.trim()) { error.textContent = L.log_need_text; text.focus(); return; }
      if (!author.value.trim()) { error.textContent = L.log_need_author; author.focus(); return; }
      var entry = { id: randomId(), at: new Date().toISOString(), kind: kind.value, text: text.value.trim(), author: author.value.trim(), decided_by: decidedBy.value.trim() || null, grounds: grounds.value.trim() || null };
      var before = state.log.author;
      state.log.entries.push(entry);
      state.log.author = entry.author;
      save(logKey, state.log).then(function () {
        text.value = ''; decidedBy.value = ''; grounds.value = '';
        saved.textContent = L.log_saved;
        draw();
      }, function () {
        state.log.entries = state.log.entries.filter(function (e) { return e !== entry; });
        state.log.author = before;
        error.textContent = L.log_not_saved;
      });
    });
    var exp = el('button', { type: 'button', id: 'log-export', text: L.log_export });
    exp.addEventListener('click', function () {
      // The exported file is in clear on purpose: it is what the crisis staff read into Beredd
      // (format version 1, unchanged).
      var file = { format: 'beredd-kit-log', version: 1, org: header.org, kit_id: header.kit_id, kit_exported: header.exported, exported_at: new Date().toISOString(), entries: state.log.entries };
      var blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
      var a = el('a', { href: URL.createObjectURL(blob), download: 'krislogg-' + fileStamp() + '.json' });
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
    var notes = [
      state.merged ? el('p', { class: 'meta', text: counted('log_merged', state.merged) }) : null,
      state.foreign ? el('p', { class: 'warning', text: counted('log_foreign', state.foreign) }) : null,
    ];
    draw();
    return [el('p', { text: L.log_intro }), notes, form, el('h2', { text: L.log_entries }), exp, list];
  }

  function viewSearch() {
    var input = el('input', { type: 'search', id: 'search', autocomplete: 'off' });
    var count = el('p', { role: 'status', class: 'meta', id: 'search-count' });
    var results = el('div', { id: 'search-results' });
    function run() {
      var q = input.value.trim().toLowerCase();
      results.textContent = '';
      if (q.length < 2) { count.textContent = ''; return; }
      var hits = index.filter(function (h) { return h.text.toLowerCase().indexOf(q) >= 0; }).slice(0, 100);
      count.textContent = counted('search_count', hits.length);
      hits.forEach(function (h) {
        var i = h.text.toLowerCase().indexOf(q);
        add(results, el('div', { class: 'hit' }, el('a', { href: '#' + h.view + (h.anchor ? ':' + h.anchor : ''), text: h.where }),
          el('div', {}, h.text.slice(Math.max(0, i - 60), i), el('mark', { text: h.text.slice(i, i + q.length) }), h.text.slice(i + q.length, i + q.length + 80))));
      });
    }
    input.addEventListener('input', run);
    setTimeout(function () { input.focus(); }, 0);
    return [el('form', { id: 'search-form', role: 'search', novalidate: true }, el('label', { for: 'search', text: L.search_label }), input), count, results];
  }

  function buildIndex() {
    index = [];
    var push = function (view, anchor, where, text) { if (text) index.push({ view: view, anchor: anchor, where: where, text: text }); };
    data.plans.forEach(function (p) {
      var pid = 'p' + p.id;
      push('plans', pid, p.name, p.lead);
      p.routines.forEach(function (r, ri) {
        var a = pid + '-r' + ri, w = p.name + ' · ' + r.activity;
        push('plans', a, w, r.activity);
        push('plans', a, w, r.trigger);
        r.steps.forEach(function (s) { push('plans', a, w, (s.role ? s.role + ': ' : '') + s.text); });
        r.resources.concat(r.reentry).forEach(function (x) { push('plans', a, w, x); });
        push('plans', a, w, r.switch_back);
      });
      p.checklists.forEach(function (c, ci) { c.items.forEach(function (x) { push('plans', pid + '-c' + ci, p.name + ' · ' + c.title, x); }); });
      p.call_list.forEach(function (c) { push('calls', 'calls-p' + p.id, p.name + ' · ' + L.nav.calls, c.name + ', ' + c.role + ', ' + c.phone); });
      p.externals.forEach(function (c) { push('contacts', '', L.nav.contacts, c.name + ', ' + c.phone + ', ' + c.purpose); });
      [p.communication.web, p.communication.hotline, p.communication.media, p.communication.spokesperson].forEach(function (t) { push('comm', '', p.name + ' · ' + L.nav.comm, t); });
    });
  }

  function render() {
    var app = $('app');
    var route = (location.hash || '#plans').slice(1).split(':');
    var view = views.indexOf(route[0]) >= 0 ? route[0] : 'plans';
    app.textContent = '';
    var age = Math.floor((Date.now() - Date.parse(header.exported)) / 86400000);
    if (age > header.max_age_days) add(app, el('p', { class: 'warning', role: 'status', text: L.too_old.replace('%n', age) }));
    add(app, el('p', { class: 'error', id: 'store-error', role: 'alert', text: state.storeFailed ? L.store_failed : '' }));
    add(app, el('p', { class: 'meta', id: 'versions', text: L.versions + ': ' + data.plans.map(function (p) { return p.name + ' ' + L.version + ' ' + p.version; }).join(' · ') }));
    add(app, el('nav', { class: 'tabs', 'aria-label': L.nav_label }, el('ul', {}, views.map(function (v) {
      return el('li', {}, el('a', { href: '#' + v, 'aria-current': v === view ? 'page' : null, text: L.nav[v] }));
    }))));
    // The current tab in view in a row that scrolls sideways (on a phone), without moving the page.
    var nav = app.querySelector('nav.tabs');
    var current = nav.querySelector('a[aria-current=page]');
    if (current && nav.scrollWidth > nav.clientWidth) nav.scrollLeft = current.parentNode.offsetLeft - nav.offsetLeft - 16;
    // A tab reached by the keyboard is shown whole (browsers leave a half-shown one where it is).
    nav.addEventListener('focusin', function (ev) {
      if (nav.scrollWidth > nav.clientWidth) ev.target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    });
    var content = { plans: viewPlans, calls: viewCalls, contacts: viewContacts, comm: viewComm, works: viewWorks, forms: viewForms, log: viewLog, search: viewSearch }[view]();
    add(app, el('h2', { class: 'view-title', id: 'view-title', text: L.nav[view] }));
    add(app, content);
    document.title = L.nav[view] + ' – ' + data.org + ' – Beredd';
    if (route[1]) { var target = document.getElementById(route[1]); if (target) target.scrollIntoView(); }
  }

  $('unlock').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var pass = $('pass').value;
    var err = $('unlock-error');
    err.textContent = '';
    if (!pass) { err.textContent = H.need_pass; return; }
    err.textContent = H.opening;
    unlock(pass).then(function (opened) {
      data = opened.content;
      L = data.labels;
      vault.key = opened.storage;
      if (!vault.key) state.storeFailed = true;
      return loadStored(pass);
    }).then(function () {
      pass = null;
      $('pass').value = '';
      $('locked').hidden = true;
      $('app').hidden = false;
      $('title').textContent = data.title;
      buildIndex();
      window.addEventListener('hashchange', function () { render(); $('main').focus(); });
      render();
      $('main').focus();
    }, function (why) {
      $('pass').value = '';
      err.textContent = why === 'wrong' ? H.wrong : why === 'nocrypto' ? H.nocrypto : H.altered;
      $('pass').focus();
    });
  });

  // ---- This device: clearing what the kits stored, after a question on the page. -------------
  $('clear').addEventListener('click', function () {
    $('cleared').textContent = '';
    $('clear-confirm').hidden = false;
    $('clear-yes').focus();
  });
  $('clear-no').addEventListener('click', function () {
    $('clear-confirm').hidden = true;
    $('clear').focus();
  });
  $('clear-yes').addEventListener('click', function () {
    clearDevice().then(function () {
      $('clear-confirm').hidden = true;
      if (data) render();
      $('cleared').textContent = $('cleared').getAttribute('data-text');
      $('clear').focus();
    });
  });
})();
