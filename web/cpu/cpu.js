/*
 * Bakusoku console page "CPU": polls /api/v1/cpu and /api/v1/cpu/history, draws temperature and frequency
 * of the last 10 minutes, shows the throttling flags, the thermal guard, the boot configuration's overclock
 * lines and a pending tryboot; sets the governor and tries an overclock profile.
 *
 * Safety: every value from the API reaches the page as a DOM text node (textContent) or canvas text, never
 * as HTML. Kept free of template literals: the console filters plugin HTML for dollar-brace variables.
 */
(function () {
  'use strict';

  var POLL_MS = 2000;
  var WINDOW_MS = 10 * 60 * 1000;
  var root = document.getElementById('bks-cpu');
  if (!root) {
    return;
  }
  // Absolute, from the origin alone (see detections.js: URLs with embedded credentials are refused by fetch).
  var api = location.origin + root.getAttribute('data-api');
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute('content') : null;
  var canvas = document.getElementById('bks-cpu-chart');
  var ctx = canvas.getContext('2d');
  var governorSelect = document.getElementById('bks-cpu-governor');
  var profileSelect = document.getElementById('bks-cpu-profiles');
  var latest = null;
  var busy = false;
  var timer = null;

  function el(id) {
    return document.getElementById(id);
  }

  function text(id, value) {
    el(id).textContent = value;
  }

  function setStatus(message, isError) {
    var line = el('bks-cpu-status');
    line.textContent = message;
    line.className = isError ? 'bks-status bks-error' : 'bks-status';
  }

  function request(method, path, body) {
    var init = { method: method, credentials: 'same-origin', cache: 'no-store', headers: {} };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
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

  function words(list) {
    return list && list.length ? list.join(', ') : 'none';
  }

  function fillSelect(select, values, labels, selected) {
    var current = select.value;
    var keep = document.activeElement === select ? current : selected;
    var options = document.createDocumentFragment();
    values.forEach(function (value, i) {
      var option = document.createElement('option');
      option.value = value;
      option.textContent = labels[i];
      options.appendChild(option);
    });
    select.replaceChildren(options);
    if (keep !== null && values.indexOf(keep) >= 0) {
      select.value = keep;
    }
  }

  function cell(row, value) {
    var td = document.createElement('td');
    td.textContent = value;
    row.appendChild(td);
    return td;
  }

  function renderBoot(overclock) {
    text('bks-cpu-boot-file', overclock.boot_config ? overclock.boot_config
        : 'No config.txt found: the boot configuration cannot be read.');
    var rows = document.createDocumentFragment();
    if (overclock.boot_settings.length === 0) {
      var empty = document.createElement('tr');
      cell(empty, 'no overclock settings: firmware defaults').colSpan = 5;
      rows.appendChild(empty);
    }
    overclock.boot_settings.forEach(function (s) {
      var tr = document.createElement('tr');
      [s.key, s.value, s.section, s.file + ', line ' + s.line, s.managed ? 'appliance' : 'by hand'].forEach(function (v) {
        cell(tr, v);
      });
      rows.appendChild(tr);
    });
    el('bks-cpu-boot').replaceChildren(rows);
  }

  function describeTryboot(t) {
    var phase = {
      NONE: 'nothing pending',
      STAGED: 'candidate ' + t.profile + ' in tryboot.txt, rebooting into it',
      TRIAL: 'trial of ' + t.profile + (t.trial_ends_at ? ' until ' + new Date(t.trial_ends_at).toLocaleTimeString() : ''),
      COMMITTED: t.profile + ' committed',
      REVERTED: t.profile + ' reverted'
    }[t.phase] || t.phase;
    return phase + ' \u2014 ' + t.message;
  }

  function render(cpu) {
    latest = cpu;
    if (!cpu.cpufreq_available) {
      el('bks-cpu-unavailable').hidden = false;
      text('bks-cpu-unavailable', cpu.message);
    } else {
      el('bks-cpu-unavailable').hidden = true;
    }
    text('bks-cpu-board', cpu.board ? cpu.board + (cpu.board_revision ? ' (rev ' + cpu.board_revision + ')' : '')
        : 'not a Raspberry Pi');
    text('bks-cpu-temp', typeof cpu.temperature_c === 'number' ? cpu.temperature_c.toFixed(1) + ' \u00b0C'
        : 'no thermal zone');
    text('bks-cpu-freq', cpu.policies.length ? cpu.policies.map(function (p) {
      return p.cur_mhz + ' MHz (' + p.min_mhz + '\u2013' + p.max_mhz + ', CPUs ' + p.cpus.join(' ') + ')';
    }).join('; ') : 'no cpufreq');
    text('bks-cpu-now', cpu.throttled ? words(cpu.throttled.now) + (cpu.throttled.raw_hex ? ' (' + cpu.throttled.raw_hex + ')' : '')
        : 'not reported by this kernel');
    text('bks-cpu-since', cpu.throttled ? words(cpu.throttled.since_boot) : 'not reported by this kernel');
    el('bks-cpu-now').className = cpu.throttled && cpu.throttled.now.length ? 'bks-error' : '';
    var g = cpu.guard;
    text('bks-cpu-guard', !g.enabled ? 'off' : (g.active ? 'ENGAGED (' + g.action + '): ' + g.reason
        : 'watching: engages at ' + g.threshold_c + ' \u00b0C, action ' + g.action));
    el('bks-cpu-guard').className = g.active ? 'bks-error' : '';

    fillSelect(governorSelect, cpu.governors_available, cpu.governors_available, cpu.governor);
    governorSelect.disabled = el('bks-cpu-governor-set').disabled = busy || !cpu.cpufreq_available;

    var o = cpu.overclock;
    text('bks-cpu-profile', o.profile + (o.arm_freq ? ': arm_freq ' + o.arm_freq + ' MHz' : ': firmware default clock')
        + (o.over_voltage !== null ? ', over_voltage ' + o.over_voltage : '')
        + (o.over_voltage_delta !== null ? ', over_voltage_delta ' + o.over_voltage_delta + ' \u00b5V' : ''));
    text('bks-cpu-tryboot', o.tryboot.supported ? describeTryboot(o.tryboot) : 'unavailable: ' + o.tryboot.refusal);
    var ids = o.profiles.map(function (p) { return p.id; });
    fillSelect(profileSelect, ids, o.profiles.map(function (p) {
      return p.id + (p.arm_freq ? ' (' + p.arm_freq + ' MHz)' : '');
    }), o.profile);
    var chosen = o.profiles[Math.max(0, ids.indexOf(profileSelect.value))];
    text('bks-cpu-profile-description', chosen ? chosen.description : '');
    profileSelect.disabled = el('bks-cpu-try').disabled = busy || o.pending_tryboot || !o.boot_config;
    renderBoot(o);
  }

  function drawChart(samples) {
    var w = canvas.width;
    var h = canvas.height;
    var pad = { left: 44, right: 56, top: 10, bottom: 24 };
    var now = Date.now();
    var maxMhz = 0;
    samples.forEach(function (s) { maxMhz = Math.max(maxMhz, s.cur_mhz || 0); });
    if (latest) {
      latest.policies.forEach(function (p) { maxMhz = Math.max(maxMhz, p.hw_max_mhz); });
    }
    // Seven grid steps (20..90 degrees C): a multiple of 700 MHz puts the right-hand labels on round numbers.
    maxMhz = Math.max(700, Math.ceil(maxMhz * 1.1 / 700) * 700);
    var tMin = 20;
    var tMax = 90;
    function x(ms) { return pad.left + (w - pad.left - pad.right) * (1 - (now - ms) / WINDOW_MS); }
    function yTemp(c) { return pad.top + (h - pad.top - pad.bottom) * (1 - (c - tMin) / (tMax - tMin)); }
    function yFreq(m) { return pad.top + (h - pad.top - pad.bottom) * (1 - m / maxMhz); }

    ctx.clearRect(0, 0, w, h);
    ctx.font = '11px sans-serif';
    ctx.strokeStyle = '#ccc';
    ctx.fillStyle = '#555';
    ctx.lineWidth = 1;
    for (var c = tMin; c <= tMax; c += 10) {
      ctx.beginPath();
      ctx.moveTo(pad.left, yTemp(c));
      ctx.lineTo(w - pad.right, yTemp(c));
      ctx.stroke();
      ctx.fillText(c + ' \u00b0C', 4, yTemp(c) + 4);
      ctx.fillText(Math.round((c - tMin) / (tMax - tMin) * maxMhz) + ' MHz', w - pad.right + 4, yTemp(c) + 4);
    }
    for (var m = 0; m <= 10; m += 2) {
      ctx.fillText(m === 0 ? 'now' : '-' + m + ' min', x(now - m * 60000) - 14, h - 6);
    }
    if (latest && latest.guard.enabled) {
      ctx.setLineDash([6, 4]);
      ctx.strokeStyle = '#b00020';
      ctx.beginPath();
      ctx.moveTo(pad.left, yTemp(latest.guard.threshold_c));
      ctx.lineTo(w - pad.right, yTemp(latest.guard.threshold_c));
      ctx.stroke();
      ctx.setLineDash([]);
    }
    function line(colour, value, y) {
      ctx.strokeStyle = colour;
      ctx.lineWidth = 2;
      ctx.beginPath();
      var drawing = false;
      samples.forEach(function (s) {
        var v = value(s);
        if (typeof v !== 'number' || now - s.time_ms > WINDOW_MS) {
          drawing = false;
          return;
        }
        if (drawing) {
          ctx.lineTo(x(s.time_ms), y(v));
        } else {
          ctx.moveTo(x(s.time_ms), y(v));
          drawing = true;
        }
      });
      ctx.stroke();
    }
    line('#e4572e', function (s) { return s.temperature_c; }, yTemp);
    line('#2e86de', function (s) { return s.cur_mhz; }, yFreq);
  }

  function poll() {
    timer = null;
    Promise.all([request('GET', '/cpu'), request('GET', '/cpu/history')]).then(function (answers) {
      render(answers[0]);
      drawChart(answers[1].samples);
      if (!busy) {
        setStatus(answers[0].cpufreq_available ? 'Live' : 'Live (no cpufreq on this machine)', false);
      }
    }).catch(function (error) {
      setStatus(error.message, true);
    }).then(schedule);
  }

  // Poll only while the tab is visible: a forgotten background tab must not cost the Pi CPU.
  function schedule() {
    if (timer === null && !document.hidden) {
      timer = setTimeout(poll, POLL_MS);
    }
  }

  function act(label, method, path, body) {
    busy = true;
    setStatus(label + '\u2026', false);
    return request(method, path, body).then(function (answer) {
      busy = false;
      return answer;
    }, function (error) {
      busy = false;
      setStatus(error.message, true);
      throw error;
    });
  }

  el('bks-cpu-governor-set').addEventListener('click', function () {
    var governor = governorSelect.value;
    act('Setting governor ' + governor, 'PUT', '/cpu/governor', { governor: governor }).then(function (answer) {
      setStatus('Governor is now ' + answer.governor, false);
    }, function () { /* shown in the status line */ });
  });

  profileSelect.addEventListener('change', function () {
    if (latest) {
      render(latest);
    }
  });

  el('bks-cpu-try').addEventListener('click', function () {
    var profile = profileSelect.value;
    var question = profile === 'stock'
      ? 'Remove the appliance\'s overclock from config.txt and reboot now?'
      : 'Try profile ' + profile + '? The Pi reboots into it now; it is kept only if it stays healthy through the trial.';
    if (!window.confirm(question)) {
      return;
    }
    act('Applying ' + profile, 'POST', '/cpu/overclock', { profile: profile }).then(function (answer) {
      setStatus(profile === 'stock' ? 'config.txt is back to the firmware defaults; the Pi reboots in a few seconds.'
        : 'Rebooting: ' + answer.tryboot.message, false);
    }, function () { /* shown in the status line */ });
  });

  document.addEventListener('visibilitychange', schedule);
  poll();
}());
