package org.spuriouslab.charts;

import org.spuriouslab.data.ImageSet;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid of grey-scale images with optional captions, as a {@link BufferedImage}. Pixels are
 * floats in [0, 1] (0 = black); values outside are clipped.
 *
 * <pre>{@code
 * BufferedImage g = ImageGrid.perClass(ds.train(), 8, ds.classNames());
 * }</pre>
 */
public final class ImageGrid {

    private static final int GAP = 4;
    private static final Color BACKGROUND = Color.WHITE;

    private ImageGrid() {
    }

    /**
     * Lays out images row by row.
     *
     * @param images   row-major pixels of each image
     * @param rows     image height
     * @param cols     image width
     * @param captions one caption per image, or {@code null}
     * @param columns  images per grid row
     * @param scale    pixels per image pixel (≥ 1)
     */
    public static BufferedImage of(List<float[]> images, int rows, int cols, List<String> captions,
                                   int columns, int scale) {
        return render(images, rows, cols, captions, columns, scale, false);
    }

    /**
     * Lays out signed images, e.g. mean differences: each image is scaled by its own largest
     * absolute value; positive values are red, negative blue, zero white.
     */
    public static BufferedImage signed(List<float[]> images, int rows, int cols, List<String> captions,
                                       int columns, int scale) {
        return render(images, rows, cols, captions, columns, scale, true);
    }

    private static BufferedImage render(List<float[]> images, int rows, int cols, List<String> captions,
                                        int columns, int scale, boolean signed) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images to show");
        }
        if (columns < 1 || scale < 1) {
            throw new IllegalArgumentException("columns and scale must be at least 1");
        }
        if (captions != null && captions.size() != images.size()) {
            throw new IllegalArgumentException(captions.size() + " captions for " + images.size() + " images");
        }
        int gridRows = (images.size() + columns - 1) / columns;
        int captionHeight = captions == null ? 0 : 14;
        int cellW = cols * scale + GAP;
        int cellH = rows * scale + GAP + captionHeight;
        BufferedImage out = new BufferedImage(columns * cellW + GAP, gridRows * cellH + GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        FontMetrics fm = g.getFontMetrics();
        for (int k = 0; k < images.size(); k++) {
            float[] px = images.get(k);
            if (px.length != rows * cols) {
                throw new IllegalArgumentException("image " + k + " has " + px.length + " pixels, expected " + rows * cols);
            }
            int x0 = GAP + (k % columns) * cellW;
            int y0 = GAP + (k / columns) * cellH;
            float max = 0;
            for (float v : px) {
                max = Math.max(max, Math.abs(v));
            }
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    g.setColor(signed ? diverging(px[r * cols + c], max) : grey(px[r * cols + c]));
                    g.fillRect(x0 + c * scale, y0 + r * scale, scale, scale);
                }
            }
            if (captions != null) {
                String text = captions.get(k);
                while (fm.stringWidth(text) > cols * scale && text.length() > 1) {
                    text = text.substring(0, text.length() - 1);
                }
                g.setColor(Color.DARK_GRAY);
                g.drawString(text, x0 + (cols * scale - fm.stringWidth(text)) / 2, y0 + rows * scale + 12);
            }
        }
        g.dispose();
        return out;
    }

    private static Color grey(float value) {
        int v = Math.round(Math.clamp(value, 0f, 1f) * 255f);
        return new Color(v, v, v);
    }

    private static Color diverging(float value, float max) {
        float t = max == 0 ? 0 : Math.clamp(value / max, -1f, 1f);
        int fade = Math.round(255 * (1 - Math.abs(t)));
        return t >= 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
    }

    /** The first {@code count} images of a set, captioned with their class names. */
    public static BufferedImage of(ImageSet set, int count, int columns, List<String> classNames) {
        List<float[]> imgs = new ArrayList<>();
        List<String> caps = new ArrayList<>();
        for (int i = 0; i < Math.min(count, set.size()); i++) {
            imgs.add(set.image(i));
            caps.add(classNames.get(set.label(i)));
        }
        return of(imgs, set.rows(), set.cols(), caps, columns, 2);
    }

    /** One row per class with the first {@code perClass} images of that class, captioned with the class name. */
    public static BufferedImage perClass(ImageSet set, int perClass, List<String> classNames) {
        List<float[]> imgs = new ArrayList<>();
        List<String> caps = new ArrayList<>();
        int[] labels = set.labels();
        for (int c = 0; c < classNames.size(); c++) {
            int found = 0;
            for (int i = 0; i < labels.length && found < perClass; i++) {
                if (labels[i] == c) {
                    imgs.add(set.image(i));
                    caps.add(classNames.get(c));
                    found++;
                }
            }
            for (; found < perClass; found++) {
                imgs.add(new float[set.pixelsPerImage()]);
                caps.add("(none)");
            }
        }
        return of(imgs, set.rows(), set.cols(), caps, perClass, 2);
    }
}
