// RHIP console charts (Apache ECharts). Each element with data-chart="row" or data-chart="regions"
// fetches its data from data-src (JSON served by the console) and draws itself.
(function () {
  'use strict';

  var COLORS = { actual: '#1f6fb2', path: '#8a96a3', target: '#c2410c' };
  var STATUS_COLORS = {
    achieved: '#1e7b46', on_track: '#1f6fb2', at_risk: '#b7791f', off_track: '#b42318', no_data: '#8a96a3'
  };
  var SERIES_COLORS = ['#1f6fb2', '#0f766e', '#7c3aed'];

  function rowOption(data) {
    var series = [];
    var legend = [];
    data.series.forEach(function (s, i) {
      // a compound row (高血压/糖尿病) has one line per indicator; their paths share one legend entry
      var several = data.series.length > 1;
      var actualName = several ? s.name : data.labels.actual;
      var pathName = data.labels.path;
      var colour = SERIES_COLORS[i % SERIES_COLORS.length];
      legend.push(actualName);
      if (i === 0) {
        legend.push(pathName);
      }
      series.push({
        name: actualName,
        type: 'line',
        data: s.actual,
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 2.5, color: colour },
        itemStyle: { color: colour },
        label: { show: !several, position: 'top', fontSize: 11, color: '#3e4c59' },
        markLine: i === 0 ? {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#c3ccd6', type: 'solid', width: 6, opacity: 0.5 },
          label: { show: false },
          data: [{ xAxis: data.selectedYear }]
        } : undefined
      });
      series.push({
        name: pathName,
        type: 'line',
        data: s.path,
        connectNulls: true,
        symbol: 'emptyCircle',
        symbolSize: 5,
        lineStyle: { width: 1.5, type: 'dashed', color: several ? colour : COLORS.path, opacity: several ? 0.6 : 1 },
        itemStyle: { color: several ? colour : COLORS.path },
        markPoint: s.target === null ? undefined : {
          symbol: 'pin',
          symbolSize: 38,
          itemStyle: { color: STATUS_COLORS[s.status] || COLORS.target },
          label: { fontSize: 10, color: '#fff' },
          data: [{ coord: [data.years[data.years.length - 1], s.target], value: s.target }]
        }
      });
    });
    return {
      color: [COLORS.actual, COLORS.path],
      tooltip: { trigger: 'axis' },
      legend: { data: legend, top: 0 },
      grid: { left: 60, right: 40, top: 48, bottom: 36 },
      xAxis: { type: 'category', data: data.years, boundaryGap: false },
      yAxis: { type: 'value', name: data.unit, scale: true, splitLine: { lineStyle: { color: '#eef1f4' } } },
      series: series
    };
  }

  function regionsOption(data) {
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: [data.labels.actual, data.labels.target], top: 0 },
      grid: { left: 60, right: 30, top: 48, bottom: 48 },
      xAxis: { type: 'category', data: data.regions, axisLabel: { interval: 0 } },
      yAxis: { type: 'value', name: data.unit, scale: false, splitLine: { lineStyle: { color: '#eef1f4' } } },
      series: [
        {
          name: data.labels.actual,
          type: 'bar',
          itemStyle: { color: COLORS.actual },
          barMaxWidth: 36,
          data: data.actual.map(function (value, i) {
            return { value: value, itemStyle: { color: STATUS_COLORS[data.status[i]] || COLORS.actual } };
          }),
          label: { show: true, position: 'top', fontSize: 11 }
        },
        {
          name: data.labels.target,
          type: 'bar',
          barMaxWidth: 36,
          data: data.target,
          itemStyle: { color: '#c9d2dc' },
          label: { show: true, position: 'top', fontSize: 11, color: '#616e7c' }
        }
      ]
    };
  }

  function draw(element) {
    var kind = element.getAttribute('data-chart');
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
        var option = kind === 'regions' ? regionsOption(data) : rowOption(data);
        option.animationDuration = 400;
        chart.setOption(option);
        window.addEventListener('resize', function () { chart.resize(); });
      })
      .catch(function () {
        element.textContent = element.getAttribute('data-failed') || 'Chart failed';
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-chart]').forEach(draw);
  });
})();
