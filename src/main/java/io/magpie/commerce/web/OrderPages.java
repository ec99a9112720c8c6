package io.magpie.commerce.web;

import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.tenant.TenantView;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The order list (search, filters, cursor paging) and one order's page. */
@Controller
class OrderPages {

    private final OrderQueries orders;
    private final PageSupport support;

    OrderPages(OrderQueries orders, PageSupport support) {
        this.orders = orders;
        this.support = support;
    }

    @GetMapping("/orders")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String store,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String hx,
            Model model,
            HttpServletResponse response) {
        TenantView tenant = support.tenant(model);
        var filter = new OrderQueries.Filter(
                PageSupport.trimmed(q),
                PageSupport.oneOf(status, OrderQueries.STATUSES),
                PageSupport.date(from),
                PageSupport.date(to),
                PageSupport.id(store),
                PageSupport.trimmed(customer));
        CursorPage<OrderQueries.Row> page =
                orders.list(tenant.id(), filter, tenant.timeZone(), cursor, CursorPage.DEFAULT_LIMIT);
        model.addAttribute("filter", filter);
        model.addAttribute("page", page);
        model.addAttribute("nextUrl", PageSupport.nextUrl(page.nextCursor()));
        model.addAttribute("firstUrl", PageSupport.firstUrl(cursor));
        model.addAttribute(
                "filtered",
                filter.q() != null
                        || filter.status() != null
                        || filter.from() != null
                        || filter.to() != null
                        || filter.store() != null
                        || filter.customer() != null);
        model.addAttribute("statuses", List.of("CREATED", "PAID", "PARTIALLY_REFUNDED", "REFUNDED", "CANCELLED"));
        if (!"true".equals(hx)) {
            model.addAttribute("stores", orders.stores(tenant.id()));
        }
        return PageSupport.view("commerce/orders", hx, response);
    }

    @GetMapping("/orders/{id}")
    String detail(@PathVariable long id, Model model) {
        TenantView tenant = support.tenant(model);
        model.addAttribute(
                "detail", orders.find(tenant.id(), id).orElseThrow(() -> ProblemException.notFound("order", id)));
        return "commerce/order";
    }
}
