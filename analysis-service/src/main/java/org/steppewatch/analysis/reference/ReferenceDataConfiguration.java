package org.steppewatch.analysis.reference;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.steppewatch.georef.FallZoneCatalog;
import org.steppewatch.georef.ReferenceResources;

/** Loads the shipped reference data once at start and indexes it; queries then never touch the files. */
@Configuration(proxyBeanMethods = false)
class ReferenceDataConfiguration {

    @Bean
    FallZoneIndex fallZoneIndex(@Value("${steppewatch.analysis.fall-zone-nearby-km:" + FallZoneIndex.DEFAULT_NEARBY_KM + "}") double nearbyKm) {
        return new FallZoneIndex(FallZoneCatalog.shipped().zones(), nearbyKm);
    }

    @Bean
    SettlementIndex settlementIndex() {
        return SettlementIndex.shipped();
    }

    /** Names the edition of the reference files every assessment was computed with. */
    @Bean
    ReferenceDataVersion referenceDataVersion() {
        return new ReferenceDataVersion(ReferenceResources.shippedVersion());
    }
}
