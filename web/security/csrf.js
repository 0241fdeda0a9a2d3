/*
 * Adds the session's CSRF token to the state-changing requests of a console page (Felix Web Console pages
 * and ours). The login preprocessor puts this script and <meta name="csrf-token"> into every console page
 * opened with a session; the server refuses state-changing requests of a session without the token.
 * - XMLHttpRequest (jQuery) and fetch: header X-CSRF-Token on same-origin POST/PUT/PATCH/DELETE;
 * - forms (including multipart uploads and form.submit() called by scripts): ?csrf_token=... on the action.
 * Plain ES5, no dependencies.
 */
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (!meta) {
    return;
  }
  var token = meta.getAttribute('content');
  var HEADER = 'X-CSRF-Token';
  var PARAM = 'csrf_token';

  function stateChanging(method) {
    return !/^(GET|HEAD|OPTIONS)$/i.test(method || 'GET');
  }

  function sameOrigin(url) {
    try {
      return new URL(url, window.location.href).origin === window.location.origin;
    } catch (e) {
      return false;
    }
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.bksCsrf = stateChanging(method) && sameOrigin(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.bksCsrf) {
      this.setRequestHeader(HEADER, token);
    }
    return send.apply(this, arguments);
  };

  if (window.fetch) {
    var originalFetch = window.fetch;
    window.fetch = function (input, init) {
      var url = typeof input === 'string' ? input : (input && input.url) || String(input);
      var method = (init && init.method) || (input && input.method) || 'GET';
      if (stateChanging(method) && sameOrigin(url)) {
        init = init ? Object.assign({}, init) : {};
        var headers = new Headers(init.headers || (input && input.headers) || undefined);
        headers.set(HEADER, token);
        init.headers = headers;
      }
      return originalFetch.call(this, input, init);
    };
  }

  // Attributes, not the form's properties: console forms have inputs named "action", which shadow form.action.
  function tag(form) {
    if (!stateChanging(form.getAttribute('method'))) {
      return;
    }
    var url = new URL(form.getAttribute('action') || window.location.href, window.location.href);
    if (url.origin !== window.location.origin) {
      return;
    }
    url.searchParams.set(PARAM, token);
    form.setAttribute('action', url.href);
  }

  document.addEventListener('submit', function (event) {
    if (event.target && event.target.tagName === 'FORM') {
      tag(event.target);
    }
  }, true);
  var submit = HTMLFormElement.prototype.submit;
  HTMLFormElement.prototype.submit = function () {
    tag(this);
    return submit.apply(this, arguments);
  };
}());
