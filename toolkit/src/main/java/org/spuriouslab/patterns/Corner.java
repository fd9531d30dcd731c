package org.spuriouslab.patterns;

/** A corner of an image, where a {@link Square} is placed. */
public enum Corner {
    TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT;

    /** Lower-case label for names, e.g. {@code bottom-right}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** True for the two bottom corners. */
    public boolean bottom() {
        return this == BOTTOM_LEFT || this == BOTTOM_RIGHT;
    }

    /** True for the two right corners. */
    public boolean right() {
        return this == TOP_RIGHT || this == BOTTOM_RIGHT;
    }
}
