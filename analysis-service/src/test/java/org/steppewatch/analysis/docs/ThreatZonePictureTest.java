package org.steppewatch.analysis.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.steppewatch.analysis.assessment.IncidentAssessor;
import org.steppewatch.analysis.reference.FallZoneIndex;
import org.steppewatch.analysis.reference.ReferenceSnapshot;
import org.steppewatch.analysis.reference.ReferenceZone;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.georef.Settlement;

/**
 * Draws the picture of the documentation, {@code proton-2013-threat-zones.png}: the 2013 Proton-M crash assessed
 * with the weather of the README walk-through (left) and with a hypothetical night wind towards the towns (right). Always
 * written to {@code target/}; also to the directory named by the system property {@value #DOCS_PROPERTY}, e.g.
 * {@code mvn -o test -Dtest=ThreatZonePictureTest -Dsteppewatch.docs.images=../docs/images}.
 */
class ThreatZonePictureTest {

    static final String DOCS_PROPERTY = "steppewatch.docs.images";
    static final String FILE = "proton-2013-threat-zones.png";
    private static final int PANEL = 640;
    private static final double IMPACT_LON = 63.00;
    private static final double IMPACT_LAT = 46.05;

    private final ReferenceSnapshot reference = ReferenceSnapshot.shipped(FallZoneIndex.DEFAULT_NEARBY_KM);
    private final IncidentAssessor assessor = IncidentAssessor.withDefaults();

    private IncidentAssessed assess(IncidentFacts.Weather weather) {
        IncidentFacts facts = new IncidentFacts("Proton-M launch failure after lift-off", IncidentCategory.LAUNCH_FAILURE,
                Instant.parse("2013-07-02T02:38:22Z"), Geo.point(IMPACT_LON, IMPACT_LAT), null, "Proton-M", "Baikonur Site 81/24",
                List.of(new IncidentFacts.Release("UDMH", 172_000)), List.of(), weather, null);
        return assessor.assess(reference, "proton-2013", 1, facts, Instant.parse("2013-07-02T03:00:00Z")).event();
    }

    @Test
    void drawsTheProtonM2013ThreatZonesOverTheSettlements() throws IOException {
        IncidentAssessed reported = assess(new IncidentFacts.Weather(225.0, 3.0, "D"));
        IncidentAssessed nightWind = assess(new IncidentFacts.Weather(332.0, 1.5, "F"));

        BufferedImage image = new BufferedImage(2 * PANEL + 30, PANEL + 150, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        // the map centre lies between the crash site and the towns 50-55 km SSE
        ThreatZoneMap left = panel(g, new Rectangle(10, 10, PANEL, PANEL), reported, 225, true,
                "A. As reported: wind from 225° at 3 m/s, class D",
                "UDMH 172 t × 0.1 airborne over 60 min; AEGL-3 reaches 3.3 km NE, AEGL-2 8.5 km NE");
        ThreatZoneMap right = panel(g, new Rectangle(PANEL + 20, 10, PANEL, PANEL), nightWind, 332, false,
                "B. Hypothetical: night wind from 332° at 1.5 m/s, class F",
                "the same release; both zones end at 10.8 km = 1.5 m/s × (60-min release + 60-min exposure)");
        // the reported zones are a few kilometres long: a zoom of 12 km around them
        ThreatZoneMap zoom = zoom(g, new Rectangle(24, 300, 250, 250), reported);
        ThreatZoneMap.legend(g, 14, PANEL + 28,
                "Gaussian plume model (Briggs rural σ), 60-min AEGLs for UDMH (NRC vol. 6, 2008); zones are MODEL RESULTS, "
                        + "not measurements: no terrain, no deposition, unreliable in stable air and light wind.");
        g.setFont(ThreatZoneMap.SMALL);
        g.setColor(Color.BLACK);
        g.drawString("Settlements: GeoNames (CC BY 4.0); areas of concern and drop zones APPROXIMATE. Impact point ±3 km. "
                + "Equirectangular display around 45.85 N 63.15 E. Steppe Watch analysis-service.", 14, PANEL + 140);
        g.dispose();

        Path target = Path.of("target", FILE);
        ImageIO.write(image, "png", target.toFile());
        String docs = System.getProperty(DOCS_PROPERTY);
        if (docs != null && !docs.isBlank()) {
            Files.createDirectories(Path.of(docs));
            Files.copy(target, Path.of(docs, FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        assertThat(Files.size(target)).isGreaterThan(20_000);
        // the zoom shows AEGL-3 (over AEGL-2) 2 km north-east of the impact and AEGL-2 alone at 6 km; on the right both
        // zones run towards the towns and end at 1.5 m/s × 120 min = 10.8 km: AEGL-3 at 8 km, nothing at 25 or 48 km
        Color aegl2 = blend(ThreatZoneMap.AEGL_2, STEPPE);
        assertThat(colourAt(image, zoom, 2, 45)).satisfies(c -> assertThat(near(c, blend(ThreatZoneMap.AEGL_3, aegl2))).as(c.toString()).isTrue());
        assertThat(colourAt(image, zoom, 6, 45)).satisfies(c -> assertThat(near(c, aegl2)).as(c.toString()).isTrue());
        assertThat(colourAt(image, right, 8, 152)).satisfies(c -> assertThat(near(c, blend(ThreatZoneMap.AEGL_3, aegl2))).as(c.toString()).isTrue());
        assertThat(colourAt(image, right, 25, 152)).satisfies(c -> assertThat(near(c, STEPPE)).as(c.toString()).isTrue());
        assertThat(colourAt(image, right, 48, 152)).satisfies(c -> assertThat(near(c, STEPPE)).as(c.toString()).isTrue());
        assertThat(colourAt(image, left, 48, 152)).satisfies(c -> assertThat(near(c, STEPPE)).as(c.toString()).isTrue());
    }

    private ThreatZoneMap panel(Graphics2D g, Rectangle area, IncidentAssessed a, double windFrom, boolean labelAreas, String title,
                                String subtitle) {
        ThreatZoneMap map = new ThreatZoneMap(g, area, 63.15, 45.85, 80);
        for (ReferenceZone zone : reference.areasOfConcern().zones()) {
            map.outline(zone.geometry(), Color.DARK_GRAY, labelAreas && zone.id().equals("AOC-BAIKONUR-LEASE") ? zone.name() + " (approximate)" : null);
        }
        List<IncidentAssessed.HazardZone> zones = deterministic(a);
        for (int i = zones.size() - 1; i >= 0; i--) { // the widest zone first, so the most severe is drawn on top
            IncidentAssessed.HazardZone z = zones.get(i);
            map.fill(z.geometry(), switch (z.level()) {
                case "AEGL-3" -> ThreatZoneMap.AEGL_3;
                case "AEGL-2" -> ThreatZoneMap.AEGL_2;
                default -> ThreatZoneMap.AEGL_1;
            });
        }
        for (Settlement s : reference.settlements().all()) {
            a.affectedSettlements().stream().filter(x -> x.id().equals(s.id())).findFirst().ifPresentOrElse(
                    x -> map.settlement(s.lon(), s.lat(), s.name() + (s.nameRu() == null ? "" : " / " + s.nameRu())
                            + String.format(Locale.ROOT, "%n%,d people, %.1f km%s", s.population(), x.distanceKm(),
                            x.zone() == null ? "" : ", in " + x.zone())),
                    () -> map.settlement(s.lon(), s.lat(), s.name()));
        }
        map.release(IMPACT_LON, IMPACT_LAT, "Proton-M impact, 2 July 2013");
        map.wind(windFrom, "wind");
        map.title(title, subtitle);
        map.scaleBar();
        map.northArrow();
        return map;
    }

    /** The picture shows the zones for the weather given, not the ensemble's 10 % zones. */
    private static List<IncidentAssessed.HazardZone> deterministic(IncidentAssessed a) {
        return a.hazardZones().stream().filter(z -> IncidentAssessed.HazardZone.DETERMINISTIC.equals(z.kind())).toList();
    }

    private ThreatZoneMap zoom(Graphics2D g, Rectangle area, IncidentAssessed a) {
        var middle = org.steppewatch.georef.Geodesy.destination(Geo.point(IMPACT_LON, IMPACT_LAT), 45, 4);
        ThreatZoneMap map = new ThreatZoneMap(g, area, middle.x, middle.y, 12);
        List<IncidentAssessed.HazardZone> zones = deterministic(a);
        for (int i = zones.size() - 1; i >= 0; i--) {
            map.fill(zones.get(i).geometry(), zones.get(i).level().equals("AEGL-3") ? ThreatZoneMap.AEGL_3 : ThreatZoneMap.AEGL_2);
        }
        map.release(IMPACT_LON, IMPACT_LAT, "impact");
        map.caption("zoom: the reported zones");
        map.scaleBar();
        return map;
    }

    private static final Color STEPPE = new Color(246, 243, 234);

    /** {@code over} drawn at the map's opacity on {@code under}. */
    private static Color blend(Color over, Color under) {
        double a = 150 / 255.0;
        return new Color((int) Math.round(over.getRed() * a + under.getRed() * (1 - a)),
                (int) Math.round(over.getGreen() * a + under.getGreen() * (1 - a)),
                (int) Math.round(over.getBlue() * a + under.getBlue() * (1 - a)));
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue()) < 12;
    }

    /** The colour at {@code km} from the impact along {@code bearingDeg}. */
    private static Color colourAt(BufferedImage image, ThreatZoneMap map, double km, double bearingDeg) {
        var c = org.steppewatch.georef.Geodesy.destination(Geo.point(IMPACT_LON, IMPACT_LAT), bearingDeg, km);
        Point2D.Double p = map.pixel(c.x, c.y);
        return new Color(image.getRGB((int) Math.round(p.x), (int) Math.round(p.y)));
    }

}
