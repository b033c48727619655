package dev.loanwatch.trainer.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loanwatch.trainer.Training;
import dev.loanwatch.trainer.eval.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The readable report of a run (report.html, with ECharts beside it): per model the metrics of the
 * folds, the training rows and the test, the ROC and KS curves, the score distribution of goods and
 * bads, calibration by band; for the scorecard the IV table and its bins with WOE and points.
 */
public final class Report {
    private static final String ECHARTS = "/META-INF/resources/_static/echarts/6.0.0/dist/echarts.min.js";

    private Report() {
    }

    static Path write(Path dir, Training.Result r, Map<String, Object> scorecardCard, Map<String, Object> gbdtCard) throws IOException {
        try (InputStream in = Report.class.getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IllegalStateException("echarts is not on the class path (" + ECHARTS + ")");
            }
            Files.write(dir.resolve("echarts.min.js"), in.readAllBytes());
        }
        int[] trainY = Metrics.pick(r.data().target(), r.splits().train());
        int[] testY = Metrics.pick(r.data().target(), r.splits().test());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("scorecard", Map.of("card", scorecardCard, "curves", curves(r.scorecardEvaluation().testPd(), testY)));
        data.put("gbdt", Map.of("card", gbdtCard, "curves", curves(r.gbdtEvaluation().testPd(), testY)));
        data.put("trainRows", trainY.length);
        String json = new ObjectMapper().writeValueAsString(data).replace("</", "<\\/");
        String html = template().replace("/*DATA*/", json);
        Path out = dir.resolve("report.html");
        Files.writeString(out, html, StandardCharsets.UTF_8);
        return out;
    }

    /** ROC and KS curves and the score histograms of the test rows (100 thresholds by PD quantile). */
    static Map<String, Object> curves(double[] pd, int[] y) {
        Integer[] order = new Integer[pd.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(pd[b], pd[a]));
        long bads = Arrays.stream(y).filter(v -> v == 1).count();
        long goods = y.length - bads;
        List<double[]> roc = new ArrayList<>();
        List<double[]> ks = new ArrayList<>();
        roc.add(new double[] {0, 0});
        long tp = 0;
        long fp = 0;
        int step = Math.max(1, order.length / 100);
        for (int i = 0; i < order.length; i++) {
            if (y[order[i]] == 1) {
                tp++;
            } else {
                fp++;
            }
            if ((i + 1) % step == 0 || i == order.length - 1) {
                double tpr = (double) tp / bads;
                double fpr = (double) fp / goods;
                roc.add(new double[] {fpr, tpr});
                ks.add(new double[] {(double) (i + 1) / order.length, tpr, fpr});
            }
        }
        int[] goodHist = new int[20];
        int[] badHist = new int[20];
        double max = Arrays.stream(pd).max().orElse(1);
        for (int i = 0; i < pd.length; i++) {
            int b = Math.min(19, (int) (pd[i] / max * 20));
            if (y[i] == 1) {
                badHist[b]++;
            } else {
                goodHist[b]++;
            }
        }
        return Map.of("roc", roc, "ks", ks, "histogram", Map.of("max", max, "good", goodHist, "bad", badHist));
    }

    private static String template() {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>loanwatch trainer report</title>
                <script src="echarts.min.js"></script>
                <style>
                body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1f2933}h1{font-size:20px}h2{margin-top:32px}
                table{border-collapse:collapse;margin:8px 0}td,th{border-bottom:1px solid #e4e7ec;padding:3px 8px;text-align:right}
                td:first-child,th:first-child{text-align:left}.charts{display:grid;grid-template-columns:repeat(2,minmax(420px,1fr));gap:16px}
                .chart{height:300px;border:1px solid #e4e7ec;border-radius:6px}
                </style></head><body>
                <h1>loanwatch trainer: scorecard and GBDT challenger</h1>
                <div id="out"></div>
                <script>
                const data = /*DATA*/;
                const out = document.getElementById('out');
                const f = (v, d = 4) => v === null || v === undefined ? '' : (typeof v === 'number' ? v.toFixed(d) : v);
                function table(head, rows) {
                  return '<table><tr>' + head.map(h => `<th>${h}</th>`).join('') + '</tr>'
                    + rows.map(r => '<tr>' + r.map(c => `<td>${c}</td>`).join('') + '</tr>').join('') + '</table>';
                }
                function chart(id, option) { echarts.init(document.getElementById(id)).setOption(Object.assign({animation: false}, option)); }
                for (const kind of ['scorecard', 'gbdt']) {
                  const {card, curves} = data[kind];
                  const m = card.metrics;
                  const rows = [['train', m.train], ['test (' + card.data.test + ')', m.test]].map(([n, x]) =>
                    [n, x.rows, f(x.badRate), f(x.auc), f(x.gini), f(x.ks), f(x.brier), f(x.calibrationError), f(x.oracleAuc), f(x.shareOfOracleAuc)]);
                  out.insertAdjacentHTML('beforeend', `<h2>${kind === 'gbdt' ? 'GBDT challenger' : 'Scorecard'} — ${card.name} ${card.version}</h2>
                    <p>Folds (AUC): ${m.foldAuc.map(a => f(a)).join(', ')} · mean ${f(m.meanFoldAuc)} · PSI train → test ${f(m.psiTrainTest)} · ONNX parity max |Δ| ${f(card.parity.maxAbsDifference, 9)}</p>
                    ${table(['rows', 'n', 'bad rate', 'AUC', 'Gini', 'KS', 'Brier', 'calibration error', 'oracle AUC', 'share of oracle'], rows)}
                    <div class="charts"><div class="chart" id="${kind}-roc"></div><div class="chart" id="${kind}-ks"></div>
                    <div class="chart" id="${kind}-hist"></div><div class="chart" id="${kind}-cal"></div></div>`);
                  chart(`${kind}-roc`, {title: {text: 'ROC (test)'}, xAxis: {type: 'value', name: 'FPR', max: 1}, yAxis: {type: 'value', name: 'TPR', max: 1},
                    series: [{type: 'line', showSymbol: false, data: curves.roc}, {type: 'line', showSymbol: false, lineStyle: {type: 'dashed'}, data: [[0, 0], [1, 1]]}]});
                  chart(`${kind}-ks`, {title: {text: 'KS (test)'}, legend: {top: 24}, xAxis: {type: 'value', name: 'share of rows by PD, highest first', max: 1}, yAxis: {type: 'value', max: 1},
                    series: [{name: 'bads', type: 'line', showSymbol: false, data: curves.ks.map(p => [p[0], p[1]])},
                             {name: 'goods', type: 'line', showSymbol: false, data: curves.ks.map(p => [p[0], p[2]])}]});
                  const bands = curves.histogram.good.map((_, i) => f(curves.histogram.max * i / 20, 3));
                  chart(`${kind}-hist`, {title: {text: 'PD distribution (test)'}, legend: {top: 24}, tooltip: {}, xAxis: {type: 'category', data: bands}, yAxis: {type: 'log'},
                    series: [{name: 'goods', type: 'bar', data: curves.histogram.good.map(v => v || null)}, {name: 'bads', type: 'bar', data: curves.histogram.bad.map(v => v || null)}]});
                  chart(`${kind}-cal`, {title: {text: 'Calibration by PD band (test)'}, legend: {top: 24}, tooltip: {trigger: 'axis'},
                    xAxis: {type: 'category', data: m.test.calibration.map(b => b.band)}, yAxis: {type: 'value'},
                    series: [{name: 'predicted', type: 'bar', data: m.test.calibration.map(b => b.meanPd)}, {name: 'observed', type: 'bar', data: m.test.calibration.map(b => b.observedRate)}]});
                  if (card.scorecard) {
                    const s = card.scorecard;
                    out.insertAdjacentHTML('beforeend', '<h3>IV and coefficients</h3>' + table(['feature', 'type', 'IV', 'β'],
                      s.features.map(x => [x.name, x.type, f(x.iv), f(x.coefficient)]))
                      + '<h3>Left out</h3>' + table(['feature', 'why'], Object.entries(s.leftOut))
                      + '<h3>Bins and points</h3>' + s.features.map(x => `<h4>${x.name}</h4>` + table(['bin', 'good', 'bad', 'WOE', 'IV', 'points'],
                        x.bins.map(b => [b.bin, b.good, b.bad, f(b.woe), f(b.iv), f(b.points, 1)]))).join(''));
                  }
                }
                </script></body></html>
                """;
    }
}
