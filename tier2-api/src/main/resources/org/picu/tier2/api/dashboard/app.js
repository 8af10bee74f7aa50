// PICU dashboard: reads this server's own API (same origin, no third-party requests) and draws with plain SVG.
// Every value from the API is inserted with textContent, never as HTML.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';

  function $(id) { return document.getElementById(id); }

  function getJson(path) {
    return fetch(path, { headers: { Accept: 'application/json' } }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) { throw new Error(path + ': ' + (body.error || response.status)); }
        return body;
      });
    });
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function number(value, digits) {
    if (value === null || value === undefined) { return '–'; }
    var n = Number(value);
    var max = digits !== undefined ? digits : (Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 1 ? 2 : 6);
    return n.toLocaleString('en-US', { maximumFractionDigits: max });
  }

  function percent(value) {
    if (value === null || value === undefined) { return '–'; }
    var n = Number(value);
    return (n > 0 ? '+' : '') + n.toFixed(2) + ' %';
  }

  function shortTime(iso) { return iso ? iso.replace('T', ' ').substring(0, 16) : '–'; }

  function emptyRow(tbody, columns, text) {
    var row = el('tr');
    var cell = el('td', text, 'empty');
    cell.colSpan = columns;
    row.appendChild(cell);
    tbody.appendChild(row);
  }

  function renderPrices(summary) {
    var tbody = $('prices').tBodies[0];
    clear(tbody);
    if (!summary.market.length) { emptyRow(tbody, 5, 'no market data loaded yet'); }
    summary.market.forEach(function (coin) {
      var row = el('tr');
      row.dataset.symbol = coin.symbol;
      row.appendChild(el('td', coin.symbol));
      row.appendChild(el('td', number(coin.price), 'num price'));
      var change = Number(coin.change_24h);
      row.appendChild(el('td', percent(coin.change_24h), 'num ' + (change > 0 ? 'up' : change < 0 ? 'down' : '')));
      row.appendChild(el('td', number(coin.volume_24h), 'num'));
      row.appendChild(el('td', shortTime(coin.timestamp), 'muted'));
      tbody.appendChild(row);
    });
    $('sentiment-average').textContent = Number(summary.sentiment_average).toFixed(2);
    var average = Number(summary.sentiment_average);
    $('sentiment-average').className = 'big ' + (average > 0 ? 'up' : average < 0 ? 'down' : '');
  }

  function renderSymbols(summary) {
    var tabs = $('symbols');
    clear(tabs);
    var symbols = summary.market.map(function (coin) { return coin.symbol; });
    symbols.forEach(function (symbol, index) {
      var button = el('button', symbol);
      button.type = 'button';
      button.addEventListener('click', function () { selectSymbol(symbol); });
      tabs.appendChild(button);
      if (index === 0) { button.className = 'active'; }
    });
    return symbols.length ? selectSymbol(symbols.indexOf('BTC') >= 0 ? 'BTC' : symbols[0]) : Promise.resolve();
  }

  function selectSymbol(symbol) {
    Array.prototype.forEach.call($('symbols').children, function (button) {
      button.className = button.textContent === symbol ? 'active' : '';
    });
    $('chart-symbol').textContent = symbol + ' · 1 h · UTC';
    return getJson('/api/candles/' + encodeURIComponent(symbol) + '?timeframe=1h&limit=72').then(drawCandles);
  }

  function drawCandles(data) {
    var chart = $('chart');
    clear(chart);
    var candles = data.candles;
    if (!candles.length) {
      chart.appendChild(svg('text', { x: 450, y: 140, 'text-anchor': 'middle', fill: '#8b96ad' }, 'no candles yet'));
      return;
    }
    var width = 900, height = 280, left = 8, right = 80, top = 10, bottom = 24;
    var high = Math.max.apply(null, candles.map(function (c) { return Number(c.high); }));
    var low = Math.min.apply(null, candles.map(function (c) { return Number(c.low); }));
    if (high === low) { high += 1; low -= 1; }
    var y = function (v) { return top + (high - Number(v)) / (high - low) * (height - top - bottom); };
    var step = (width - left - right) / candles.length;
    for (var g = 0; g <= 4; g++) {
      var value = low + (high - low) * g / 4;
      chart.appendChild(svg('line', { x1: left, x2: width - right, y1: y(value), y2: y(value), stroke: '#26304a' }));
      chart.appendChild(svg('text', { x: width - right + 6, y: y(value) + 4, fill: '#8b96ad', 'font-size': 11 },
        number(value)));
    }
    candles.forEach(function (c, i) {
      var up = Number(c.close) >= Number(c.open);
      var color = up ? '#2ecc8f' : '#ff5c6c';
      var x = left + i * step + step / 2;
      chart.appendChild(svg('line', { x1: x, x2: x, y1: y(c.high), y2: y(c.low), stroke: color }));
      var bodyTop = y(Math.max(Number(c.open), Number(c.close)));
      var bodyHeight = Math.max(1, Math.abs(y(c.open) - y(c.close)));
      chart.appendChild(svg('rect', { x: x - step * 0.35, y: bodyTop, width: Math.max(1, step * 0.7),
        height: bodyHeight, fill: color, 'class': 'candle' }));
    });
    chart.appendChild(svg('text', { x: left, y: height - 6, fill: '#8b96ad', 'font-size': 11 },
      shortTime(candles[0].timestamp)));
    chart.appendChild(svg('text', { x: width - right, y: height - 6, fill: '#8b96ad', 'font-size': 11,
      'text-anchor': 'end' }, shortTime(candles[candles.length - 1].timestamp)));
  }

  function gaugeColor(value) {
    return value <= 25 ? '#ff5c6c' : value <= 45 ? '#ff9f5c' : value <= 55 ? '#f5b942' : value <= 75 ? '#9bd85b' : '#2ecc8f';
  }

  function renderFearGreed(data) {
    var gauge = $('gauge');
    clear(gauge);
    var cx = 110, cy = 110, r = 90;
    var point = function (v, radius) {
      var angle = Math.PI * (1 - v / 100);
      return [cx + radius * Math.cos(angle), cy - radius * Math.sin(angle)];
    };
    [[0, 25], [25, 45], [45, 55], [55, 75], [75, 100]].forEach(function (band) {
      var a = point(band[0], r), b = point(band[1], r);
      gauge.appendChild(svg('path', { d: 'M' + a[0] + ' ' + a[1] + ' A' + r + ' ' + r + ' 0 0 1 ' + b[0] + ' ' + b[1],
        stroke: gaugeColor(band[1] - 1), 'stroke-width': 14, fill: 'none' }));
    });
    var latest = data.latest;
    if (latest) {
      var tip = point(latest.value, r - 22);
      gauge.appendChild(svg('line', { x1: cx, y1: cy, x2: tip[0], y2: tip[1], stroke: '#e6ebf5', 'stroke-width': 3,
        'stroke-linecap': 'round' }));
      gauge.appendChild(svg('circle', { cx: cx, cy: cy, r: 5, fill: '#e6ebf5' }));
      $('fear-greed-value').textContent = latest.value;
      $('fear-greed-value').style.color = gaugeColor(latest.value);
      $('fear-greed-label').textContent = latest.classification + ' · ' + shortTime(latest.timestamp);
    } else {
      $('fear-greed-label').textContent = 'no index loaded yet';
    }
    var history = $('fear-greed-history');
    clear(history);
    if (data.history.length > 1) {
      var points = data.history.map(function (p, i) {
        return (i * 300 / (data.history.length - 1)).toFixed(1) + ',' + (58 - p.value * 0.56).toFixed(1);
      });
      history.appendChild(svg('polyline', { points: points.join(' '), fill: 'none', stroke: '#5b8cff', 'stroke-width': 2 }));
    }
  }

  function renderSentiment(data) {
    var chart = $('sentiment');
    clear(chart);
    chart.appendChild(svg('line', { x1: 0, x2: 300, y1: 60, y2: 60, stroke: '#26304a' }));
    if (!data.timeline.length) {
      chart.appendChild(svg('text', { x: 150, y: 50, 'text-anchor': 'middle', fill: '#8b96ad', 'font-size': 12 },
        'no news in the last 24 h'));
      return;
    }
    var step = 300 / data.timeline.length;
    data.timeline.forEach(function (p, i) {
      var v = Math.max(-1, Math.min(1, Number(p.sentiment)));
      var h = Math.abs(v) * 56;
      chart.appendChild(svg('rect', { x: i * step + 1, y: v >= 0 ? 60 - h : 60, width: Math.max(1, step - 2),
        height: Math.max(1, h), fill: v >= 0 ? '#2ecc8f' : '#ff5c6c', 'class': 'bar' },
        undefined)).appendChild(svg('title', {}, p.timestamp + ' UTC: ' + p.sentiment + ' (' + p.count + ' items)'));
    });
  }

  function badge(text) { return el('span', text, 'badge ' + text); }

  function renderAlerts(data) {
    var list = $('alerts');
    clear(list);
    var shown = data.alerts.filter(function (a) { return a.status !== 'normal'; });
    if (!shown.length) { list.appendChild(el('li', 'all ' + data.summary.normal + ' checks normal', 'empty')); }
    shown.forEach(function (a) {
      var item = el('li');
      item.appendChild(badge(a.status));
      item.appendChild(el('strong', a.symbol + ' '));
      item.appendChild(document.createTextNode(a.metric + ' ' + number(a.value) + ' (' + a.direction + ' ' +
        number(a[a.status]) + ')'));
      list.appendChild(item);
    });
  }

  function renderInsights(data) {
    var list = $('insights');
    clear(list);
    if (!data.insights.length) { list.appendChild(el('li', 'no insights yet', 'empty')); }
    data.insights.forEach(function (i) {
      var item = el('li');
      item.appendChild(badge(i.severity));
      item.appendChild(el('strong', i.symbol + ' · ' + i.type + ' '));
      item.appendChild(el('div', i.description));
      item.appendChild(el('div', shortTime(i.created_at), 'muted'));
      list.appendChild(item);
    });
  }

  function renderPipeline(data) {
    var tbody = $('pipeline').tBodies[0];
    clear(tbody);
    $('pipeline-hdfs').textContent = 'HDFS ' + data.hdfs + ' · ledger ' + data.ledger.partitions + ' partitions, ' +
      number(data.ledger.rows) + ' rows';
    data.datasets.forEach(function (d) {
      var row = el('tr');
      row.appendChild(el('td', d.dataset));
      row.appendChild(el('td', d.last_published ? d.last_published.date + ' · ' + d.last_published.run_id : '–'));
      row.appendChild(el('td', d.last_loaded ? d.last_loaded.date + ' · ' + shortTime(d.last_loaded.loaded_at) : '–'));
      row.appendChild(el('td', d.last_loaded ? number(d.last_loaded.row_count) : '–', 'num'));
      var state = !d.last_published && !d.last_loaded ? 'idle' : d.up_to_date ? 'up to date'
        : 'waiting ' + Math.round(d.lag_seconds / 60) + ' min';
      row.appendChild(el('td', state, state === 'idle' ? 'muted' : d.up_to_date ? 'up' : 'down'));
      tbody.appendChild(row);
    });
    $('workers').textContent = data.workers.length ? data.workers.map(function (w) {
      return w.worker_id + ': backlog ' + w.backlog_files + ' files, heartbeat ' + w.age_seconds + ' s ago';
    }).join(' · ') : 'no worker heartbeats';
    renderSources(data.workers);
  }

  // One row per source of each worker: why a source gives nothing (its last failure reason and rejects by reason).
  function renderSources(workers) {
    var tbody = $('sources').tBodies[0];
    clear(tbody);
    if (!workers.some(function (w) { return w.sources && w.sources.length; })) {
      emptyRow(tbody, 5, 'no source runs reported');
    }
    workers.forEach(function (w) {
      (w.sources || []).forEach(function (s) {
        var row = el('tr');
        row.setAttribute('data-source', s.source);
        row.appendChild(el('td', s.source));
        row.appendChild(el('td', w.worker_id));
        row.appendChild(el('td', s.last_success ? shortTime(s.last_success) : 'never',
          s.last_outcome === 'failed' ? 'down' : s.last_success ? 'up' : 'muted'));
        row.appendChild(el('td', s.runs ? number(s.records) + ' / ' + s.runs + ' runs' : '–', 'num'));
        var rejects = Object.keys(s.rejects || {}).map(function (r) { return r + ' ' + s.rejects[r]; }).join(', ');
        var failure = s.last_failure_reason ? s.last_failure_reason + ' · ' + shortTime(s.last_failure_at) +
          (s.failed_runs ? ' (' + s.failed_runs + ' of ' + s.runs + ' failed)' : '') : '';
        var cell = el('td', [failure, rejects ? 'rejects: ' + rejects : ''].filter(Boolean).join(' · ') || '–', 'wrap');
        row.appendChild(cell);
        tbody.appendChild(row);
      });
    });
  }

  function renderHealth(data) {
    $('health').textContent = 'database ' + data.database;
    $('health').className = 'pill ' + (data.status === 'healthy' ? 'ok' : 'bad');
  }

  function section(promise, cardId) {
    return promise.catch(function (error) {
      var card = $(cardId);
      card.appendChild(el('div', 'could not load: ' + error.message, 'empty'));
    });
  }

  function refresh() {
    return Promise.all([
      section(getJson('/health').then(renderHealth), 'prices-card'),
      section(getJson('/api/dashboard/summary').then(function (summary) {
        renderPrices(summary);
        return renderSymbols(summary);
      }), 'prices-card'),
      section(getJson('/api/fear-greed?days=30').then(renderFearGreed), 'fear-greed-card'),
      section(getJson('/api/dashboard/sentiment-timeline?hours=24').then(renderSentiment), 'sentiment-card'),
      section(getJson('/api/alerts').then(renderAlerts), 'alerts-card'),
      section(getJson('/api/insights/recent?limit=10').then(renderInsights), 'insights-card'),
      section(getJson('/api/pipeline/status').then(renderPipeline), 'pipeline-card')
    ]).then(function () { document.body.dataset.ready = 'true'; });
  }

  refresh();
  setInterval(refresh, 60000);
}());
