package dev.reason4j.experiments.config;

import dev.reason4j.datasets.HeldOut;

/**
 * The evaluation problems taken out of the training source: exactly one of a fraction or a count.
 * Training problems whose normalised prompt equals a held-out one are dropped, so nothing leaks.
 *
 * @param fraction in (0, 1), e.g. 0.1
 * @param count    at least 1, e.g. 500
 */
public record HeldOutSection(@Default("null") @Range(min = 0, max = 1, minExclusive = true, maxExclusive = true) Double fraction,
                             @Default("null") @Range(min = 1) Integer count) {
    public HeldOutSection {
        if ((fraction == null) == (count == null)) {
            throw new InvalidSetting(fraction == null ? "fraction" : "count",
                    fraction == null ? "give fraction (e.g. 0.1) or count (e.g. 500)" : "give fraction or count, not both");
        }
    }

    public HeldOut toHeldOut() {
        return fraction != null ? HeldOut.fraction(fraction) : HeldOut.count(count);
    }
}
