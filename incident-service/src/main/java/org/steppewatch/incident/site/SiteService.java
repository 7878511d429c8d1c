package org.steppewatch.incident.site;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.steppewatch.security.Actor;
import org.steppewatch.web.FieldProblem;
import org.steppewatch.web.Problems;

/** Registers sites and shows them with the series of results they hold. */
@Service
class SiteService {

    private final SiteStore store;
    private final SiteResults results;
    private final Clock clock;

    SiteService(SiteStore store, SiteResults results, Clock clock) {
        this.store = store;
        this.results = results;
        this.clock = clock;
    }

    Site register(SiteRequest request) {
        List<FieldProblem> problems = SiteValidator.problems(request);
        if (!problems.isEmpty()) {
            throw Problems.invalid("The site has " + problems.size() + " invalid field"
                    + (problems.size() == 1 ? "" : "s") + "; nothing was stored.", problems);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Actor actor = Actor.current();
        String by = actor == null ? null : actor.subject();
        String id = request.id() != null ? request.id() : "KZ-SITE-" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        Site site = new Site(id, new Site.Names(strip(request.name().en()), strip(request.name().ru()),
                strip(request.name().kk())), request.location(), request.outline(),
                request.coordinateConfidence().strip().toLowerCase(Locale.ROOT), strip(request.region()),
                request.pollutants().stream().map(p -> p.strip().toUpperCase(Locale.ROOT)).distinct().toList(),
                request.media().stream().map(Media::code).distinct().toList(), strip(request.status()),
                request.description(), request.notes(),
                request.sources() == null ? List.of() : request.sources().stream().map(String::strip).toList(),
                List.of(new Site.Change(now, by, "registered")), now);
        try {
            store.insert(site);
        } catch (DuplicateKeyException e) {
            throw Problems.conflict("A site with id " + id + " exists already.");
        }
        return site;
    }

    SiteView get(String id) {
        Site site = store.find(id).orElseThrow(() -> Problems.notFound("No site with id " + id + "."));
        return SiteView.of(site, results.seriesOf(List.of(id)).getOrDefault(id, List.of()));
    }

    SitePage list(int page, int size) {
        SiteStore.Page found = store.list(page, size);
        var series = results.seriesOf(found.items().stream().map(Site::id).toList());
        return new SitePage(found.items().stream().map(s -> SiteView.of(s, series.getOrDefault(s.id(), List.of())))
                .toList(), page, size, found.total());
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
