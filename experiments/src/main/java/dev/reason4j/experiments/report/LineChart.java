package dev.reason4j.experiments.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One line chart over training steps, drawn with XChart in a fixed style (white background, colour-blind
 * friendly palette, no timestamp) so the same metrics give the same PNG bytes.
 */
final class LineChart {
    static {
        // Before the first AWT class loads: reports are written on servers and in CI, with no display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000),
    };
    /** Above this many points a line carries no markers: they would hide it. */
    private static final int MARKER_LIMIT = 40;

    private final XYChart chart;
    private int nextColour;
    private int seriesCount;
    private double minStep = Double.POSITIVE_INFINITY; // over every series, for the tick spacer
    private double maxStep = Double.NEGATIVE_INFINITY;
    private double anyValue;
    private boolean spacerAdded;

    LineChart(String title, String yAxisTitle, int width, int height) {
        chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle("step").yAxisTitle(yAxisTitle).build();
        XYStyler style = chart.getStyler();
        style.setLocale(Locale.ROOT);
        style.setChartBackgroundColor(Color.WHITE);
        style.setPlotBackgroundColor(Color.WHITE);
        style.setPlotBorderColor(Color.GRAY);
        style.setPlotGridLinesColor(new Color(0xE0E0E0));
        style.setLegendPosition(LegendPosition.OutsideS);
        style.setLegendLayout(LegendLayout.Horizontal);
        style.setLegendBorderColor(Color.WHITE);
        style.setMarkerSize(6);
        style.setXAxisDecimalPattern("#,##0.##");
        style.setYAxisTickLabelsFormattingFunction(LineChart::tickLabel);
        style.setAntiAlias(true);
    }

    /** Adds {@code series} as a line; returns its colour. */
    Color line(String label, Series series) {
        Color colour = PALETTE[nextColour++ % PALETTE.length];
        XYSeries line = add(label, series.steps(), series.values());
        line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        line.setLineColor(colour);
        line.setLineWidth(1.8f);
        line.setMarkerColor(colour);
        line.setMarker(series.size() > MARKER_LIMIT ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        return colour;
    }

    /** Adds {@code series} as unconnected points (sparse measurements, such as evaluations). */
    void points(String label, Series series) {
        Color colour = PALETTE[nextColour++ % PALETTE.length];
        XYSeries points = add(label, series.steps(), series.values());
        points.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.DIAMOND);
        points.setMarkerColor(colour);
    }

    /**
     * Shades {@code centre ± spread} in a pale tint of {@code colour}. Call before the line it
     * surrounds, so the line is drawn on top. The two series must share their steps.
     */
    void band(String label, Series centre, Series spread, Color colour) {
        int n = centre.size();
        double[] xs = new double[2 * n]; // (2n) forward along the top edge, back along the bottom
        double[] ys = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xs[i] = centre.steps()[i];
            ys[i] = centre.values()[i] + spread.values()[i];
            xs[2 * n - 1 - i] = centre.steps()[i];
            ys[2 * n - 1 - i] = centre.values()[i] - spread.values()[i];
        }
        XYSeries band = add(label, xs, ys);
        band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        band.setMarker(SeriesMarkers.NONE);
        band.setFillColor(tint(colour));
        band.setLineColor(tint(colour));
        band.setLineStyle(new BasicStroke(0.5f));
    }

    /** Fixes the y axis to [0, 1], for fractions such as accuracy. */
    void unitInterval() {
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
    }

    byte[] png() throws IOException {
        chart.getStyler().setLegendVisible(seriesCount > 1);
        addTickSpacer();
        return ChartEncoder.getBytes(chart, "png");
    }

    private XYSeries add(String label, double[] xs, double[] ys) {
        seriesCount++;
        for (double x : xs) {
            minStep = Math.min(minStep, x);
            maxStep = Math.max(maxStep, x);
        }
        anyValue = ys.length > 0 ? ys[0] : anyValue;
        return chart.addSeries(label, xs, ys);
    }

    /**
     * XChart puts x ticks only on data points when the steps are equally spaced (every 7th step:
     * 1, 8, 15…), which reads badly; one hidden point off the grid makes it choose round numbers.
     */
    private void addTickSpacer() {
        if (maxStep > minStep && !spacerAdded) {
            spacerAdded = true;
            XYSeries spacer = chart.addSeries(" spacer", new double[] {minStep + (maxStep - minStep) * 1e-3},
                    new double[] {anyValue});
            spacer.setEnabled(false);
            spacer.setShowInLegend(false);
        }
    }

    /** A y tick as a person writes it: {@code 0.009}, not XChart's {@code .009}; float noise rounded away. */
    static String tickLabel(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : Double.toString(value);
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static Color tint(Color colour) {
        return new Color(mix(colour.getRed()), mix(colour.getGreen()), mix(colour.getBlue()));
    }

    private static int mix(int channel) {
        return channel + (255 - channel) * 3 / 4; // three parts white: opaque, so overlaps stay deterministic
    }
}
