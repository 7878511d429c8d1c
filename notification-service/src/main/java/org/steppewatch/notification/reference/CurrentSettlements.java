package org.steppewatch.notification.reference;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.steppewatch.contracts.ReferenceDataPublished;
import org.steppewatch.eventing.reference.ReferenceEdition;
import org.steppewatch.eventing.reference.ReferenceEditionListener;
import org.steppewatch.georef.Settlement;
import org.steppewatch.georef.SettlementCatalog;

/**
 * The settlements this service knows: the shipped catalogue until {@code reference.v1} delivers an edition, then
 * the settlements of the newest edition analysis-service published (shipped and imported, merged as analysis-service
 * assesses with them). Subscriptions are checked against it and the community page searches it. Each edition is
 * swapped in whole, after those that index it have rebuilt; an older edition never arrives here (the reader hands on
 * newer ones only).
 */
@Component
public class CurrentSettlements implements ReferenceEditionListener {

    /** What the catalogue is before the topic delivered. */
    public static final String SHIPPED = "shipped";

    /** A catalogue and the edition it came from. */
    public record Edition(SettlementCatalog catalog, String version, long revision) {
    }

    private final AtomicReference<Edition> current;
    private final List<Consumer<SettlementCatalog>> followers = new CopyOnWriteArrayList<>();

    public CurrentSettlements() {
        this(SettlementCatalog.shipped());
    }

    public CurrentSettlements(SettlementCatalog shipped) {
        current = new AtomicReference<>(new Edition(shipped, SHIPPED, 0));
    }

    public SettlementCatalog catalog() {
        return current.get().catalog();
    }

    public Edition edition() {
        return current.get();
    }

    /** {@code follower} is called with each new catalogue before it is swapped in (on the reader's thread). */
    public void follow(Consumer<SettlementCatalog> follower) {
        followers.add(follower);
    }

    @Override
    public void editionReceived(ReferenceEdition edition) {
        SettlementCatalog catalog = SettlementCatalog.of(edition.settlements().stream().map(CurrentSettlements::settlement).toList());
        followers.forEach(f -> f.accept(catalog));
        current.set(new Edition(catalog, edition.referenceDataVersion(), edition.revision()));
    }

    /** Field by field, so fields the wire has and this version does not know are simply not used. */
    static Settlement settlement(ReferenceDataPublished.Settlement s) {
        return new Settlement(s.id(), s.name(), s.nameRu(), s.nameKk(), s.lon(), s.lat(), s.population(), s.source(),
                s.populationSource(), s.alternateNames());
    }
}
