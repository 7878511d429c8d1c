package org.steppewatch.web.opendata;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The licence of the deployment's own records in every open-data file, and whom to credit.
 *
 * @param licence     the licence's short name (default {@code CC BY 4.0})
 * @param licenceUrl  where its text is (default the Creative Commons deed of CC BY 4.0)
 * @param attribution how the deployment's records are to be credited (default {@code Steppe Watch contributors})
 */
@ConfigurationProperties("steppewatch.open-data")
public record OpenDataProperties(String licence, String licenceUrl, String attribution) {

    public OpenDataProperties {
        licence = blank(licence) ? "CC BY 4.0" : licence.strip();
        licenceUrl = blank(licenceUrl) ? "https://creativecommons.org/licenses/by/4.0/" : licenceUrl.strip();
        attribution = blank(attribution) ? "Steppe Watch contributors" : attribution.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
