/*
 * Bakusoku console page "Detections": polls the JSON API and shows the latest analysed frame with its
 * boxes, the detection list, FPS, invoke time, model and relay states.
 *
 * Safety: every value from the API reaches the page as a DOM text node (textContent) or canvas text,
 * never as HTML, so a label such as "<img onerror=...>" from a user-supplied label file stays text.
 * Kept free of template literals: the console filters plugin HTML for dollar-brace variables.
 */
(function () {
  'use strict';

  var POLL_MS = 500;
  var root = document.getElementById('bks-detections');
  if (!root) {
    return;
  }
  // Absolute, from the origin alone: a page opened as http://user:pass@host/... would otherwise hand its
  // embedded credentials to every relative URL, which browsers refuse for fetch and images.
  var api = location.origin + root.getAttribute('data-api');
  var canvas = document.getElementById('bks-canvas');
  var ctx = canvas.getContext('2d');
  var statusLine = document.getElementById('bks-status');
  var shownFrameMs = null;   // frame_time_ms of the picture on the canvas
  var loadingFrameMs = null; // frame_time_ms of the picture being fetched
  var timer = null;

  function text(id, value) {
    document.getElementById(id).textContent = value;
  }

  function fixed(value, digits) {
    return typeof value === 'number' ? value.toFixed(digits) : '\u2013';
  }

  function setStatus(message, isError) {
    statusLine.textContent = message;
    statusLine.className = isError ? 'bks-status bks-error' : 'bks-status';
  }

  function getJson(path) {
    return fetch(api + path, { credentials: 'same-origin', cache: 'no-store' }).then(function (response) {
      if (response.status === 401) {
        throw new Error('Not logged in any more: reload the page to log in again.');
      }
      if (!response.ok) {
        return response.json().then(function (body) {
          throw new Error(path + ': ' + (body.message || response.status));
        }, function () {
          throw new Error(path + ': HTTP ' + response.status);
        });
      }
      return response.json();
    });
  }

  // Same class, same colour on every frame: spread hues by a prime step.
  function colour(classId) {
    return 'hsl(' + ((classId * 47) % 360) + ', 90%, 50%)';
  }

  function clamp01(v) {
    return Math.min(1, Math.max(0, v));
  }

  function drawBoxes(detections) {
    var w = canvas.width;
    var h = canvas.height;
    var fontPx = Math.max(12, Math.round(h / 30));
    ctx.lineWidth = Math.max(2, Math.round(h / 240));
    ctx.font = fontPx + 'px sans-serif';
    ctx.textBaseline = 'top';
    detections.forEach(function (d) {
      var x = clamp01(d.box.xmin) * w;
      var y = clamp01(d.box.ymin) * h;
      var bw = clamp01(d.box.xmax) * w - x;
      var bh = clamp01(d.box.ymax) * h - y;
      var caption = d.label + ' ' + d.score.toFixed(2);
      ctx.strokeStyle = colour(d.class_id);
      ctx.strokeRect(x, y, bw, bh);
      var tw = ctx.measureText(caption).width + 6;
      var ty = y >= fontPx + 4 ? y - fontPx - 4 : y; // above the box unless at the top edge
      ctx.fillStyle = colour(d.class_id);
      ctx.fillRect(x, ty, tw, fontPx + 4);
      ctx.fillStyle = '#000';
      ctx.fillText(caption, x + 3, ty + 2);
    });
  }

  // Load the JPEG of exactly the frame described by `latest`, then draw it with that frame's boxes.
  function showFrame(latest) {
    if (latest.frame_time_ms === null || latest.frame_time_ms === shownFrameMs
        || latest.frame_time_ms === loadingFrameMs) {
      return;
    }
    loadingFrameMs = latest.frame_time_ms;
    var img = new Image();
    img.onload = function () {
      if (loadingFrameMs !== latest.frame_time_ms) {
        return; // a newer frame is already on its way
      }
      if (canvas.width !== img.naturalWidth || canvas.height !== img.naturalHeight) {
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
      }
      ctx.drawImage(img, 0, 0);
      drawBoxes(latest.detections);
      shownFrameMs = latest.frame_time_ms;
      loadingFrameMs = null;
    };
    img.onerror = function () {
      loadingFrameMs = null;
    };
    img.src = api + '/detections/latest.jpg?frame_time_ms=' + encodeURIComponent(latest.frame_time_ms);
  }

  function cell(row, value) {
    var td = document.createElement('td');
    td.textContent = value;
    row.appendChild(td);
    return td;
  }

  function fill(tbodyId, items, emptyText, columns) {
    var tbody = document.getElementById(tbodyId);
    var rows = document.createDocumentFragment();
    if (items.length === 0) {
      var empty = document.createElement('tr');
      cell(empty, emptyText).colSpan = 9;
      rows.appendChild(empty);
    }
    items.forEach(function (item) {
      var tr = document.createElement('tr');
      columns(item).forEach(function (value) {
        cell(tr, value);
      });
      rows.appendChild(tr);
    });
    tbody.replaceChildren(rows);
  }

  function render(latest, relays) {
    if (latest.frame_time_ms === null) {
      setStatus('Waiting for the first frame\u2026', false);
    } else {
      setStatus('Live', false);
    }
    text('bks-model', latest.model ? latest.model.name + ' (' + latest.model.id + ')' : '\u2013');
    text('bks-fps', fixed(latest.fps, 1));
    text('bks-invoke', latest.timings ? fixed(latest.timings.invoke_ms, 1) + ' ms' : '\u2013');
    text('bks-frame-time', latest.frame_time ? new Date(latest.frame_time).toLocaleString() : '\u2013');
    fill('bks-detections-list', latest.detections, 'nothing detected', function (d) {
      return [d.label, d.score.toFixed(2),
        [d.box.xmin, d.box.ymin, d.box.xmax, d.box.ymax].map(function (v) { return v.toFixed(3); }).join(', ')];
    });
    fill('bks-relays', relays, 'no relays configured', function (r) {
      return [r.name + ' (' + r.id + ')', String(r.bcm_pin), r.on ? 'ON' : 'off',
        r.last_change ? new Date(r.last_change).toLocaleString() : 'never', r.reason || ''];
    });
    showFrame(latest);
  }

  function poll() {
    timer = null;
    Promise.all([getJson('/detections/latest'), getJson('/relays')]).then(function (answers) {
      render(answers[0], answers[1]);
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

  document.addEventListener('visibilitychange', schedule);
  poll();
}());
