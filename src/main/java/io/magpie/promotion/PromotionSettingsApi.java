package io.magpie.promotion;

import io.magpie.platform.Actor;
import io.magpie.platform.Scopes;
import io.magpie.platform.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's stacking policy used by cart evaluation. */
@RestController
@Tag(name = "Campaigns")
class PromotionSettingsApi {

    private final PromotionSettings settings;

    PromotionSettingsApi(PromotionSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/api/v1/promotion-settings")
    @PreAuthorize(Scopes.CAN_READ_PROMOTIONS)
    @Operation(summary = "The stacking policy: caps per stack group, free orders, one offer per line")
    PromotionSettings.View get() {
        return settings.get(Tenancy.currentTenantId());
    }

    @PutMapping("/api/v1/promotion-settings")
    @PreAuthorize(Scopes.CAN_MANAGE_PROMOTIONS)
    @Operation(
            summary = "Replace the stacking policy",
            description = "group_caps maps a campaign's stack_group to how many members one order may take, e.g. "
                    + "{\"store\": 1, \"platform\": 1}; groups not listed are unlimited. allow_free_orders lets "
                    + "discounts take the goods total to 0.00 (otherwise 0.01 remains). one_offer_per_line: a line "
                    + "takes at most one offer per stage (3 and 4). Audited; applies on this node at once, on "
                    + "others within 5 s.")
    PromotionSettings.View replace(@RequestBody PromotionSettings.Command body) {
        Actor actor = Tenancy.currentActor();
        return settings.replace(actor.tenantId(), actor.actorName(), body);
    }
}
