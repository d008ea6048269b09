package dev.reason4j.datasets;

import dev.reason4j.core.Reason4jException;

/**
 * How much of a problem set to hold out for evaluation: a fraction of it or a fixed count (exactly one).
 *
 * @param fraction in (0, 1), or NaN when {@code count} is used
 * @param count    at least 1, or -1 when {@code fraction} is used
 */
public record HeldOut(double fraction, int count) {
    public HeldOut {
        boolean byFraction = !Double.isNaN(fraction);
        boolean byCount = count != -1;
        if (byFraction == byCount) {
            throw new Reason4jException("held-out split: give either a fraction or a count, not "
                    + (byFraction ? "both" : "neither"));
        }
        if (byFraction && !(fraction > 0 && fraction < 1)) {
            throw new Reason4jException("held-out fraction must be between 0 and 1 (exclusive), got " + fraction
                    + "; e.g. 0.1 holds out a tenth");
        }
        if (byCount && count < 1) {
            throw new Reason4jException("held-out count must be at least 1, got " + count);
        }
    }

    public static HeldOut fraction(double fraction) {
        return new HeldOut(fraction, -1);
    }

    public static HeldOut count(int count) {
        return new HeldOut(Double.NaN, count);
    }

    /** How many of {@code total} problems are held out (a fraction rounds to nearest, at least one). */
    int size(int total) {
        int size = Double.isNaN(fraction) ? count : (int) Math.max(1, Math.round(fraction * total));
        if (size >= total) {
            throw new Reason4jException("held-out split of " + size + " leaves no training problems out of " + total
                    + ": hold out fewer");
        }
        return size;
    }
}
