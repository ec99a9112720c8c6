package io.magpie.console;

import io.magpie.platform.Tenancy;
import io.magpie.tenant.Tenants;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Shows the logged-in user's tenant in the top bar. */
@ControllerAdvice(annotations = Controller.class)
class TenantNameAdvice {

    private final Tenants tenants;

    TenantNameAdvice(Tenants tenants) {
        this.tenants = tenants;
    }

    @ModelAttribute("tenantName")
    String tenantName() {
        return Tenancy.findActor()
                .flatMap(a -> tenants.find(a.tenantId()))
                .map(t -> t.name())
                .orElse("");
    }
}
