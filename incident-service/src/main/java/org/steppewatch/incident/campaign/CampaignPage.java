package org.steppewatch.incident.campaign;

import java.util.List;

import org.steppewatch.web.opendata.OpenDataList;

import com.fasterxml.jackson.annotation.JsonIgnore;

record CampaignPage(List<Campaign> items, int page, int size, long total) implements OpenDataList {

    @Override
    @JsonIgnore
    public String dataset() {
        return "campaigns";
    }

    @Override
    @JsonIgnore
    public List<Campaign> rows() {
        return items;
    }
}
