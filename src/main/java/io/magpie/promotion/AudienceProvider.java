package io.magpie.promotion;

/**
 * The hook through which other modules supply audiences: the audience module's segments, the loyalty
 * module's tiers. A bean per provider name; a campaign with audience kind PROVIDED names the provider
 * and a reference (segment id, tier code) that the provider understands.
 */
public interface AudienceProvider {

    /** The name campaigns use, e.g. {@code segment} or {@code tier}. */
    String name();

    /** Whether the reference exists for the tenant (checked when a campaign is saved). */
    boolean exists(long tenantId, String reference);

    /** Whether the customer belongs to the referenced audience now. */
    boolean includes(long tenantId, String reference, String customerId);
}
