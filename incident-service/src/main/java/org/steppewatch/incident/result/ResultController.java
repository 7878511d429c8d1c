package org.steppewatch.incident.result;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steppewatch.contracts.ResultRecorded;
import org.steppewatch.incident.site.FieldChecks;

@RestController
@RequestMapping("/api/v1/results")
class ResultController {

    private final ResultService results;

    ResultController(ResultService results) {
        this.results = results;
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<ResultView> record(@RequestBody ResultRequest request) {
        ResultRecorded result = results.record(request);
        return ResponseEntity.created(URI.create("/api/v1/results/" + result.resultId()))
                .body(results.get(result.resultId()));
    }

    /** What an import stored: every row, in the order of the file. */
    record Imported(int imported, List<String> resultIds) {
    }

    /** The CSV is UTF-8 whatever charset the request names (docs/contamination.md). */
    @PostMapping(path = "/import", consumes = "text/csv")
    ResponseEntity<Imported> importCsv(@RequestBody byte[] csv) {
        List<String> ids = results.importCsv(new String(csv, StandardCharsets.UTF_8));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(ids.size(), ids));
    }

    @GetMapping("/{id}")
    ResultView get(@PathVariable String id) {
        return results.get(id);
    }

    @GetMapping
    ResultPage list(@RequestParam(required = false) String siteId, @RequestParam(required = false) String substance,
                    @RequestParam(required = false) String medium, @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "50") int size) {
        return results.list(siteId, substance, medium, page, FieldChecks.pageSize(page, size));
    }
}
