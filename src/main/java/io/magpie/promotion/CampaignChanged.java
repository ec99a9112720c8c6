package io.magpie.promotion;

/** A campaign was created, edited or moved through its lifecycle; caches of live campaigns refresh on it. */
public record CampaignChanged(long tenantId, long campaignId) {}
