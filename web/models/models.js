/*
 * Bakusoku console page "Models": polls /api/v1/models every second; lists the installed models with the
 * active one marked; uploads a model (multipart: model, labels, name) and shows validation progress;
 * validates, activates, deletes and rolls back; shows the last problem in plain words.
 *
 * Safety: every value from the API reaches the page as a DOM text node (textContent), never as HTML. Kept
 * free of template literals: the console filters plugin HTML for dollar-brace variables.
 */
(function () {
  'use strict';

  var POLL_MS = 1000;
  var root = document.getElementById('bks-models');
  if (!root) {
    return;
  }
  // Absolute, from the origin alone (see detections.js: URLs with embedded credentials are refused by fetch).
  var api = location.origin + root.getAttribute('data-api');
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute('content') : null;
  var holdUntil = 0;

  function el(id) {
    return document.getElementById(id);
  }

  function text(tag, value, className) {
    var node = document.createElement(tag);
    node.textContent = value === null || value === undefined ? '\u2013' : String(value);
    if (className) {
      node.className = className;
    }
    return node;
  }

  function setStatus(message, isError) {
    var line = el('bks-models-status');
    line.textContent = message;
    line.className = isError ? 'bks-status bks-error' : 'bks-status';
  }

  function request(method, path, body) {
    var init = { method: method, credentials: 'same-origin', cache: 'no-store', headers: {} };
    if (csrf && method !== 'GET') {
      init.headers['X-CSRF-Token'] = csrf;
    }
    if (body) {
      init.body = body;
    }
    return fetch(api + path, init).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) {
          throw new Error(json.message || ('HTTP ' + response.status));
        }
        return json;
      });
    });
  }

  function command(method, path, done) {
    holdUntil = Date.now() + 4000;
    setStatus(done + '\u2026', false);
    request(method, path).then(function (answer) {
      setStatus(done + ': ' + (answer.name || answer.deleted || 'done'), false);
      poll();
    }).catch(function (e) {
      setStatus(done + ' failed: ' + e.message, true);
      poll();
    });
  }

  function button(label, handler) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'ui-button';
    b.textContent = label;
    b.addEventListener('click', handler);
    return b;
  }

  function row(model) {
    var tr = document.createElement('tr');
    tr.appendChild(text('td', model.active ? '\u25CF active' : '', model.active ? 'bks-models-active' : ''));
    tr.appendChild(text('td', model.name + ' v' + model.version));
    tr.appendChild(text('td', model.id));
    tr.appendChild(text('td', model.input.width + '\u00D7' + model.input.height + ' ' + model.input.type));
    tr.appendChild(text('td', model.classes + (model.label_count ? ' (' + model.label_count + ' labels)' : '')));
    tr.appendChild(text('td', model.validation.invoke_ms > 0 ? model.validation.invoke_ms.toFixed(1) + ' ms' : null));
    var v = model.validation;
    tr.appendChild(text('td', v.status + ': ' + v.message, v.status === 'FAILED' ? 'bks-models-failed' : ''));
    tr.appendChild(text('td', new Date(model.uploaded_at).toLocaleString()));
    var actions = document.createElement('td');
    actions.className = 'bks-models-actions';
    actions.appendChild(button('Validate', function () {
      command('POST', '/' + model.id + '/validate', 'Validating ' + model.name);
    }));
    if (!model.active) {
      actions.appendChild(button('Activate', function () {
        command('POST', '/' + model.id + '/activate', 'Activating ' + model.name);
      }));
      actions.appendChild(button('Delete', function () {
        if (window.confirm('Delete model ' + model.name + ' v' + model.version + '?')) {
          command('DELETE', '/' + model.id, 'Deleting ' + model.name);
        }
      }));
    }
    tr.appendChild(actions);
    return tr;
  }

  function render(state) {
    var list = el('bks-models-list');
    list.textContent = '';
    state.models.forEach(function (m) {
      list.appendChild(row(m));
    });
    var tasks = el('bks-models-tasks');
    tasks.textContent = '';
    state.tasks.forEach(function (t) {
      var p = document.createElement('p');
      var bar = document.createElement('progress');
      bar.max = 100;
      bar.value = t.percent;
      p.appendChild(bar);
      p.appendChild(document.createTextNode(t.kind + ' ' + t.model + ': ' + t.step));
      tasks.appendChild(p);
    });
    var problem = el('bks-models-problem');
    if (state.last_problem) {
      problem.hidden = false;
      problem.textContent = 'Last problem (' + new Date(state.last_problem.at).toLocaleString() + '): ' + state.last_problem.message;
    } else {
      problem.hidden = true;
    }
    var previous = state.models.filter(function (m) { return m.id === state.rollback_id; })[0];
    var rollback = el('bks-models-rollback');
    rollback.disabled = !previous;
    rollback.textContent = previous ? 'Roll back to ' + previous.name + ' (' + previous.id + ')'
        : 'Roll back (no earlier model)';
    el('bks-models-limit').textContent = 'up to ' + Math.round(state.max_model_bytes / 1048576) + ' MiB';
    if (Date.now() > holdUntil) {
      var active = state.models.filter(function (m) { return m.active; })[0];
      setStatus(state.models.length + ' model(s); active: ' + (active ? active.name + ' v' + active.version
          + ' (' + active.id + ')' : 'none from the repository'), false);
    }
  }

  function poll() {
    if (document.hidden) {
      return;
    }
    request('GET', '').then(render).catch(function (e) {
      setStatus('Cannot read the models: ' + e.message, true);
    });
  }

  el('bks-models-rollback').addEventListener('click', function () {
    command('POST', '/rollback', 'Rolling back');
  });

  el('bks-models-upload').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    var data = new FormData();
    data.append('name', form.elements.name.value);
    if (form.elements.labels.files.length > 0) {
      data.append('labels', form.elements.labels.files[0]);
    }
    data.append('model', form.elements.model.files[0]);
    holdUntil = Date.now() + 600000;
    setStatus('Uploading and validating ' + form.elements.model.files[0].name + '\u2026', false);
    request('POST', '', data).then(function (manifest) {
      holdUntil = Date.now() + 6000;
      setStatus('Installed ' + manifest.name + ' v' + manifest.version + ' (' + manifest.id + '): '
          + manifest.validation.message, false);
      form.reset();
      poll();
    }).catch(function (e) {
      holdUntil = Date.now() + 15000;
      setStatus('Upload refused: ' + e.message, true);
      poll();
    });
  });

  poll();
  window.setInterval(poll, POLL_MS);
})();
