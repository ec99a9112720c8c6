package io.magpie.commerce.web;

import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.tenant.TenantView;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer list (search by external id or name) and one customer with their orders. Search by
 * phone needs the tenant's phone hashing, which the commerce API does not offer yet.
 */
@Controller
class CustomerPages {

    static final int RECENT_ORDERS = 20;

    private final CustomerPageQueries customers;
    private final OrderQueries orders;
    private final PageSupport support;

    CustomerPages(CustomerPageQueries customers, OrderQueries orders, PageSupport support) {
        this.customers = customers;
        this.orders = orders;
        this.support = support;
    }

    @GetMapping("/customers")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String hx,
            Model model,
            HttpServletResponse response) {
        TenantView tenant = support.tenant(model);
        String query = PageSupport.trimmed(q);
        CursorPage<CustomerPageQueries.Row> page = customers.list(tenant.id(), query, cursor, CursorPage.DEFAULT_LIMIT);
        model.addAttribute("q", query);
        model.addAttribute("page", page);
        model.addAttribute("nextUrl", PageSupport.nextUrl(page.nextCursor()));
        model.addAttribute("firstUrl", PageSupport.firstUrl(cursor));
        model.addAttribute("filtered", query != null);
        return PageSupport.view("commerce/customers", hx, response);
    }

    @GetMapping("/customers/{id}")
    String detail(@PathVariable long id, Model model) {
        TenantView tenant = support.tenant(model);
        model.addAttribute(
                "detail", customers.find(tenant.id(), id).orElseThrow(() -> ProblemException.notFound("customer", id)));
        model.addAttribute("orders", orders.ofCustomer(tenant.id(), id, RECENT_ORDERS));
        model.addAttribute("recentLimit", RECENT_ORDERS);
        return "commerce/customer";
    }
}
