// RHIP console: epidemic curves (Apache ECharts). Each element with data-curve fetches its data from
// data-src (/surveillance/curve.json) and draws daily counts as bars (left axis), the 7-day sums as a
// line (right axis), each daily detector's threshold as a dashed line on the axis of the figure it
// judges (the moving percentile method judges the 7-day sum) and the alarm days as markers.
// data-first/data-last, when present, shade the days of a signal.
(function () {
  'use strict';

  var COUNT = '#1f6fb2';
  var SUM = '#0f766e';
  var THRESHOLD_COLORS = { fixed: '#b42318', mpm: '#7c3aed', 'ears-c1': '#c2410c', 'ears-c2': '#b7791f',
    'ears-c3': '#b42318', cusum: '#9d174d' };
  var ALARM_SYMBOLS = { fixed: 'pin', mpm: 'diamond', 'ears-c1': 'triangle', 'ears-c2': 'triangle',
    'ears-c3': 'triangle', cusum: 'rect' };

  // room above the highest value for the alarm markers
  function headroom(value) {
    return Math.max(1, Math.ceil(value.max * 1.15));
  }

  function option(data, element) {
    var legend = [data.labels.count, data.labels.sum];
    var series = [
      {
        name: data.labels.count,
        type: 'bar',
        yAxisIndex: 0,
        data: data.counts,
        barMaxWidth: 14,
        itemStyle: { color: COUNT, opacity: 0.85 }
      },
      {
        name: data.labels.sum,
        type: 'line',
        yAxisIndex: 1,
        data: data.sums,
        symbol: 'none',
        smooth: false,
        lineStyle: { width: 2, color: SUM },
        itemStyle: { color: SUM }
      }
    ];
    var first = element.getAttribute('data-first');
    var last = element.getAttribute('data-last');
    if (first && last && data.days.indexOf(first) >= 0) {
      series[0].markArea = {
        silent: true,
        itemStyle: { color: 'rgba(180, 35, 24, 0.08)' },
        data: [[{ xAxis: first }, { xAxis: data.days.indexOf(last) >= 0 ? last : data.days[data.days.length - 1] }]]
      };
    }
    data.thresholds.forEach(function (t) {
      var colour = THRESHOLD_COLORS[t.method] || '#616e7c';
      legend.push(t.name);
      series.push({
        name: t.name,
        type: 'line',
        yAxisIndex: t.axis === 'sum' ? 1 : 0,
        data: t.values,
        connectNulls: false,
        symbol: 'none',
        step: t.method === 'fixed' ? 'middle' : false,
        lineStyle: { width: 1.5, type: 'dashed', color: colour },
        itemStyle: { color: colour }
      });
    });
    data.alarms.forEach(function (a) {
      var colour = THRESHOLD_COLORS[a.method] || '#b42318';
      legend.push(a.name);
      series.push({
        name: a.name,
        type: 'scatter',
        yAxisIndex: a.axis === 'sum' ? 1 : 0,
        data: a.points,
        symbol: ALARM_SYMBOLS[a.method] || 'circle',
        symbolSize: a.method === 'fixed' ? 22 : 12,
        symbolOffset: a.method === 'fixed' ? [0, '-50%'] : [0, 0],
        itemStyle: { color: colour, borderColor: '#fff', borderWidth: 1 },
        z: 5
      });
    });
    return {
      animationDuration: 400,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: legend, top: 0, type: 'scroll' },
      grid: { left: 56, right: 64, top: 56, bottom: 64 },
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
      xAxis: { type: 'category', data: data.days, axisLabel: { hideOverlap: true } },
      yAxis: [
        { type: 'value', name: data.labels['count-axis'], minInterval: 1, max: headroom,
          splitLine: { lineStyle: { color: '#eef1f4' } } },
        { type: 'value', name: data.labels['sum-axis'], minInterval: 1, max: headroom, splitLine: { show: false } }
      ],
      series: series
    };
  }

  function draw(element) {
    fetch(element.getAttribute('data-src'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        element.innerHTML = '';
        var chart = echarts.init(element, null, { renderer: 'canvas' });
        // marks the chart as drawn (animation over), for people and tests waiting on it
        chart.on('finished', function () { element.setAttribute('data-rendered', 'true'); });
        chart.setOption(option(data, element));
        window.addEventListener('resize', function () { chart.resize(); });
      })
      .catch(function () {
        element.textContent = element.getAttribute('data-failed') || 'Chart failed';
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-curve]').forEach(draw);
  });
})();
