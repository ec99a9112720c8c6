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

/** The product list (search, category subtree, brand, status) and one product with its SKUs. */
@Controller
class ProductPages {

    private final ProductQueries products;
    private final PageSupport support;

    ProductPages(ProductQueries products, PageSupport support) {
        this.products = products;
        this.support = support;
    }

    @GetMapping("/products")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String brand,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String hx,
            Model model,
            HttpServletResponse response) {
        TenantView tenant = support.tenant(model);
        var filter = new ProductQueries.Filter(
                PageSupport.trimmed(q),
                PageSupport.id(category),
                PageSupport.id(brand),
                PageSupport.oneOf(status, ProductQueries.STATUSES));
        CursorPage<ProductQueries.Row> page = products.list(tenant.id(), filter, cursor, CursorPage.DEFAULT_LIMIT);
        model.addAttribute("filter", filter);
        model.addAttribute("page", page);
        model.addAttribute("nextUrl", PageSupport.nextUrl(page.nextCursor()));
        model.addAttribute("firstUrl", PageSupport.firstUrl(cursor));
        model.addAttribute(
                "filtered",
                filter.q() != null || filter.category() != null || filter.brand() != null || filter.status() != null);
        if (!"true".equals(hx)) {
            model.addAttribute("categories", products.categories(tenant.id()));
            model.addAttribute("brands", products.brands(tenant.id()));
        }
        return PageSupport.view("commerce/products", hx, response);
    }

    @GetMapping("/products/{id}")
    String detail(@PathVariable long id, Model model) {
        TenantView tenant = support.tenant(model);
        model.addAttribute(
                "detail", products.find(tenant.id(), id).orElseThrow(() -> ProblemException.notFound("product", id)));
        return "commerce/product";
    }
}
