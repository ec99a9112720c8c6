// Flash sale live dashboard: draws the charts from the JSON in the polled fragment and redraws them
// each time htmx swaps a new fragment in (every second).
(function () {
  var rate = null;
  var refusals = null;

  function data() {
    var el = document.getElementById('fs-live-data');
    return el ? JSON.parse(el.textContent) : null;
  }

  function draw() {
    var d = data();
    var rateEl = document.getElementById('fs-rate-chart');
    var refusalEl = document.getElementById('fs-refusal-chart');
    if (!d || !window.echarts || !rateEl || !refusalEl) {
      return;
    }
    // the fragment brings new (empty) chart elements: bind the charts to them again
    if (!rate || rate.getDom() !== rateEl) {
      if (rate) { rate.dispose(); }
      rate = echarts.init(rateEl, null, { renderer: 'canvas' });
    }
    if (!refusals || refusals.getDom() !== refusalEl) {
      if (refusals) { refusals.dispose(); }
      refusals = echarts.init(refusalEl, null, { renderer: 'canvas' });
    }
    var seconds = d.per_second.map(function (_, i) { return (i - d.per_second.length + 1) + 's'; });
    rate.setOption({
      animation: false,
      grid: { left: 40, right: 12, top: 12, bottom: 24 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: seconds, axisLabel: { color: '#64748b', interval: 9 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#64748b' } },
      series: [{ name: rateEl.dataset.label, type: 'line', smooth: false, showSymbol: false, areaStyle: { opacity: 0.15 },
        data: d.per_second, itemStyle: { color: '#2563eb' } }]
    });
    var names = [];
    document.querySelectorAll('#fs-refusals tr').forEach(function (tr) {
      names.push({ label: tr.cells[0].textContent, key: tr.cells[1].id.replace('fs-refused-', '') });
    });
    refusals.setOption({
      animation: false,
      grid: { left: 100, right: 16, top: 8, bottom: 20 },
      tooltip: {},
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#64748b' } },
      yAxis: { type: 'category', data: names.map(function (n) { return n.label; }), axisLabel: { color: '#64748b' } },
      series: [{ type: 'bar', data: names.map(function (n) { return d.refusals[n.key] || 0; }),
        itemStyle: { color: '#f59e0b', borderRadius: [0, 3, 3, 0] } }]
    });
  }

  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', function (e) {
    draw();
  });
  window.addEventListener('resize', function () {
    if (rate) { rate.resize(); }
    if (refusals) { refusals.resize(); }
  });
})();
