package org.bakusoku.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bakusoku.detect.Box;

/**
 * A region of the frame as a simple polygon in normalized coordinates (0..1, origin top-left), and how a
 * detection box must lie in it: its centre inside ({@link Match#CENTRE}), or at least a fraction of its
 * area inside ({@link Match#OVERLAP}).
 *
 * @param xs         polygon vertex x coordinates, 0..1, at least 3, in drawing order
 * @param ys         polygon vertex y coordinates, same length as {@code xs}
 * @param match      how a box must lie in the polygon
 * @param overlapMin for {@link Match#OVERLAP}: the least fraction of the box area inside, 0..1
 */
public record Zone(double[] xs, double[] ys, Match match, double overlapMin) {

    /** How a box must lie in the zone. */
    public enum Match {
        /** The box centre lies inside the polygon (ray casting, even-odd rule). */
        CENTRE,
        /** At least {@code overlapMin} of the box area lies inside the polygon. */
        OVERLAP
    }

    /**
     * @param polygon    {@code "x,y x,y x,y ..."}, at least 3 vertices, each coordinate 0..1
     * @param match      {@code "centre"} or {@code "overlap"}, case-insensitive
     * @param overlapMin least fraction of the box inside for {@code overlap}, 0..1
     * @return the zone
     * @throws IllegalArgumentException naming the bad value
     */
    public static Zone parse(String polygon, String match, double overlapMin) {
        List<double[]> points = new ArrayList<>();
        for (String vertex : polygon.strip().split("\\s+")) {
            String[] xy = vertex.split(",");
            double x;
            double y;
            try {
                x = Double.parseDouble(xy[0]);
                y = xy.length == 2 ? Double.parseDouble(xy[1]) : Double.NaN;
            } catch (NumberFormatException e) {
                y = Double.NaN;
                x = Double.NaN;
            }
            if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
                throw new IllegalArgumentException("zone.polygon vertices must be 'x,y' with x and y in 0..1, got '"
                        + vertex + "'");
            }
            points.add(new double[] { x, y });
        }
        if (points.size() < 3) {
            throw new IllegalArgumentException("zone.polygon needs at least 3 vertices 'x,y x,y x,y', got '" + polygon
                    + "'");
        }
        Match mode = switch (match == null ? "" : match.strip().toLowerCase(Locale.ROOT)) {
            case "centre", "center" -> Match.CENTRE;
            case "overlap" -> Match.OVERLAP;
            default -> throw new IllegalArgumentException("zone.match must be centre or overlap, got '" + match + "'");
        };
        if (!(overlapMin >= 0 && overlapMin <= 1)) {
            throw new IllegalArgumentException("zone.overlap.min must be 0..1, got " + overlapMin);
        }
        return new Zone(points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray(),
                mode, overlapMin);
    }

    /**
     * @param box a detection box, normalized
     * @return true if the box lies in the zone as {@link #match} says
     */
    public boolean contains(Box box) {
        if (match == Match.CENTRE) {
            return inside(box.centerX(), box.centerY());
        }
        double area = box.area();
        return area > 0 && overlapArea(box) / area >= overlapMin;
    }

    /** Even-odd ray casting (W. R. Franklin, "PNPOLY - Point Inclusion in Polygon Test"). */
    boolean inside(double x, double y) {
        boolean in = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y) && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                in = !in;
            }
        }
        return in;
    }

    /**
     * Area of the part of the box inside the polygon: the polygon clipped to the box's rectangle
     * (Sutherland-Hodgman; exact for any simple polygon against a convex window), then the shoelace formula.
     */
    double overlapArea(Box box) {
        List<double[]> poly = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            poly.add(new double[] { xs[i], ys[i] });
        }
        poly = clip(poly, 0, box.xmin(), true);
        poly = clip(poly, 0, box.xmax(), false);
        poly = clip(poly, 1, box.ymin(), true);
        poly = clip(poly, 1, box.ymax(), false);
        double twice = 0;
        for (int i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
            twice += poly.get(j)[0] * poly.get(i)[1] - poly.get(i)[0] * poly.get(j)[1];
        }
        return Math.abs(twice) / 2;
    }

    /** Keeps the part of {@code poly} where coordinate {@code axis} is &ge; (keepAbove) or &le; {@code edge}. */
    private static List<double[]> clip(List<double[]> poly, int axis, double edge, boolean keepAbove) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < poly.size(); i++) {
            double[] a = poly.get((i + poly.size() - 1) % poly.size());
            double[] b = poly.get(i);
            boolean aIn = keepAbove ? a[axis] >= edge : a[axis] <= edge;
            boolean bIn = keepAbove ? b[axis] >= edge : b[axis] <= edge;
            if (aIn != bIn) {
                double t = (edge - a[axis]) / (b[axis] - a[axis]);
                out.add(new double[] { a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]) });
            }
            if (bIn) {
                out.add(b);
            }
        }
        return out;
    }

    /** @return e.g. {@code "zone 4 points, centre"} or {@code "zone 3 points, overlap >= 0.50"} */
    public String describe() {
        return "zone " + xs.length + " points, " + (match == Match.CENTRE ? "centre"
                : String.format(Locale.ROOT, "overlap >= %.2f", overlapMin));
    }
}
