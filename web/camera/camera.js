/*
 * Bakusoku console page "Camera": shows the live view (an MJPEG stream with the latest boxes drawn by the
 * appliance), polls /api/v1/camera for the state and capture rate and /api/v1/snapshots for the recent snapshots.
 *
 * Safety: API values reach the page only as DOM text nodes (textContent) and as URL parameters built with
 * encodeURIComponent, never as HTML. Kept free of template literals: the console filters plugin HTML for
 * dollar-brace variables.
 */
(function () {
  'use strict';

  var POLL_MS = 1000;
  var root = document.getElementById('bks-camera');
  if (!root) {
    return;
  }
  // Absolute, from the origin alone (see detections.js: embedded credentials break relative URLs).
  var api = location.origin + root.getAttribute('data-api');
  var live = document.getElementById('bks-camera-live');
  var statusLine = document.getElementById('bks-camera-status');
  var shownSnapshots = '';
  var timer = null;

  function text(id, value) {
    document.getElementById(id).textContent = value;
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
      return response.json().then(function (body) {
        if (!response.ok) {
          throw new Error(path + ': ' + (body.message || response.status));
        }
        return body;
      });
    });
  }

  function showCamera(camera) {
    text('bks-camera-source', camera.source);
    text('bks-camera-url', camera.url);
    text('bks-camera-state', camera.state);
    text('bks-camera-reason', camera.reason || '\u2013');
    text('bks-camera-fps', camera.capture_fps.toFixed(1) + ' frames/s');
    text('bks-camera-since', new Date(camera.changed_at_ms).toLocaleString());
    var state = document.getElementById('bks-camera-state');
    state.className = camera.state === 'STREAMING' ? 'bks-camera-ok' : 'bks-camera-bad';
    setStatus(camera.state === 'STREAMING' ? 'Live.' : 'Camera ' + camera.state + ': ' + camera.reason,
        camera.state !== 'STREAMING');
  }

  function showSnapshots(list) {
    var key = list.map(function (s) { return s.id; }).join(',');
    if (key === shownSnapshots) {
      return; // unchanged: keep the thumbnails instead of reloading them every second
    }
    shownSnapshots = key;
    var body = document.getElementById('bks-camera-snapshots');
    while (body.firstChild) {
      body.removeChild(body.firstChild);
    }
    list.forEach(function (s) {
      var row = document.createElement('tr');
      var pictureCell = document.createElement('td');
      var link = document.createElement('a');
      link.href = api + '/snapshots/image?id=' + encodeURIComponent(s.id);
      link.target = '_blank';
      var thumb = document.createElement('img');
      thumb.src = link.href;
      thumb.className = 'bks-camera-thumb';
      thumb.alt = 'Snapshot ' + s.id;
      link.appendChild(thumb);
      pictureCell.appendChild(link);
      row.appendChild(pictureCell);
      [new Date(s.time_ms).toLocaleString(),
        s.items.map(function (i) { return i.label + ' ' + i.score.toFixed(2); }).join(', '),
        s.reason].forEach(function (value) {
        var cell = document.createElement('td');
        cell.textContent = value;
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
  }

  function poll() {
    Promise.all([getJson('/camera'), getJson('/snapshots?limit=20')]).then(function (answers) {
      showCamera(answers[0]);
      showSnapshots(answers[1]);
    }).catch(function (error) {
      setStatus(error.message, true);
    });
  }

  function start() {
    if (!live.src) {
      live.src = api + '/camera/live.mjpeg';
    }
    poll();
    timer = setInterval(poll, POLL_MS);
  }

  function stop() {
    clearInterval(timer);
    live.removeAttribute('src'); // closes the stream: a hidden tab costs the appliance nothing
  }

  document.addEventListener('visibilitychange', function () {
    if (document.hidden) {
      stop();
    } else {
      start();
    }
  });
  start();
}());
