package org.steppewatch.incident.campaign;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steppewatch.incident.site.FieldChecks;

@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping
    ResponseEntity<Campaign> record(@RequestBody CampaignRequest request) {
        Campaign campaign = campaigns.record(request);
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.id())).body(campaign);
    }

    @GetMapping("/{id}")
    Campaign get(@PathVariable String id) {
        return campaigns.get(id);
    }

    @GetMapping
    CampaignPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return campaigns.list(page, FieldChecks.pageSize(page, size));
    }
}
