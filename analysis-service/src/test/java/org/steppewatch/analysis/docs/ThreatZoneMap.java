package org.steppewatch.analysis.docs;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.Locale;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A small Java2D map panel for the documentation: polygons and labelled points in a local equirectangular
 * projection around a centre (good enough to look at over some tens of kilometres; the analysis itself works
 * on the ellipsoid), with a scale bar and a north arrow.
 */
final class ThreatZoneMap {

    static final Color AEGL_3 = new Color(215, 25, 28);
    static final Color AEGL_2 = new Color(253, 141, 60);
    static final Color AEGL_1 = new Color(255, 215, 0);
    static final Font FONT = new Font("DejaVu Sans", Font.PLAIN, 13);
    static final Font SMALL = FONT.deriveFont(11f);
    static final Font BOLD = FONT.deriveFont(Font.BOLD, 15f);

    private final Graphics2D g;
    private final Rectangle panel;
    private final double lon0;
    private final double lat0;
    private final double pxPerKm;
    private final double kmPerDegLon;

    /** A panel showing {@code kmAcross} kilometres across its width, centred on (lon0, lat0). */
    ThreatZoneMap(Graphics2D g, Rectangle panel, double lon0, double lat0, double kmAcross) {
        this.g = g;
        this.panel = panel;
        this.lon0 = lon0;
        this.lat0 = lat0;
        this.pxPerKm = panel.width / kmAcross;
        this.kmPerDegLon = 111.32 * Math.cos(Math.toRadians(lat0));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(246, 243, 234)); // steppe
        g.fill(panel);
        g.setColor(Color.GRAY);
        g.draw(panel);
    }

    Point2D.Double pixel(double lon, double lat) {
        double xKm = (lon - lon0) * kmPerDegLon;
        double yKm = (lat - lat0) * 110.57;
        return new Point2D.Double(panel.getCenterX() + xKm * pxPerKm, panel.getCenterY() - yKm * pxPerKm);
    }

    private Shape shape(Geometry geometry) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) geometry.getGeometryN(i);
            ring(path, polygon.getExteriorRing().getCoordinates());
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                ring(path, polygon.getInteriorRingN(h).getCoordinates());
            }
        }
        return path;
    }

    private void ring(Path2D.Double path, Coordinate[] coordinates) {
        for (int i = 0; i < coordinates.length; i++) {
            Point2D.Double p = pixel(coordinates[i].x, coordinates[i].y);
            if (i == 0) {
                path.moveTo(p.x, p.y);
            } else {
                path.lineTo(p.x, p.y);
            }
        }
        path.closePath();
    }

    void fill(Geometry geometry, Color colour) {
        g.setClip(panel);
        Shape s = shape(geometry);
        g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 150));
        g.fill(s);
        g.setColor(colour.darker());
        g.setStroke(new BasicStroke(1.5f));
        g.draw(s);
        g.setClip(null);
    }

    void outline(Geometry geometry, Color colour, String label) {
        g.setClip(panel);
        Shape s = shape(geometry);
        g.setColor(colour);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 6f}, 0f));
        g.draw(s);
        g.setStroke(new BasicStroke(1f));
        if (label != null) {
            // inside the outline, near its west end: clear of the titles at the top
            g.setFont(SMALL);
            Rectangle b = s.getBounds();
            g.drawString(label, Math.max(panel.x + 4, b.x + 10), (int) b.getCenterY() - 8);
        }
        g.setClip(null);
    }

    /** A settlement: a dot and its label (lines separated by \n) to the right, or to the left when near the edge. */
    void settlement(double lon, double lat, String label) {
        Point2D.Double p = pixel(lon, lat);
        if (!panel.contains(p)) {
            return;
        }
        g.setColor(Color.BLACK);
        g.fill(new java.awt.geom.Ellipse2D.Double(p.x - 4, p.y - 4, 8, 8));
        g.setFont(FONT);
        FontMetrics m = g.getFontMetrics();
        String[] lines = label.split("\n");
        int width = 0;
        for (String line : lines) {
            width = Math.max(width, m.stringWidth(line));
        }
        boolean left = p.x + 8 + width > panel.getMaxX() - 4;
        int x = left ? (int) p.x - 8 - width : (int) p.x + 8;
        int y = (int) p.y + 4;
        for (String line : lines) {
            g.setColor(new Color(255, 255, 255, 200));
            g.fillRect(x - 2, y - m.getAscent() + 1, m.stringWidth(line) + 4, m.getHeight() - 1);
            g.setColor(Color.BLACK);
            g.drawString(line, x, y);
            y += m.getHeight();
        }
    }

    /** The release point: a black cross in a white circle. */
    void release(double lon, double lat, String label) {
        Point2D.Double p = pixel(lon, lat);
        g.setColor(Color.WHITE);
        g.fill(new java.awt.geom.Ellipse2D.Double(p.x - 7, p.y - 7, 14, 14));
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2.5f));
        g.drawLine((int) p.x - 5, (int) p.y - 5, (int) p.x + 5, (int) p.y + 5);
        g.drawLine((int) p.x - 5, (int) p.y + 5, (int) p.x + 5, (int) p.y - 5);
        g.setStroke(new BasicStroke(1f));
        g.setFont(SMALL);
        g.drawString(label, (int) p.x - g.getFontMetrics().stringWidth(label) - 10, (int) p.y - 8);
    }

    /** A wind arrow at the top left, pointing downwind. */
    void wind(double fromDeg, String label) {
        int cx = panel.x + 40;
        int cy = panel.y + 70;
        double to = Math.toRadians(fromDeg + 180);
        double dx = Math.sin(to) * 22;
        double dy = -Math.cos(to) * 22;
        g.setColor(new Color(30, 30, 120));
        g.setStroke(new BasicStroke(2.5f));
        g.drawLine((int) (cx - dx), (int) (cy - dy), (int) (cx + dx), (int) (cy + dy));
        double back = to + Math.PI;
        for (double side : new double[] {-0.45, 0.45}) {
            g.drawLine((int) (cx + dx), (int) (cy + dy), (int) (cx + dx + Math.sin(back + side) * 10),
                    (int) (cy + dy - Math.cos(back + side) * 10));
        }
        g.setStroke(new BasicStroke(1f));
        g.setFont(SMALL);
        g.drawString(label, cx - 30, cy + 40);
    }

    /** A framed caption at the top of an inset. */
    void caption(String text) {
        g.setFont(SMALL);
        g.setColor(Color.BLACK);
        g.drawString(text, panel.x + 6, panel.y + 14);
    }

    void title(String title, String subtitle) {
        g.setFont(BOLD);
        int width = g.getFontMetrics().stringWidth(title);
        g.setFont(SMALL);
        width = Math.max(width, g.getFontMetrics().stringWidth(subtitle));
        g.setColor(new Color(255, 255, 255, 210));
        g.fillRect(panel.x + 4, panel.y + 4, width + 14, 42);
        g.setColor(Color.BLACK);
        g.setFont(BOLD);
        g.drawString(title, panel.x + 10, panel.y + 22);
        g.setFont(SMALL);
        g.drawString(subtitle, panel.x + 10, panel.y + 40);
    }

    /** A scale bar of a round length about a fifth of the panel, bottom left. */
    void scaleBar() {
        double target = panel.width / pxPerKm / 5;
        double km = 1;
        for (double candidate : new double[] {0.5, 1, 2, 5, 10, 20, 50, 100}) {
            if (candidate <= target) {
                km = candidate;
            }
        }
        int length = (int) Math.round(km * pxPerKm);
        int x = panel.x + 16;
        int y = (int) panel.getMaxY() - 20;
        g.setColor(Color.WHITE);
        g.fillRect(x - 6, y - 22, length + 60, 32);
        g.setColor(Color.BLACK);
        g.fillRect(x, y - 4, length / 2, 6);
        g.drawRect(x, y - 4, length, 6);
        g.setFont(SMALL);
        g.drawString("0", x - 3, y - 8);
        g.drawString(String.format(Locale.ROOT, "%s km", km % 1 == 0 ? String.valueOf((int) km) : String.valueOf(km)), x + length - 8, y - 8);
    }

    /** A north arrow, top right. */
    void northArrow() {
        int x = (int) panel.getMaxX() - 30;
        int y = panel.y + 22;
        Path2D.Double arrow = new Path2D.Double();
        arrow.moveTo(x, y);
        arrow.lineTo(x + 9, y + 30);
        arrow.lineTo(x, y + 23);
        arrow.lineTo(x - 9, y + 30);
        arrow.closePath();
        g.setColor(Color.BLACK);
        g.fill(arrow);
        g.setFont(BOLD);
        g.drawString("N", x - 5, y + 48);
    }

    static void legend(Graphics2D g, int x, int y, String... lines) {
        g.setFont(SMALL);
        Color[] colours = {AEGL_3, AEGL_2, AEGL_1};
        String[] names = {"AEGL-3 (life-threatening)", "AEGL-2 (disabling)", "AEGL-1 (discomfort; not defined for UDMH)"};
        for (int i = 0; i < 3; i++) {
            g.setColor(new Color(colours[i].getRed(), colours[i].getGreen(), colours[i].getBlue(), 150));
            g.fillRect(x, y + i * 18, 24, 12);
            g.setColor(colours[i].darker());
            g.drawRect(x, y + i * 18, 24, 12);
            g.setColor(Color.BLACK);
            g.drawString(names[i], x + 32, y + 11 + i * 18);
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 6f}, 0f));
        g.drawLine(x, y + 3 * 18 + 6, x + 24, y + 3 * 18 + 6);
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.BLACK);
        g.drawString("area of concern (approximate outline)", x + 32, y + 11 + 3 * 18);
        int row = y + 11 + 4 * 18 + 6;
        for (String line : lines) {
            g.drawString(line, x, row);
            row += 16;
        }
    }
}
