package io.magpie.commerce.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.commerce.CommerceSeed;
import io.magpie.console.ConsoleSession;
import io.magpie.console.ConsoleSession.Page;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@MagpieIntegrationTest
class CommercePagesIntegrationTests {

    static final String PASSWORD = "pages-test-password";

    @Autowired
    ApplicationContext context;

    long tenant;
    ConsoleSession analyst;
    long orderId;
    long customerId;
    long productId;
    long coffeeId;

    @BeforeEach
    void shop() {
        tenant = TestTenants.create(context).id();
        CommerceSeed seed = CommerceSeed.of(context, tenant);
        long apparel = seed.category("apparel", "Apparel", null);
        long shirts = seed.category("shirts", "Shirts", apparel);
        long food = seed.category("food", "Food", null);
        long acme = seed.brand("acme", "Acme");
        var teeProduct = seed.product("TEE-100", "Linen Tee", shirts, acme, "ACTIVE", "{\"material\": \"linen\"}");
        productId = teeProduct.id();
        var tee = seed.sku(teeProduct, "TEE-100-S", "Linen Tee S", 123456, 150000L);
        var coffeeProduct = seed.product("COF-1", "Coffee Beans", food, null, "INACTIVE", "{}");
        coffeeId = coffeeProduct.id();
        var coffee = seed.sku(coffeeProduct, "COF-1-500", "500 g", 8800, null);
        long store = seed.store("SH-1", "Shanghai Flagship");
        customerId = seed.customer("CUST-42", "Li Lei", "138****5678", "l***@example.com", "{\"tier\": \"gold\"}");
        seed.customer("CUST-43", "Han Meimei", null, null);
        orderId = seed.order("SO-20260301-0001")
                .at(Instant.parse("2026-03-01T17:00:00Z"))
                .customer(customerId)
                .store(store)
                .line(tee, 2, 123456, 6000)
                .line(coffee, 1, 8800)
                .freight(1000)
                .status("PARTIALLY_REFUNDED")
                .refunded(8800)
                .create();
        seed.refund(orderId, "RF-0001", "2", 1, 8800, Instant.parse("2026-03-03T02:00:00Z"));
        seed.order("SO-20260302-0002")
                .at(Instant.parse("2026-03-02T03:00:00Z"))
                .cancelled("out of stock")
                .line(coffee, 3, 8800)
                .create();
        analyst = ConsoleSession.login(context, TestTenants.user(context, tenant, PASSWORD, "ANALYST"), PASSWORD);
    }

    @Test
    void orderListShowsOrdersWithFormattedAmounts() {
        Page page = analyst.get("/orders");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("SO-20260301-0001", "SO-20260302-0002")
                .contains("¥2,507.12") // 2 × 1,234.56 − 60.00 + 88.00 + 10.00 shipping
                .contains("Li Lei", "Shanghai Flagship", "Partially refunded", "Cancelled")
                .contains("2026-03-02 01:00") // 17:00Z in Asia/Shanghai
                .contains("class=\"mp-nav-link active\"")
                .contains("<aside");
    }

    @Test
    void searchAsYouTypeAnswersWithTheTableFragmentOnly() {
        Page fragment = analyst.fragment("/orders?q=0001");

        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body())
                .contains("id=\"results\"", "SO-20260301-0001")
                .doesNotContain("SO-20260302-0002");
        assertThat(fragment.body()).doesNotContain("<html", "<aside", "mp-sidebar");
        assertThat(fragment.vary()).contains("HX-Request");
    }

    @Test
    void orderFiltersNarrowTheList() {
        assertThat(analyst.fragment("/orders?status=CANCELLED").body())
                .contains("SO-20260302-0002")
                .doesNotContain("SO-20260301-0001");
        assertThat(analyst.fragment("/orders?from=2026-03-02&to=2026-03-02").body())
                .contains("SO-20260301-0001", "SO-20260302-0002");
        assertThat(analyst.fragment("/orders?from=2026-03-03").body())
                .doesNotContain("SO-2026")
                .contains("No orders match");
        assertThat(analyst.fragment("/orders?customer=CUST-42").body())
                .contains("SO-20260301-0001")
                .doesNotContain("SO-20260302-0002");
        assertThat(analyst.fragment("/orders?status=NONSENSE&from=not-a-date").body())
                .contains("SO-20260301-0001", "SO-20260302-0002");
    }

    @Test
    void orderPageShowsLinesDiscountsRefundsAndTimeline() {
        Page page = analyst.get("/orders/" + orderId);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Order SO-20260301-0001")
                .contains("Linen Tee", "TEE-100-S", "¥1,234.56", "-¥60.00")
                .contains("RF-0001", "Damaged in transit", "-¥88.00")
                .contains("¥2,507.12", "¥2,419.12") // total, net after the refund
                .contains("Order placed", "Paid", "Refunded")
                .contains("Li Lei");
    }

    @Test
    void orderPageListsThePromotionsApplied() {
        assertThat(analyst.get("/orders/" + orderId).body()).doesNotContain("id=\"order-promotions\"");
        context.getBean(JdbcClient.class)
                .sql("""
                        insert into commerce_order_promotion (tenant_id, order_id, position, campaign_id, coupon_id, code,
                                                              discount_minor, freight_discount_minor, allocations)
                        values (?, ?, 0, 12, 345, 'SAVE-ABCD-7', 6000, 0, '[{"line_id": "1", "amount": 6000}]'),
                               (?, ?, 1, 56, null, null, 0, 1000, '[]')""")
                .params(tenant, orderId, tenant, orderId)
                .update();

        Page page = analyst.get("/orders/" + orderId);
        assertThat(page.body())
                .contains("id=\"order-promotions\"", "Promotions", "Shipping discount")
                .contains("#12", "#345", "SAVE-ABCD-7", "line 1 · ¥60.00", "#56", "-¥10.00");
        analyst.get("/orders?lang=zh-CN");
        assertThat(analyst.get("/orders/" + orderId).body()).contains("优惠券", "运费优惠", "分摊");
    }

    @Test
    void cursorPagingLinksToTheNextPage() {
        CommerceSeed seed = CommerceSeed.of(context, tenant);
        var sku = seed.sku(seed.product("BULK", "Bulk", null, null), "BULK-1", "Bulk", 100, null);
        for (int i = 0; i < 55; i++) {
            seed.order("BULK-%03d".formatted(i)).line(sku, 1, 100).create();
        }

        Page first = analyst.get("/orders");
        assertThat(first.body()).contains("BULK-054", "Next page").doesNotContain("BULK-000");
        String next = first.body()
                .replaceAll("(?s).*class=\"btn btn-sm btn-light mp-btn-outline mp-next\" href=\"([^\"]+)\".*", "$1")
                .replace("&amp;", "&");
        Page second = analyst.fragment(next);
        assertThat(second.body())
                .contains("BULK-000", "SO-20260301-0001", "First page")
                .doesNotContain("BULK-054", "Next page");
    }

    @Test
    void aBadCursorIsABadRequestPageNotAnError() {
        Page page = analyst.get("/orders?cursor=garbage");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("Request not accepted").doesNotContain("Exception", "at io.magpie");
    }

    @Test
    void customerListAndPageShowMaskedContactsAndOrders() {
        Page list = analyst.get("/customers");
        assertThat(list.body()).contains("Li Lei", "CUST-42", "138****5678", "Han Meimei", "¥2,419.12");
        assertThat(analyst.fragment("/customers?q=cust-43").body())
                .contains("Han Meimei")
                .doesNotContain("Li Lei", "<aside");
        assertThat(analyst.fragment("/customers?q=Lei").body())
                .contains("Li Lei")
                .doesNotContain("Han Meimei");

        Page page = analyst.get("/customers/" + customerId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Li Lei", "CUST-42", "138****5678", "l***@example.com")
                .contains("tier", "gold")
                .contains("SO-20260301-0001", "¥2,507.12", "¥88.00")
                .contains("/orders?customer=CUST-42");
    }

    @Test
    void productListFiltersByCategorySubtreeBrandAndStatus() {
        Page list = analyst.get("/products");
        assertThat(list.body()).contains("Linen Tee", "Coffee Beans", "¥1,234.56", "Acme", "Shirts");

        long apparel = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select id from commerce_category where tenant_id = ? and code = 'apparel'")
                .param(tenant)
                .query(Long.class)
                .single();
        assertThat(analyst.fragment("/products?category=" + apparel).body())
                .contains("Linen Tee")
                .doesNotContain("Coffee Beans");
        assertThat(analyst.fragment("/products?status=INACTIVE").body())
                .contains("Coffee Beans")
                .doesNotContain("Linen Tee");
        assertThat(analyst.fragment("/products?q=tee-1").body())
                .contains("Linen Tee")
                .doesNotContain("Coffee");

        Page page = analyst.get("/products/" + productId);
        assertThat(page.body())
                .contains("Linen Tee", "TEE-100-S", "¥1,234.56", "¥1,500.00", "Apparel › Shirts", "material", "linen");
    }

    @Test
    void anotherTenantsUserGetsTheNotFoundPage() {
        long otherTenant = TestTenants.create(context).id();
        ConsoleSession stranger =
                ConsoleSession.login(context, TestTenants.user(context, otherTenant, PASSWORD, "OWNER"), PASSWORD);

        for (String path : new String[] {"/orders/" + orderId, "/customers/" + customerId, "/products/" + productId}) {
            Page page = stranger.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body())
                    .contains("Page not found")
                    .doesNotContain("SO-20260301-0001", "Li Lei", "Linen Tee");
        }
        assertThat(stranger.get("/orders").body()).doesNotContain("SO-20260301-0001");
        assertThat(stranger.get("/customers").body()).doesNotContain("Li Lei");
    }

    @Test
    void pagesSpeakChinese() {
        analyst.get("/orders?lang=zh-CN");
        Page page = analyst.get("/orders/" + orderId);
        assertThat(page.body()).contains("订单 SO-20260301-0001", "部分退款", "¥2,507.12", "实付金额");
    }
}
