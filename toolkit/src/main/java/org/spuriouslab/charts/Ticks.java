package org.spuriouslab.charts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Axis ticks for the hand-drawn charts: round steps and their labels. */
public final class Ticks {

    private Ticks() {
    }

    /** The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least {@code raw} (> 0). */
    public static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            throw new IllegalArgumentException("a tick step needs a positive finite width, not " + raw);
        }
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * pow >= raw) {
                return m * pow;
            }
        }
        return 10 * pow;
    }

    /** The label of tick {@code x} on an axis with ticks every {@code step}: no float noise, no trailing zeros. */
    public static String label(double x, double step) {
        double v = Math.round(x / step) * step;
        if (v == 0) {
            return "0";
        }
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
