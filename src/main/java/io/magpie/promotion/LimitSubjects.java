package io.magpie.promotion;

/**
 * The subject key a campaign's limit counts under, shared by whoever reads counters (cart evaluation)
 * and whoever consumes them (the order lifecycle): {@code campaign:<id>}, {@code customer:<id>} (guests
 * share {@code customer:guest}), {@code coupon:<id>}, {@code store:<code>} ({@code store:none} without a
 * store), {@code device:<id>}. Null when the limit cannot apply (no coupon, no device).
 */
public final class LimitSubjects {

    private LimitSubjects() {}

    public static String of(
            LimitScope per, long campaignId, String customerId, Long couponId, String store, String device) {
        return switch (per) {
            case CAMPAIGN -> "campaign:" + campaignId;
            case CUSTOMER -> "customer:" + (customerId == null ? "guest" : customerId);
            case COUPON -> couponId == null ? null : "coupon:" + couponId;
            case STORE -> "store:" + (store == null ? "none" : store);
            case DEVICE -> device == null ? null : "device:" + device;
        };
    }
}
