package org.steppewatch.incident.facility;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The facility register: public reads; registering and importing need an analyst or issuer (AccessRules). */
@RestController
@RequestMapping("/api/v1/facilities")
class FacilityController {

    private final FacilityService facilities;
    private final FacilityImport imports;

    FacilityController(FacilityService facilities, FacilityImport imports) {
        this.facilities = facilities;
        this.imports = imports;
    }

    @GetMapping
    FacilityPage list(@RequestParam(required = false) String aboveThreshold,
                      @RequestParam(required = false) String pollutant,
                      @RequestParam(required = false) String year,
                      @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "50") int size) {
        FacilityQuery query = FacilityQuery.parse(aboveThreshold, pollutant, year, page, size);
        FacilityStore.Page found = facilities.list(query);
        return new FacilityPage(found.items().stream()
                .map(f -> FacilityResponse.of(f, f.releases().stream()
                        .filter(r -> r.matches(query.pollutant(), query.year(), query.aboveThreshold()))
                        .toList()))
                .toList(), query.page(), query.size(), found.total());
    }

    @GetMapping("/{id}")
    FacilityResponse get(@PathVariable String id) {
        return FacilityResponse.of(facilities.get(id));
    }

    @PostMapping
    ResponseEntity<FacilityResponse> register(@RequestBody FacilityRequest request) {
        Facility facility = facilities.register(request);
        return ResponseEntity.created(URI.create("/api/v1/facilities/" + facility.id()))
                .body(FacilityResponse.of(facility));
    }

    /**
     * text/csv of annual releases; all or nothing. Read as bytes: a String body would be decoded as ISO-8859-1 when
     * the Content-Type names no charset, and the file is UTF-8 unless it says otherwise (Cyrillic names).
     */
    @PostMapping(path = "/import", consumes = "text/csv")
    ResponseEntity<FacilityImport.Result> importCsv(@RequestBody byte[] csv,
                                                    @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type) {
        Charset charset = type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        return ResponseEntity.status(HttpStatus.CREATED).body(imports.importCsv(new String(csv, charset)));
    }
}
