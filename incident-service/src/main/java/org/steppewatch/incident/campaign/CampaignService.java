package org.steppewatch.incident.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.steppewatch.incident.site.SiteDirectory;
import org.steppewatch.security.Actor;
import org.steppewatch.web.FieldProblem;
import org.steppewatch.web.Problems;

/** Records sampling campaigns; who recorded one is shown to signed-in users only. */
@Service
class CampaignService {

    private static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");

    private final CampaignStore store;
    private final SiteDirectory sites;
    private final Clock clock;

    CampaignService(CampaignStore store, SiteDirectory sites, Clock clock) {
        this.store = store;
        this.sites = sites;
        this.clock = clock;
    }

    Campaign record(CampaignRequest r) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<FieldProblem> problems = CampaignValidator.problems(r, LocalDate.ofInstant(now, KAZAKHSTAN), sites::exists);
        if (!problems.isEmpty()) {
            throw Problems.invalid("The campaign has " + problems.size() + " invalid field"
                    + (problems.size() == 1 ? "" : "s") + "; nothing was stored.", problems);
        }
        List<Campaign.Location> locations = new ArrayList<>();
        for (int i = 0; i < r.locations().size(); i++) {
            CampaignRequest.Location l = r.locations().get(i);
            String id = l.id();
            if (id == null) {
                // loc-<position>, unless another location was given that id
                id = "loc-" + (i + 1);
                id = taken(r, id) ? id + "-" + UUID.randomUUID().toString().substring(0, 8) : id;
            }
            locations.add(new Campaign.Location(id, l.name().strip(), l.location(),
                    l.siteId() != null ? l.siteId() : r.siteId()));
        }
        Actor actor = Actor.current();
        Campaign campaign = new Campaign("cmp-" + UUID.randomUUID(), r.name().strip(), strip(r.organisation()),
                r.siteId(), r.startedOn(), r.endedOn(), locations, actor == null ? null : actor.subject(), now);
        store.insert(campaign);
        return campaign;
    }

    Campaign get(String id) {
        return visible(store.find(id).orElseThrow(() -> Problems.notFound("No campaign with id " + id + ".")));
    }

    CampaignPage list(int page, int size) {
        CampaignStore.Page found = store.list(page, size);
        return new CampaignPage(found.items().stream().map(CampaignService::visible).toList(), page, size, found.total());
    }

    private static boolean taken(CampaignRequest r, String id) {
        return r.locations().stream().anyMatch(l -> l != null && id.equals(l.id()));
    }

    private static Campaign visible(Campaign campaign) {
        return Actor.current() == null ? campaign.withCreatedBy(null) : campaign;
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
