package org.steppewatch.analysis.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.steppewatch.georef.Settlement;
import org.steppewatch.web.ControlCharacters;

/**
 * Reads a GeoNames country dump ({@code KZ.txt} from download.geonames.org/export/dump; UTF-8, tab-separated,
 * 19 columns: geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, feature code,
 * country code, cc2, admin1-4, population, elevation, dem, timezone, modification date).
 * <p>
 * Keeps populated places (feature class P) with the PPL* codes of living places: PPL, PPLA-PPLA5, PPLC,
 * PPLF, PPLG, PPLL, PPLR, PPLS; skips abandoned, destroyed and historical places and city sections (PPLQ,
 * PPLW, PPLH, PPLCH, PPLX). Names: English = {@code name} (the Latin name; {@code asciiname} when that is
 * not Latin); Kazakh = the first Cyrillic alternate name with a letter only Kazakh uses (ә ғ қ ң ө ұ ү һ і);
 * Russian = the first Cyrillic alternate name without one. The other Latin and Cyrillic alternate names are
 * kept (up to {@value #MAX_ALTERNATES}, de-duplicated) without a language: the dump's alternate names carry no
 * language tags, so the Russian and Kazakh picks are a best effort (the alternateNamesV2 file has tags; it is
 * not read). Names in other scripts are dropped: the product speaks Kazakh, Russian and English. Population 0
 * means unknown. Ids are {@code gn:<geonameid>}, the ids of the shipped GeoNames places.
 */
final class GeoNamesDump {

    static final Set<String> LIVING_PLACES = Set.of("PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLA5", "PPLC", "PPLF",
            "PPLG", "PPLL", "PPLR", "PPLS");
    static final String SOURCE = "GeoNames dump (CC BY 4.0, geonames.org), imported";
    private static final String KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";
    /** Former names and spellings are what people search by; a big city has hundreds in many scripts. */
    static final int MAX_ALTERNATES = 32;
    /** GeoNames' KZ.txt has some 15,000 populated places; the whole world's cities file ~200,000. */
    static final int MAX_SETTLEMENTS = 200_000;
    static final int MAX_NAME = 200;
    private static final int MAX_EXAMPLES = 5;

    private GeoNamesDump() {
    }

    /**
     * @param skipped reason → number of lines skipped for it
     * @param examples the first few malformed lines, as "line N: why"
     */
    record Result(List<Settlement> settlements, int lines, Map<String, Integer> skipped, List<String> examples) {
    }

    static Result read(Reader in) {
        List<Settlement> settlements = new ArrayList<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        List<String> examples = new ArrayList<>();
        int lines = 0;
        try (BufferedReader reader = new BufferedReader(in)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 15) {
                    malformed(skipped, examples, lines, "expected 19 tab-separated columns, found " + f.length);
                    continue;
                }
                if (!"P".equals(f[6]) || !LIVING_PLACES.contains(f[7])) {
                    // feature codes are short: anything longer is not one, and must not become a key of its own
                    String feature = f[6].length() <= 1 && f[7].length() <= 10 ? f[6] + "." + f[7] : "?";
                    skipped.merge("not a living populated place (feature " + feature + ")", 1, Integer::sum);
                    continue;
                }
                if (settlements.size() >= MAX_SETTLEMENTS) {
                    skipped.merge("over the limit of " + MAX_SETTLEMENTS + " settlements per import", 1, Integer::sum);
                    continue;
                }
                try {
                    settlements.add(settlement(f));
                } catch (IllegalArgumentException e) {
                    malformed(skipped, examples, lines, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(settlements, lines, skipped, examples);
    }

    private static void malformed(Map<String, Integer> skipped, List<String> examples, int line, String why) {
        skipped.merge("malformed line", 1, Integer::sum);
        if (examples.size() < MAX_EXAMPLES) {
            examples.add("line " + line + ": " + why);
        }
    }

    private static Settlement settlement(String[] f) {
        String id = f[0].trim();
        if (id.length() > 12 || !id.matches("\\d+")) {
            throw new IllegalArgumentException(id.length() > 12 ? "geonameid is not a number"
                    : "geonameid '" + id + "' is not a number");
        }
        double lat = number(f[4], "latitude");
        double lon = number(f[5], "longitude");
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("coordinates " + lat + ", " + lon + " out of range");
        }
        long population = f[14].isBlank() ? 0 : (long) number(f[14], "population");
        if (population < 0) {
            throw new IllegalArgumentException("negative population");
        }
        String name = isLatin(f[1]) || f[2].isBlank() ? f[1].trim() : f[2].trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no name");
        }
        for (String text : new String[] {f[1], f[2], f[3]}) {
            String problem = ControlCharacters.problem(text, false);
            if (problem != null) {
                // names go into alerts, feeds and mails
                throw new IllegalArgumentException("a name " + problem);
            }
        }
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a name longer than " + MAX_NAME + " characters");
        }
        String nameRu = null;
        String nameKk = null;
        List<String> alternates = new ArrayList<>();
        if (!f[2].isBlank() && !f[2].trim().equals(name)) {
            alternates.add(f[2].trim());
        }
        for (String alternate : f[3].split(",")) {
            String a = alternate.trim();
            if (a.isEmpty() || a.equals(name) || a.length() > MAX_NAME) {
                continue;
            }
            if (isCyrillic(a) && isKazakh(a) && nameKk == null) {
                nameKk = a;
            } else if (isCyrillic(a) && !isKazakh(a) && nameRu == null) {
                nameRu = a;
            } else if ((isLatin(a) || isCyrillic(a)) && alternates.size() < MAX_ALTERNATES && !alternates.contains(a)) {
                alternates.add(a);
            }
        }
        return new Settlement("gn:" + id, name, nameRu, nameKk, lon, lat, population, SOURCE,
                population > 0 ? "GeoNames" : "unknown", alternates);
    }

    private static double number(String text, String what) {
        try {
            double value = Double.parseDouble(text.trim());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a number");
        }
    }

    static boolean isCyrillic(String s) {
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                if (Character.UnicodeBlock.of(c) != Character.UnicodeBlock.CYRILLIC) {
                    return false;
                }
                letter = true;
            }
        }
        return letter;
    }

    static boolean isKazakh(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (KAZAKH_LETTERS.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Letters only from the Latin blocks (with diacritics): a name an English reader can read. */
    static boolean isLatin(String s) {
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script != Character.UnicodeScript.LATIN) {
                    return false;
                }
                letter = true;
            }
        }
        return letter;
    }
}
