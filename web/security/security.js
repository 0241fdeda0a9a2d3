/*
 * Bakusoku / Security page: change the admin password and manage API tokens through /api/v1/auth.
 * Values from the API reach the page only as text nodes. Plain ES5, no dependencies.
 */
(function () {
  'use strict';
  var root = document.getElementById('bks-security');
  if (!root) {
    return;
  }
  var api = root.getAttribute('data-api');
  var home = root.getAttribute('data-home');
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute('content') : null;
  var mustChange = false;

  function el(id) {
    return document.getElementById(id);
  }

  function call(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (csrf) {
      headers['X-CSRF-Token'] = csrf;
    }
    return fetch(api + path, {
      method: method, credentials: 'same-origin', cache: 'no-store', headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (json) {
        return { status: response.status, json: json };
      }, function () {
        return { status: response.status, json: null };
      });
    });
  }

  function say(text, bad) {
    var p = el('bks-sec-status');
    p.textContent = text;
    p.className = bad ? 'bks-status bks-bad' : 'bks-status';
  }

  function problem(result) {
    return result.json && result.json.message ? result.json.message : 'Failed (HTTP ' + result.status + ').';
  }

  function cell(row, value) {
    var td = document.createElement('td');
    td.textContent = value;
    row.appendChild(td);
    return td;
  }

  function revoke(token) {
    if (!window.confirm('Revoke the token "' + token.name + '"? Scripts using it stop working.')) {
      return;
    }
    call('DELETE', '/tokens/' + encodeURIComponent(token.id)).then(function (result) {
      say(result.status === 204 ? 'Token revoked.' : problem(result), result.status !== 204);
      loadTokens();
    });
  }

  function loadTokens() {
    call('GET', '/tokens').then(function (result) {
      var body = el('bks-sec-tokens');
      while (body.firstChild) {
        body.removeChild(body.firstChild);
      }
      if (result.status !== 200) {
        say(problem(result), true);
        return;
      }
      result.json.forEach(function (token) {
        var row = document.createElement('tr');
        cell(row, token.name);
        cell(row, token.id);
        cell(row, new Date(token.created_at).toLocaleString());
        cell(row, token.last_used_at ? new Date(token.last_used_at).toLocaleString() : 'not since start');
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = 'Revoke';
        button.addEventListener('click', function () {
          revoke(token);
        });
        cell(row, '').appendChild(button);
        body.appendChild(row);
      });
    });
  }

  el('bks-sec-password').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    if (el('bks-sec-new').value !== el('bks-sec-repeat').value) {
      say('The two new passwords differ.', true);
      return;
    }
    call('POST', '/password', {
      current_password: el('bks-sec-current').value, new_password: el('bks-sec-new').value
    }).then(function (result) {
      if (result.status !== 200) {
        say(problem(result), true);
        return;
      }
      form.reset();
      say('Password changed. Other browser sessions were logged out.', false);
      if (mustChange) {
        window.location.href = home;
      }
    });
  });

  el('bks-sec-token-form').addEventListener('submit', function (event) {
    event.preventDefault();
    call('POST', '/tokens', { name: el('bks-sec-token-name').value }).then(function (result) {
      if (result.status !== 201) {
        say(problem(result), true);
        return;
      }
      el('bks-sec-token-name').value = '';
      el('bks-sec-new-token-value').textContent = result.json.token;
      el('bks-sec-new-token').hidden = false;
      say('Token created.', false);
      loadTokens();
    });
  });

  call('GET', '/me').then(function (result) {
    mustChange = result.status === 200 && result.json.must_change_password;
    el('bks-sec-must').hidden = !mustChange;
    el('bks-sec-tokens-section').hidden = mustChange;
    if (!mustChange) {
      loadTokens();
    }
  });
}());
