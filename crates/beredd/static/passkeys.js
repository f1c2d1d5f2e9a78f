// Passkeys and security keys (WebAuthn) for Beredd's second factor. A form with an id of
// `passkey-add` (the account page) or `passkey-login` (the login's second step) carries, in
// `data-options`, where to ask for the ceremony's options. On submit this script asks for them
// (with the form's fields: the CSRF token, and the key's name), lets the browser make or use a
// key, puts the answer in the form's hidden `ticket` and `credential` fields, and submits the
// form as usual: the server's answer is an ordinary page. Messages come from data-* attributes,
// so they are in the user's language.
(function () {
  'use strict';

  function fromBase64url(s) {
    var b64 = s.replace(/-/g, '+').replace(/_/g, '/');
    while (b64.length % 4) b64 += '=';
    var bin = atob(b64);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes.buffer;
  }

  function toBase64url(buf) {
    var bytes = new Uint8Array(buf);
    var bin = '';
    for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // Leaves out members the server sent as null: the browser takes a missing member as its
  // default, but refuses null where it expects one of a list of words.
  function clean(v) {
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object') {
      var out = {};
      Object.keys(v).forEach(function (k) { if (v[k] !== null) out[k] = clean(v[k]); });
      return out;
    }
    return v;
  }

  // The server's options, with the byte fields the browser wants as buffers.
  function creationOptions(o) {
    var pk = clean(o.publicKey);
    pk.challenge = fromBase64url(pk.challenge);
    pk.user.id = fromBase64url(pk.user.id);
    (pk.excludeCredentials || []).forEach(function (c) { c.id = fromBase64url(c.id); });
    return { publicKey: pk };
  }

  function requestOptions(o) {
    var pk = clean(o.publicKey);
    pk.challenge = fromBase64url(pk.challenge);
    (pk.allowCredentials || []).forEach(function (c) { c.id = fromBase64url(c.id); });
    return { publicKey: pk };
  }

  function created(cred) {
    var r = cred.response;
    return {
      id: cred.id,
      rawId: toBase64url(cred.rawId),
      type: cred.type,
      response: {
        attestationObject: toBase64url(r.attestationObject),
        clientDataJSON: toBase64url(r.clientDataJSON),
        transports: typeof r.getTransports === 'function' ? r.getTransports() : undefined
      },
      extensions: cred.getClientExtensionResults ? cred.getClientExtensionResults() : {}
    };
  }

  function asserted(cred) {
    var r = cred.response;
    return {
      id: cred.id,
      rawId: toBase64url(cred.rawId),
      type: cred.type,
      response: {
        authenticatorData: toBase64url(r.authenticatorData),
        clientDataJSON: toBase64url(r.clientDataJSON),
        signature: toBase64url(r.signature),
        userHandle: r.userHandle ? toBase64url(r.userHandle) : null
      },
      extensions: cred.getClientExtensionResults ? cred.getClientExtensionResults() : {}
    };
  }

  function wire(form, make) {
    var status = form.querySelector('.passkey-status');
    var say = function (text) { if (status) status.textContent = text; };
    var busy = false;
    form.addEventListener('submit', function (event) {
      if (form.elements.credential.value) return; // the answer is in: let it go
      event.preventDefault();
      if (busy) return;
      if (!window.PublicKeyCredential || !navigator.credentials) {
        say(form.dataset.unsupported);
        return;
      }
      busy = true;
      say(form.dataset.waiting);
      var body = new URLSearchParams(new FormData(form));
      fetch(form.dataset.options, { method: 'POST', body: body, credentials: 'same-origin' })
        .then(function (resp) {
          return resp.json().then(function (json) {
            if (!resp.ok) throw new Error(json.error || String(resp.status));
            return json;
          });
        })
        .then(function (json) {
          var call = make
            ? navigator.credentials.create(creationOptions(json.options))
            : navigator.credentials.get(requestOptions(json.options));
          return call.then(function (cred) {
            form.elements.ticket.value = json.ticket;
            form.elements.credential.value = JSON.stringify(make ? created(cred) : asserted(cred));
            form.submit();
          }, function () {
            throw new Error(form.dataset.cancelled);
          });
        })
        .catch(function (err) {
          busy = false;
          say(err.message);
        });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var add = document.getElementById('passkey-add');
    if (add) wire(add, true);
    var login = document.getElementById('passkey-login');
    if (login) wire(login, false);
  });
})();
