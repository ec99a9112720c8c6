package io.magpie.promotion;

/** A campaign was created, edited or changed state; caches of running campaigns refresh the tenant. */
public record CampaignChanged(long tenantId, long campaignId) {}
