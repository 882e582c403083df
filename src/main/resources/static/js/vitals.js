// RHIP console: a person's blood pressure and glucose over time (Apache ECharts). Each element with
// data-vitals="blood-pressure" or data-vitals="glucose" draws that chart from the JSON at data-src
// (/persons/{id}/vitals.json); elements sharing a data-src share one request, so one page view is
// one audited read. Points are [date, value] on a time axis; reference lines come with the data.
(function () {
  'use strict';

  var COLORS = { systolic: '#b42318', diastolic: '#1f6fb2', fasting: '#0f766e', hba1c: '#7c3aed' };

  function option(chart) {
    var axes = chart.axes.map(function (a, i) {
      return {
        type: 'value',
        name: a.name,
        scale: true,
        position: i === 0 ? 'left' : 'right',
        splitLine: { show: i === 0, lineStyle: { color: '#eef1f4' } }
      };
    });
    var series = chart.series.map(function (s) {
      var colour = COLORS[s.key] || '#3e4c59';
      return {
        name: s.name,
        type: 'line',
        yAxisIndex: s.axis || 0,
        data: s.points,
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 2, color: colour },
        itemStyle: { color: colour },
        markLine: s.reference === null || s.reference === undefined ? undefined : {
          silent: true,
          symbol: 'none',
          lineStyle: { color: colour, type: 'dashed', width: 1, opacity: 0.7 },
          label: { formatter: s.referenceLabel, position: 'insideEndTop', fontSize: 10, color: colour },
          data: [{ yAxis: s.reference }]
        }
      };
    });
    return {
      animationDuration: 400,
      tooltip: { trigger: 'axis' },
      legend: { data: chart.series.map(function (s) { return s.name; }), top: 0 },
      grid: { left: 56, right: axes.length > 1 ? 56 : 24, top: 48, bottom: 56 },
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 8 }],
      // whole days at least, and room at both ends for the first and last points
      xAxis: { type: 'time', minInterval: 24 * 3600 * 1000, boundaryGap: ['4%', '4%'] },
      yAxis: axes,
      series: series
    };
  }

  function draw(element, data) {
    var chart = data[element.getAttribute('data-vitals')];
    var points = chart ? chart.series.reduce(function (n, s) { return n + s.points.length; }, 0) : 0;
    if (points === 0) {
      element.textContent = element.getAttribute('data-empty') || '';
      element.classList.add('chart-empty');
      element.setAttribute('data-rendered', 'empty');
      return;
    }
    element.innerHTML = '';
    var instance = echarts.init(element, null, { renderer: 'canvas' });
    // marks the chart as drawn (animation over), for people and tests waiting on it
    instance.on('finished', function () { element.setAttribute('data-rendered', 'true'); });
    instance.setOption(option(chart));
    window.addEventListener('resize', function () { instance.resize(); });
  }

  window.rhipCharts('[data-vitals]', draw);
})();
