package org.spuriouslab.text;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spuriouslab.charts.Charts;
import org.spuriouslab.charts.ScatterChart;
import org.spuriouslab.metrics.ClusterAgreement;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Toxicity planted at several confounding strengths: the toxic share of each topic and how much
 * the topic says about toxicity, {@code NMI(X, T)}, per strength.
 *
 * <pre>{@code
 * ConfoundingSweep sweep = ConfoundingSweep.run(corpus, ToxicityPlanter.builder(lexicon)
 *         .rate("politics", 0.6).rate("science", 0.05), 0, 0.5, 1);
 * sweep.table(); sweep.sharesChart(); sweep.dependenceChart();
 * }</pre>
 *
 * @param strengths  the strengths, in the order run
 * @param topicNames the corpus topics
 * @param shares     {@code [strength][topic]} measured toxic share
 * @param dependence {@code NMI(true topic, toxic)} per strength
 */
public record ConfoundingSweep(double[] strengths, List<String> topicNames, double[][] shares, double[] dependence) {

    /**
     * Plants with {@code planter} at each strength (the builder's strength is overwritten; its
     * seed and rates are kept).
     *
     * @param strengths at least one, each in [0, 1]
     */
    public static ConfoundingSweep run(Corpus corpus, ToxicityPlanter.Builder planter, double... strengths) {
        if (strengths == null || strengths.length == 0) {
            throw new IllegalArgumentException("need at least one strength in [0, 1]");
        }
        double[][] shares = new double[strengths.length][];
        double[] dependence = new double[strengths.length];
        int[] topics = corpus.topics();
        for (int i = 0; i < strengths.length; i++) {
            PlantedCorpus p = planter.strength(strengths[i]).build().plant(corpus);
            shares[i] = p.toxicShareByTopic();
            dependence[i] = ClusterAgreement.nmi(topics, p.toxicLabels());
        }
        return new ConfoundingSweep(strengths.clone(), corpus.topicNames(), shares, dependence);
    }

    /** One row per strength: the toxic share of each topic and NMI(topic, toxic). */
    public Table table() {
        Table table = Table.create("toxic share by topic and confounding strength",
                DoubleColumn.create("strength", strengths));
        for (int t = 0; t < topicNames.size(); t++) {
            double[] col = new double[strengths.length];
            for (int i = 0; i < strengths.length; i++) {
                col[i] = Math.round(shares[i][t] * 1e4) / 1e4;
            }
            table.addColumns(DoubleColumn.create(topicNames.get(t), col));
        }
        double[] dep = new double[strengths.length];
        for (int i = 0; i < strengths.length; i++) {
            dep[i] = Math.round(dependence[i] * 1e5) / 1e5;
        }
        table.addColumns(DoubleColumn.create("NMI(topic, toxic)", dep));
        return table;
    }

    /** Toxic share of each topic against the strength, one line per topic. */
    public BufferedImage sharesChart() {
        XYChart chart = chart("Toxic share by topic as the confounding strength grows", "toxic share");
        for (int t = 0; t < topicNames.size(); t++) {
            double[] ys = new double[strengths.length];
            for (int i = 0; i < strengths.length; i++) {
                ys[i] = shares[i][t];
            }
            XYSeries series = chart.addSeries(topicNames.get(t), strengths, ys);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineColor(ScatterChart.color(t));
            series.setMarkerColor(ScatterChart.color(t));
        }
        return Charts.toImage(chart);
    }

    /** NMI(topic, toxic) against the strength. */
    public BufferedImage dependenceChart() {
        XYChart chart = chart("How much the topic tells about toxicity", "NMI(topic, toxic)");
        XYSeries s = chart.addSeries("NMI(topic, toxic)", strengths, dependence);
        s.setMarker(SeriesMarkers.CIRCLE);
        return Charts.toImage(chart);
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
                .xAxisTitle("confounding strength s").yAxisTitle(yTitle).theme(Styler.ChartTheme.GGPlot2).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(7);
        return chart;
    }
}
