/** Promotions: campaigns, their pricing rules, coupon codes, and the limits and budgets they consume. */
@org.springframework.modulith.ApplicationModule(displayName = "Promotions")
package io.magpie.promotion;
