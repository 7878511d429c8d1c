package org.steppewatch.incident.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steppewatch.contracts.ResultRecorded;
import org.steppewatch.incident.site.SiteDirectory;
import org.steppewatch.web.FieldProblem;
import org.steppewatch.web.Problems;

@RestController
class SeriesController {

    private final ResultStore results;
    private final JudgementStore judgements;
    private final SiteDirectory sites;

    SeriesController(ResultStore results, JudgementStore judgements, SiteDirectory sites) {
        this.results = results;
        this.judgements = judgements;
        this.sites = sites;
    }

    /** The site's results of one substance in one medium over time, with the limits and the trend. */
    @GetMapping("/api/v1/sites/{id}/series")
    Series series(@PathVariable String id, @RequestParam(required = false) String substance,
                  @RequestParam(required = false) String medium) {
        List<FieldProblem> problems = new ArrayList<>();
        if (substance == null || substance.isBlank()) {
            problems.add(new FieldProblem("substance", "is required (e.g. HG); GET /api/v1/sites/" + id
                    + " lists the site's series"));
        }
        if (medium == null || medium.isBlank()) {
            problems.add(new FieldProblem("medium", "is required (e.g. water)"));
        }
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        if (!sites.exists(id)) {
            throw Problems.notFound("No site with id " + id + ".");
        }
        String code = substance.strip().toUpperCase(Locale.ROOT);
        String in = medium.strip().toLowerCase(Locale.ROOT);
        List<ResultRecorded> found = results.series(id, code, in);
        return Series.of(id, code, in, found, judgements.find(found.stream().map(ResultRecorded::resultId).toList()));
    }
}
