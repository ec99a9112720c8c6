package io.magpie.promotion;

/** A limit or budget a campaign consumes, e.g. 50,000.00 of discount in total, or 1 redemption per customer per day. */
public record CampaignLimit(long campaignId, LimitDefinition limit) {}
