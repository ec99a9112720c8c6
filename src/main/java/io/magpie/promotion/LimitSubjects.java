package io.magpie.promotion;

/**
 * The subject key a campaign's limit counts under, shared by whoever reads counters (cart evaluation)
 * and whoever consumes them (the order lifecycle): per CAMPAIGN the campaign id, per CUSTOMER the
 * merchant's customer id, per COUPON the coupon id, per STORE the store code, per DEVICE the device id.
 * Null when the subject is unknown (e.g. no customer given), in which case the limit cannot be checked.
 */
public final class LimitSubjects {

    private LimitSubjects() {}

    public static String of(
            LimitScope per, long campaignId, String customerId, Long couponId, String store, String device) {
        return switch (per) {
            case CAMPAIGN -> Long.toString(campaignId);
            case CUSTOMER -> customerId;
            case COUPON -> couponId == null ? null : Long.toString(couponId);
            case STORE -> store;
            case DEVICE -> device;
        };
    }
}
