package org.steppewatch.incident.site;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sites")
class SiteController {

    private final SiteService sites;

    SiteController(SiteService sites) {
        this.sites = sites;
    }

    @PostMapping
    ResponseEntity<SiteView> register(@RequestBody SiteRequest request) {
        Site site = sites.register(request);
        return ResponseEntity.created(URI.create("/api/v1/sites/" + site.id())).body(sites.get(site.id()));
    }

    @GetMapping("/{id}")
    SiteView get(@PathVariable String id) {
        return sites.get(id);
    }

    @GetMapping
    SitePage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return sites.list(page, FieldChecks.pageSize(page, size));
    }
}
