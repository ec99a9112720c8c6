package io.magpie.platform;

/**
 * API key scopes and the {@code @PreAuthorize} expressions that check them. A key with
 * {@code read} may call every GET of its tenant; writes need the scope of their area.
 */
public final class Scopes {

    private Scopes() {}

    public static final String ADMIN = "admin";
    public static final String CATALOG = "catalog";
    public static final String CUSTOMERS = "customers";
    public static final String ORDERS = "orders";
    public static final String READ = "read";
    /** Manage campaigns, coupon templates, code batches. */
    public static final String PROMOTIONS = "promotions";
    /** Storefront calls: evaluate carts, product promotions, coupon centre, claims, wallets, code redemption. */
    public static final String EVALUATE = "evaluate";

    /** All scopes a key may carry, in display order. */
    public static final java.util.List<String> ALL =
            java.util.List.of(ADMIN, CATALOG, CUSTOMERS, ORDERS, PROMOTIONS, EVALUATE, READ);

    public static final String CAN_ADMIN = "hasAuthority('SCOPE_admin')";
    public static final String CAN_WRITE_CATALOG = "hasAuthority('SCOPE_catalog')";
    public static final String CAN_READ_CATALOG = "hasAnyAuthority('SCOPE_catalog','SCOPE_read')";
    public static final String CAN_WRITE_CUSTOMERS = "hasAuthority('SCOPE_customers')";
    public static final String CAN_READ_CUSTOMERS = "hasAnyAuthority('SCOPE_customers','SCOPE_read')";
    public static final String CAN_WRITE_ORDERS = "hasAuthority('SCOPE_orders')";
    public static final String CAN_READ_ORDERS = "hasAnyAuthority('SCOPE_orders','SCOPE_read')";
    public static final String CAN_MANAGE_PROMOTIONS = "hasAuthority('SCOPE_promotions')";
    public static final String CAN_READ_PROMOTIONS = "hasAnyAuthority('SCOPE_promotions','SCOPE_read')";
    public static final String CAN_EVALUATE = "hasAnyAuthority('SCOPE_evaluate','SCOPE_promotions')";
}
