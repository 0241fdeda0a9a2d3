/*
 * Bakusoku console page "Relays": polls /api/v1/relays, /relays/status, /relays/events and /rules every
 * second; shows each relay's state with the rule and detection behind its last change, refused
 * configurations, the rules and the transition log; sends test pulses and resets.
 *
 * Safety: every value from the API reaches the page as a DOM text node (textContent), never as HTML. Kept
 * free of template literals: the console filters plugin HTML for dollar-brace variables.
 */
(function () {
  'use strict';

  var POLL_MS = 1000;
  var root = document.getElementById('bks-relays');
  if (!root) {
    return;
  }
  // Absolute, from the origin alone (see detections.js: URLs with embedded credentials are refused by fetch).
  var api = location.origin + root.getAttribute('data-api');
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute('content') : null;
  var timer = null;
  var busy = false;
  // A command's answer stays on the status line for a few seconds before the poll summary comes back.
  var holdUntil = 0;

  function el(id) {
    return document.getElementById(id);
  }

  function setStatus(message, isError) {
    var line = el('bks-relays-status');
    line.textContent = message;
    line.className = isError ? 'bks-status bks-error' : 'bks-status';
  }

  function request(method, path) {
    var init = { method: method, credentials: 'same-origin', cache: 'no-store', headers: {} };
    if (csrf && method !== 'GET') {
      init.headers['X-CSRF-Token'] = csrf;
    }
    return fetch(api + path, init).then(function (response) {
      if (response.status === 401) {
        throw new Error('Not logged in any more: reload the page to log in again.');
      }
      return response.json().then(function (json) {
        if (!response.ok) {
          throw new Error(json.message || (path + ': HTTP ' + response.status));
        }
        return json;
      }, function () {
        throw new Error(path + ': HTTP ' + response.status);
      });
    });
  }

  function cell(row, value, className) {
    var td = document.createElement('td');
    td.textContent = value === null || value === undefined ? '\u2013' : String(value);
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleString() : 'never';
  }

  function detectionText(d) {
    if (!d) {
      return '';
    }
    // The reason already names label and score; the box says where (normalized xmin, ymin, xmax, ymax).
    var b = d.box;
    return ', box ' + [b.xmin, b.ymin, b.xmax, b.ymax].map(function (v) { return v.toFixed(2); }).join(', ');
  }

  function fill(tbody, items, addRow, emptyText, columns) {
    var rows = document.createDocumentFragment();
    items.forEach(function (item) {
      var tr = document.createElement('tr');
      addRow(tr, item);
      rows.appendChild(tr);
    });
    if (!items.length) {
      var tr = document.createElement('tr');
      var td = cell(tr, emptyText);
      td.colSpan = columns;
      rows.appendChild(tr);
    }
    tbody.replaceChildren(rows);
  }

  function button(label, title, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.title = title;
    b.addEventListener('click', onClick);
    return b;
  }

  function command(path, done) {
    holdUntil = Date.now() + 5000;
    request('POST', path).then(function (relay) {
      setStatus(done + ': ' + relay.id + ' is ' + (relay.on ? 'ON' : 'OFF') + '.', false);
      refresh();
    }, function (error) {
      setStatus(error.message, true);
    });
  }

  function relayRow(tr, r) {
    cell(tr, r.name + ' (' + r.id + ')');
    cell(tr, r.bcm_pin + (r.active_low ? ', active-low' : ''));
    var state = r.on ? 'ON' : 'OFF';
    if (r.locked_out) {
      state += ', locked out';
    }
    cell(tr, state, r.on ? 'bks-relay-on' : (r.locked_out ? 'bks-relay-locked' : 'bks-relay-off'));
    cell(tr, time(r.last_change));
    cell(tr, r.reason + detectionText(r.detection));
    var td = cell(tr, '');
    td.replaceChildren(
      button('Pulse', 'Energize for the test pulse length', function () {
        var ms = el('bks-relays-ms').value;
        command('/relays/' + encodeURIComponent(r.id) + '/pulse?ms=' + encodeURIComponent(ms), 'Test pulse ' + ms + ' ms');
      }),
      document.createTextNode(' '),
      button('Reset', 'Back to the safe state; releases a latch and a lock-out', function () {
        command('/relays/' + encodeURIComponent(r.id) + '/reset', 'Reset');
      }));
  }

  function eventRow(tr, e) {
    cell(tr, time(e.at));
    cell(tr, e.id);
    cell(tr, e.bcm_pin);
    cell(tr, e.error ? 'FAULT' : (e.on ? 'ON' : 'OFF'), e.error ? 'bks-relay-locked' : (e.on ? 'bks-relay-on' : ''));
    cell(tr, e.reason + detectionText(e.detection));
  }

  function ruleRow(tr, rule) {
    cell(tr, rule.name);
    cell(tr, rule.description || '(no valid configuration yet)');
    cell(tr, rule.problem ? 'refused: ' + rule.problem : (rule.active ? 'active' : 'inactive'),
      rule.problem ? 'bks-relay-locked' : '');
    cell(tr, rule.last_trigger ? time(rule.last_trigger) + ': ' + rule.last_reason : 'never');
  }

  function problemRow(tr, p) {
    cell(tr, p.name + ' [' + p.pid + ']');
    cell(tr, p.message);
    cell(tr, time(p.at));
  }

  function refresh() {
    if (busy) {
      return;
    }
    busy = true;
    Promise.all([request('GET', '/relays'), request('GET', '/relays/status'),
      request('GET', '/relays/events?limit=50'), request('GET', '/rules')]).then(function (answers) {
      var relays = answers[0];
      var status = answers[1];
      var rules = answers[3];
      el('bks-relays-gpio').textContent = status.gpio;
      fill(el('bks-relays-list'), relays, relayRow, 'No relay is configured (Configuration page, "Bakusoku relay").', 6);
      fill(el('bks-relays-events'), answers[2], eventRow, 'No transition since start.', 5);
      fill(el('bks-relays-rules'), rules, ruleRow, 'No rule is configured.', 4);
      var problems = status.problems.concat(rules.filter(function (rule) { return rule.problem; }).map(function (rule) {
        return { pid: rule.pid, name: 'rule ' + rule.name, message: rule.problem, at: null };
      }));
      el('bks-relays-problems-box').hidden = problems.length === 0;
      fill(el('bks-relays-problems'), problems, problemRow, '', 3);
      if (Date.now() > holdUntil) {
        setStatus(relays.length + ' relay(s), ' + rules.length + ' rule(s); updated ' + new Date().toLocaleTimeString(),
          false);
      }
    }, function (error) {
      setStatus(error.message, true);
    }).then(function () {
      busy = false;
    });
  }

  function schedule() {
    if (timer === null && !document.hidden) {
      timer = setInterval(refresh, POLL_MS);
    }
  }

  document.addEventListener('visibilitychange', function () {
    if (document.hidden) {
      clearInterval(timer);
      timer = null;
    } else {
      refresh();
      schedule();
    }
  });
  refresh();
  schedule();
}());
