// The dashboard is a thin view over the control API: it reads /_emulator/organization, /_emulator/requests and
// /_emulator/faults every POLL_MS, and every control it has is a call to PUT /_emulator/faults, PUT
// /_emulator/answers or POST /_emulator/reset. No library, no build step, no request to another host.
'use strict';
(function () {
  const POLL_MS = 700;
  const SHOWN_REQUESTS = 400;
  const $ = (id) => document.getElementById(id);
  let requests = [];
  let after = 0;
  let cleared = -1;
  // Bumped when a control change starts and when it ends: a refresh that read the settings before or during a change
  // does not show them, so a switch the user just flipped is not flipped back by an answer from before.
  let changes = 0;

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function when(text) {
    if (!text) return '';
    const date = new Date(text);
    return isNaN(date) ? text : date.toLocaleString();
  }

  function fill(tableId, items, render) {
    const body = $(tableId).tBodies[0];
    const rows = document.createDocumentFragment();
    for (const item of items) {
      const row = document.createElement('tr');
      render(row, item);
      rows.appendChild(row);
    }
    body.replaceChildren(rows);
  }

  async function call(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    const json = await response.json();
    if (!response.ok) throw new Error(json.message || ('HTTP ' + response.status));
    return json;
  }

  function showOrganization(data) {
    const workplaces = data.workplaces;
    const alive = workplaces.filter((w) => !w.deleted_at).length;
    $('workplaces-count').textContent = '(' + alive + ' alive, ' + (workplaces.length - alive) + ' archived)';
    $('summary').textContent = 'Organization ' + data.organization + ' · ' + workplaces.length + ' workplaces, ' +
      data.employees.length + ' employees, ' + data.outlets.length + ' outlets, ' + data.sms.length + ' SMS';
    fill('workplaces', workplaces, (row, w) => {
      if (w.deleted_at) row.className = 'archived';
      cell(row, w.number);
      cell(row, w.name);
      cell(row, w.workplace_type);
      cell(row, w.activated_at ? 'yes' : 'no');
      cell(row, w.deleted_at ? 'archived' : '');
      cell(row, Object.keys(w.extensions || {}).join(', '), 'wrap');
      cell(row, w.meta);
      cell(row, when(w.updated_at));
    });
    fill('employees', data.employees, (row, e) => {
      cell(row, e.name);
      cell(row, e.username);
      cell(row, e.phone);
      cell(row, e.role && e.role.name);
      cell(row, e.deleted_at ? 'archived' : '');
    });
    fill('outlets', data.outlets, (row, o) => {
      cell(row, o.name);
      cell(row, o.address, 'wrap');
      cell(row, o.brand);
      cell(row, Object.keys(o.extensions || {}).join(', '), 'wrap');
    });
    const byId = new Map(workplaces.map((w) => [w.guid, w]));
    fill('outbox', data.sms.slice().reverse(), (row, sms) => {
      const workplace = byId.get(sms.workplace);
      cell(row, when(sms.sent_at));
      cell(row, sms.phone);
      cell(row, sms.activation_code);
      cell(row, workplace ? ('#' + workplace.number + ' ' + (workplace.name || '')) : sms.workplace);
    });
  }

  function statusClass(status) {
    return /^\d/.test(status) ? 'status-' + status[0] : 'status-x';
  }

  function showRequests() {
    const status = $('filter-status').value.trim().toLowerCase();
    const path = $('filter-path').value.trim().toLowerCase();
    const shown = [];
    for (let i = requests.length - 1; i >= 0 && shown.length < SHOWN_REQUESTS; i--) {
      const r = requests[i];
      if (status && !r.status.toLowerCase().startsWith(status)) continue;
      if (path && !r.path.toLowerCase().includes(path)) continue;
      shown.push(r);
    }
    $('requests-count').textContent = '(' + requests.length + ' logged' + (status || path ? ', ' + shown.length + ' shown' : '') + ')';
    fill('requests', shown, (row, r) => {
      cell(row, new Date(r.at).toLocaleTimeString());
      cell(row, r.method);
      // The organization's id is the same in every path: shown once in the summary, shortened here.
      cell(row, r.path.replace(/^\/(v6\/)?orgs\/[0-9a-f-]{36}/i, '/orgs/…'), 'path').title = r.path;
      cell(row, r.status, statusClass(r.status));
      cell(row, r.ms);
      cell(row, r.fault);
      cell(row, r.request_id);
    });
  }

  function showFaults(settings) {
    if ($('faults').contains(document.activeElement)) return;
    $('latency').value = settings.latency_ms;
    $('jitter').value = settings.jitter_ms;
    $('fault-rates').value = settings.faults;
    $('rate-limit').value = settings.rate_limit;
    $('outage').checked = settings.outage_after === 0;
  }

  async function refresh() {
    const seen = changes;
    try {
      const [organization, log, faults] = await Promise.all([
        call('GET', '/_emulator/organization'),
        call('GET', '/_emulator/requests?after=' + after),
        call('GET', '/_emulator/faults'),
      ]);
      if (log.cleared !== cleared) {
        cleared = log.cleared;
        requests = [];
      }
      requests.push(...log.items);
      if (requests.length > 2000) requests.splice(0, requests.length - 2000);
      after = log.last;
      showOrganization(organization);
      showRequests();
      if (seen === changes) showFaults(faults);
    } catch (error) {
      $('summary').textContent = 'The emulator does not answer (' + error.message + '); retrying.';
    } finally {
      setTimeout(refresh, POLL_MS);
    }
  }

  async function control(method, path, body) {
    $('control-message').textContent = '';
    changes++;
    try {
      await call(method, path, body);
    } catch (error) {
      $('control-message').textContent = error.message;
    } finally {
      changes++;
    }
  }

  $('faults').addEventListener('submit', (event) => {
    event.preventDefault();
    control('PUT', '/_emulator/faults', {
      latency_ms: Number($('latency').value || 0),
      jitter_ms: Number($('jitter').value || 0),
      faults: $('fault-rates').value,
      rate_limit: Number($('rate-limit').value || 0),
    });
    document.activeElement.blur();
  });
  $('outage').addEventListener('change', (event) => {
    control('PUT', '/_emulator/faults', { outage_after: event.target.checked ? 0 : null });
  });
  $('answers').addEventListener('submit', (event) => {
    event.preventDefault();
    control('PUT', '/_emulator/answers', { answers: $('answer-variant').value });
  });
  $('reset').addEventListener('click', () => control('POST', '/_emulator/reset'));
  $('request-filter').addEventListener('input', showRequests);
  $('request-filter').addEventListener('submit', (event) => event.preventDefault());
  call('GET', '/_emulator/answers').then((a) => { $('answer-variant').value = a.answers; }, () => {});
  refresh();
})();
